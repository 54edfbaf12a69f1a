package org.scratchpadlens.document;

import java.util.List;

/**
 * Every system prompt, and the same seen per variation (its prompt files) and per run
 * (the prompts its transcripts carry).
 */
public record PromptCatalog(List<PromptSummary> prompts, List<Variation> variations, List<Run> runs) {

	/** The prompt files of one variation. */
	public record Variation(String variation, List<PromptFileRef> files) {
	}

	/** The prompts one run's current transcripts carry, with counts. */
	public record Run(long runId, String run, String variation, boolean sample, List<Use> prompts) {
	}

	/** A prompt and how many of the run's transcripts carry it. */
	public record Use(long promptId, long transcripts) {
	}

}
