package org.scratchpadlens.ingest.job;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An import job as the imports page and {@code GET /api/imports} show it. */
public record ImportJobView(long id, String origin, String description, @JsonProperty("started_by") String startedBy,
		ImportJobStatus status, @JsonProperty("started_at") Instant startedAt,
		@JsonProperty("finished_at") Instant finishedAt, @JsonProperty("files_seen") int filesSeen,
		@JsonProperty("transcripts_imported") int transcriptsImported,
		@JsonProperty("transcripts_updated") int transcriptsUpdated,
		@JsonProperty("transcripts_unchanged") int transcriptsUnchanged,
		@JsonProperty("documents_imported") int documentsImported,
		@JsonProperty("documents_unchanged") int documentsUnchanged,
		@JsonProperty("prompts_imported") int promptsImported, @JsonProperty("prompts_unchanged") int promptsUnchanged,
		@JsonProperty("rejected_count") int rejectedCount, String error, List<ImportReport.RejectedFile> rejected) {

	public boolean running() {
		return status == ImportJobStatus.RUNNING;
	}

	public boolean undone() {
		return status == ImportJobStatus.UNDONE;
	}

	public boolean interrupted() {
		return status == ImportJobStatus.INTERRUPTED;
	}

	ImportJobView withRejected(List<ImportReport.RejectedFile> files) {
		return new ImportJobView(id, origin, description, startedBy, status, startedAt, finishedAt, filesSeen,
				transcriptsImported, transcriptsUpdated, transcriptsUnchanged, documentsImported, documentsUnchanged,
				promptsImported, promptsUnchanged, rejectedCount, error, files);
	}

}
