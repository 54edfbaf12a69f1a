package org.scratchpadlens.ingest;

import org.scratchpadlens.ingest.parse.ParsedTranscript;

/** What the reader hands the writer: one thing to store, or one thing rejected. */
sealed interface ImportUnit {

	String path();

	/** A transcript file (or JSONL line) with everything needed to store it. */
	record TranscriptUnit(String path, String run, String split, String fileName, Integer queryIndex, String model,
			ParsedTranscript transcript, String sha256, long byteSize, String systemPromptSha,
			String userInputSha) implements ImportUnit {
	}

	record DocumentUnit(String path, int index, String sha256, String setting, String fact, String docType, String idea,
			String content, String metadataJson) implements ImportUnit {
	}

	record PromptUnit(String path, String variation, String kind, String fileName, String content,
			String sha256) implements ImportUnit {
	}

	record Rejection(String path, String reason) implements ImportUnit {
	}

}
