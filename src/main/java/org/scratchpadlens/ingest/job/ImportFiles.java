package org.scratchpadlens.ingest.job;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A page of an import job's per-file outcomes. */
public record ImportFiles(@JsonProperty("job_id") long jobId, String outcome, long total, int offset,
		List<FileOutcome> files) {

	static final List<String> OUTCOMES = List.of("imported", "updated", "unchanged", "rejected", "document_imported",
			"document_unchanged", "prompt_imported", "prompt_unchanged");

	/**
	 * {@code transcriptId}: the version written or found unchanged; {@code reason}: why
	 * it was rejected.
	 */
	public record FileOutcome(String path, String outcome, @JsonProperty("transcript_id") Long transcriptId,
			String reason) {
	}

}
