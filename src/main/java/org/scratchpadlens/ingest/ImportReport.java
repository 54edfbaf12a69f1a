package org.scratchpadlens.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import did. The same shape is written by {@code import --report=FILE}, returned
 * by the API and shown on the import page.
 */
public record ImportReport(@JsonProperty("job_id") long jobId, String status, @JsonProperty("files_seen") int filesSeen,
		@JsonProperty("transcripts_imported") int transcriptsImported,
		@JsonProperty("transcripts_unchanged") int transcriptsUnchanged,
		@JsonProperty("transcripts_updated") int transcriptsUpdated,
		@JsonProperty("documents_imported") int documentsImported,
		@JsonProperty("documents_unchanged") int documentsUnchanged,
		@JsonProperty("prompts_imported") int promptsImported, List<RejectedFile> rejected,
		@JsonProperty("error") String error, @JsonProperty("seconds") double seconds) {

	public record RejectedFile(String path, String reason) {
	}

	public boolean hasRejections() {
		return !rejected.isEmpty();
	}

}
