package org.scratchpadlens.ingest.job;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The job store: an import creates its job, adds each committed batch's counts, says it
 * is alive, and finishes it. Reading jobs is {@link ImportJobQueries}; undoing one is
 * {@link ImportUndo}.
 */
@Repository
public class ImportJobs {

	/**
	 * How often a running import says it is alive, even while a batch is slow.
	 */
	public static final Duration HEARTBEAT = Duration.ofSeconds(10);

	/**
	 * A running job that has not said it is alive for this long was killed (its process
	 * died, or the server stopped mid-upload).
	 */
	public static final Duration STALE = Duration.ofMinutes(2);

	static final String INTERRUPTED_MESSAGE = "the import stopped before it finished (its process was killed or the server stopped)";

	private final JdbcTemplate jdbc;

	ImportJobs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long create(String origin, String description, String startedBy) {
		Timestamp now = now();
		markStaleJobsInterrupted();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(con -> {
			PreparedStatement ps = con.prepareStatement("insert into import_job (origin, description, started_by,"
					+ " status, started_at, updated_at) values (?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setString(1, origin);
			ps.setString(2, description);
			ps.setString(3, startedBy);
			ps.setString(4, ImportJobStatus.RUNNING.value());
			ps.setTimestamp(5, now);
			ps.setTimestamp(6, now);
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	/**
	 * Adds a committed batch's counts to the job (serialised: writers never wait on each
	 * other's row lock).
	 */
	public synchronized void addCounts(long id, BatchCounts c) {
		jdbc.update("""
				update import_job set files_seen = files_seen + ?, transcripts_imported = transcripts_imported + ?,
				  transcripts_updated = transcripts_updated + ?, transcripts_unchanged = transcripts_unchanged + ?,
				  documents_imported = documents_imported + ?, documents_unchanged = documents_unchanged + ?,
				  prompts_imported = prompts_imported + ?, prompts_unchanged = prompts_unchanged + ?,
				  rejected_count = rejected_count + ?, updated_at = ?
				where id = ?""", c.filesSeen(), c.transcriptsImported(), c.transcriptsUpdated(),
				c.transcriptsUnchanged(), c.documentsImported(), c.documentsUnchanged(), c.promptsImported(),
				c.promptsUnchanged(), c.rejected(), now(), id);
	}

	/**
	 * Ends the job: {@code failed} with the error when there is one, else by its counts.
	 */
	public void finish(long id, String error) {
		Timestamp now = now();
		jdbc.update("""
				update import_job set finished_at = ?, updated_at = ?, error_message = ?,
				  status = case when cast(? as varchar(4000)) is not null then ?
				                when rejected_count > 0 and rejected_count = files_seen then ?
				                when rejected_count > 0 then ? else ? end
				where id = ?""", now, now, error, error, ImportJobStatus.FAILED.value(),
				ImportJobStatus.REJECTED.value(), ImportJobStatus.COMPLETED_WITH_REJECTIONS.value(),
				ImportJobStatus.COMPLETED.value(), id);
	}

	/** The job's process is alive: keeps a slow job from looking killed. */
	public synchronized void heartbeat(long id) {
		jdbc.update("update import_job set updated_at = ? where id = ? and status = ?", now(), id,
				ImportJobStatus.RUNNING.value());
	}

	/**
	 * A job left running by a process that died is marked interrupted, wherever jobs are
	 * read, so that it stops showing progress and can be undone or imported again.
	 */
	void markStaleJobsInterrupted() {
		jdbc.update("update import_job set status = ?, error_message = ? where status = ? and updated_at < ?",
				ImportJobStatus.INTERRUPTED.value(), INTERRUPTED_MESSAGE, ImportJobStatus.RUNNING.value(),
				Timestamp.from(Instant.now().minus(STALE)));
	}

	static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
