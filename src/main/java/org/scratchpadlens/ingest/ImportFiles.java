package org.scratchpadlens.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A page of an import job's per-file outcomes. */
public record ImportFiles(@JsonProperty("job_id") long jobId, String outcome, long total, int offset,
		List<FileOutcome> files) {

	public record FileOutcome(String path, String outcome, @JsonProperty("transcript_id") Long transcriptId) {
	}

}
