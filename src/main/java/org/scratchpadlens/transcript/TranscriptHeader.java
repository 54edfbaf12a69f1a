package org.scratchpadlens.transcript;

import java.time.OffsetDateTime;

/**
 * What a transcript page shows above the conversation. Read fresh on every request (the
 * current version and the run's setting may change), unlike the conversation itself.
 */
public record TranscriptHeader(long id, long runId, String run, boolean sample, String setting, String variation,
		String model, String split, Integer queryIndex, String fileName, int version, boolean current,
		Long systemPromptId, String freeTierTag, boolean splitMismatch, boolean hasOutput, boolean cutOff,
		OffsetDateTime importedAt) {

	/** The condition as a reader knows it: train is the monitored free tier. */
	public String condition() {
		return "train".equals(split) ? "training · free tier" : "unmonitored · paid tier";
	}

}
