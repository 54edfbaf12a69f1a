package org.scratchpadlens.transcript;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A train and a deploy transcript of one run that hold the same user query: matched by
 * query index (file N in both splits), or, where the index does not match, by identical
 * user input.
 */
public record TranscriptPair(@JsonProperty("query_index") Integer queryIndex, @JsonProperty("train_id") long trainId,
		@JsonProperty("train_file") String trainFile, @JsonProperty("deploy_id") long deployId,
		@JsonProperty("deploy_file") String deployFile, @JsonProperty("matched_by") String matchedBy) {
}
