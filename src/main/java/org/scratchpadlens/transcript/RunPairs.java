package org.scratchpadlens.transcript;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The pairs of one run, and how many current transcripts of each split found no partner.
 */
public record RunPairs(String run, List<TranscriptPair> pairs, @JsonProperty("unpaired_train") long unpairedTrain,
		@JsonProperty("unpaired_deploy") long unpairedDeploy) {
}
