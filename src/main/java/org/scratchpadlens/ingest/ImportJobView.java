package org.scratchpadlens.ingest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An import job as the imports page and {@code GET /api/imports} show it. */
public record ImportJobView(long id, String origin, String description, @JsonProperty("started_by") String startedBy,
		String status, @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt,
		@JsonProperty("files_seen") int filesSeen, @JsonProperty("transcripts_imported") int transcriptsImported,
		@JsonProperty("transcripts_updated") int transcriptsUpdated,
		@JsonProperty("transcripts_unchanged") int transcriptsUnchanged,
		@JsonProperty("documents_imported") int documentsImported,
		@JsonProperty("documents_unchanged") int documentsUnchanged,
		@JsonProperty("prompts_imported") int promptsImported, @JsonProperty("rejected_count") int rejectedCount,
		String error, List<ImportReport.RejectedFile> rejected) {

	public boolean running() {
		return "running".equals(status);
	}

	public boolean undone() {
		return "undone".equals(status);
	}

}
