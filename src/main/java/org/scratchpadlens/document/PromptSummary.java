package org.scratchpadlens.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A distinct system prompt, with where it is used: the prompt files that hold its text
 * and the runs whose current transcripts carry it.
 */
public record PromptSummary(long id, String sha256, int chars, String beginning, List<PromptFileRef> files,
		List<PromptRunUse> runs) {

	/**
	 * How a person tells prompts apart in a list: its number and its first file or run.
	 */
	@JsonIgnore
	public String label() {
		if (!files.isEmpty()) {
			return "#" + id + " · " + files.get(0).fileName();
		}
		if (!runs.isEmpty()) {
			return "#" + id + " · in " + runs.get(0).run();
		}
		return "#" + id;
	}

	/** The kind of its files: a patch ({@code prompt_diff_*.patch}) is shown as one. */
	@JsonIgnore
	public boolean patch() {
		return !files.isEmpty() && files.stream().allMatch(f -> "diff".equals(f.kind()));
	}

}
