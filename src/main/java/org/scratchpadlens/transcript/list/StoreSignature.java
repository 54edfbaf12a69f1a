package org.scratchpadlens.transcript.list;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cheap fingerprint of what the store holds, read from small tables on every list
 * request: it changes whenever an import writes a batch (its job's counts and heartbeat),
 * finishes or is undone, and when a run's setting is corrected; then the in-memory index
 * is rebuilt. {@code running}: an import is writing right now.
 */
record StoreSignature(long jobs, String lastJobChange, long jobCounts, long runs, long runSettings,
		long firstTranscript, long lastTranscript, boolean running) {

	static StoreSignature read(JdbcClient jdbc) {
		return jdbc.sql("""
				select (select count(*) from import_job),
				  (select cast(max(updated_at) as varchar(64)) from import_job),
				  (select coalesce(sum(transcripts_imported + transcripts_updated + files_seen), 0) from import_job),
				  (select count(*) from run),
				  (select coalesce(sum(id * (length(setting) + 1)), 0) from run),
				  coalesce((select min(id) from transcript), 0),
				  coalesce((select max(id) from transcript), 0),
				  (select count(*) from import_job where status = 'running')""")
			.query((rs, n) -> new StoreSignature(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8) > 0))
			.single();
	}

	/** The same store contents, whether or not an import is running. */
	boolean sameContents(StoreSignature other) {
		return other != null && jobs == other.jobs && java.util.Objects.equals(lastJobChange, other.lastJobChange)
				&& jobCounts == other.jobCounts && runs == other.runs && runSettings == other.runSettings
				&& firstTranscript == other.firstTranscript && lastTranscript == other.lastTranscript;
	}

}
