package org.scratchpadlens.ingest.job;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import did. The same shape is written by {@code import --report=FILE} and
 * printed as the command's summary; the API and the import page show the job itself
 * ({@link ImportJobView}), which carries the same counts.
 */
public record ImportReport(@JsonProperty("job_id") long jobId, ImportJobStatus status,
		@JsonProperty("files_seen") int filesSeen, @JsonProperty("transcripts_imported") int transcriptsImported,
		@JsonProperty("transcripts_unchanged") int transcriptsUnchanged,
		@JsonProperty("transcripts_updated") int transcriptsUpdated,
		@JsonProperty("documents_imported") int documentsImported,
		@JsonProperty("documents_unchanged") int documentsUnchanged,
		@JsonProperty("prompts_imported") int promptsImported, @JsonProperty("prompts_unchanged") int promptsUnchanged,
		List<RejectedFile> rejected, @JsonProperty("error") String error, @JsonProperty("seconds") double seconds) {

	public record RejectedFile(String path, String reason) {
	}

	/**
	 * The report of a job whose end could not be written to the database: what is known
	 * without it.
	 */
	public static ImportReport failedToRecord(long jobId, long filesRead, String error, double seconds) {
		return new ImportReport(jobId, ImportJobStatus.FAILED, (int) filesRead, 0, 0, 0, 0, 0, 0, 0, List.of(), error,
				seconds);
	}

	public boolean hasRejections() {
		return !rejected.isEmpty();
	}

}
