package org.scratchpadlens.transcript;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the store holds, in one line: current transcripts, all versions, documents and
 * prompts.
 */
public record StoreTotals(long transcripts, @JsonProperty("transcript_versions") long transcriptVersions,
		@JsonProperty("synthetic_documents") long syntheticDocuments,
		@JsonProperty("system_prompts") long systemPrompts, @JsonProperty("prompt_files") long promptFiles) {
}
