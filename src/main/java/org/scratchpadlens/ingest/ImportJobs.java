package org.scratchpadlens.ingest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.scratchpadlens.web.BadRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Import jobs and their rejected files, and the undo of a job. */
@Repository
public class ImportJobs {

	/**
	 * How often a running import says it is alive, even while a batch is slow.
	 */
	static final Duration HEARTBEAT = Duration.ofSeconds(10);

	/**
	 * A running job that has not said it is alive for this long was killed (its process
	 * died, or the server stopped mid-upload).
	 */
	static final Duration STALE = Duration.ofMinutes(2);

	private final JdbcTemplate jdbc;

	private final List<ImportDeletionVeto> vetoes;

	ImportJobs(JdbcTemplate jdbc, List<ImportDeletionVeto> vetoes) {
		this.jdbc = jdbc;
		this.vetoes = vetoes;
	}

	long create(String origin, String description, String startedBy) {
		Timestamp now = ImportService.now();
		markStaleJobsInterrupted();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.update(con -> {
			PreparedStatement ps = con
				.prepareStatement("insert into import_job (origin, description, started_by, status,"
						+ " started_at, updated_at) values (?, ?, ?, 'running', ?, ?)", new String[] { "id" });
			ps.setString(1, origin);
			ps.setString(2, description);
			ps.setString(3, startedBy);
			ps.setTimestamp(4, now);
			ps.setTimestamp(5, now);
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	/**
	 * Adds a committed batch's counts to the job (serialised: writers never wait on each
	 * other's row lock).
	 */
	synchronized void addCounts(long id, ImportCounters c) {
		jdbc.update("""
				update import_job set files_seen = files_seen + ?, transcripts_imported = transcripts_imported + ?,
				  transcripts_updated = transcripts_updated + ?, transcripts_unchanged = transcripts_unchanged + ?,
				  documents_imported = documents_imported + ?, documents_unchanged = documents_unchanged + ?,
				  prompts_imported = prompts_imported + ?, rejected_count = rejected_count + ?, updated_at = ?
				where id = ?""", c.filesSeen, c.transcriptsImported, c.transcriptsUpdated, c.transcriptsUnchanged,
				c.documentsImported, c.documentsUnchanged, c.promptsImported, c.rejected, ImportService.now(), id);
	}

	void finish(long id, String error) {
		Timestamp now = ImportService.now();
		jdbc.update("""
				update import_job set finished_at = ?, updated_at = ?, error_message = ?,
				  status = case when cast(? as varchar(4000)) is not null then 'failed'
				                when rejected_count > 0 and rejected_count = files_seen then 'rejected'
				                when rejected_count > 0 then 'completed_with_rejections' else 'completed' end
				where id = ?""", now, now, error, error, id);
	}

	/** The job's process is alive: keeps a slow job from looking killed. */
	synchronized void heartbeat(long id) {
		jdbc.update("update import_job set updated_at = ? where id = ? and status = 'running'", ImportService.now(),
				id);
	}

	/**
	 * A job left 'running' by a process that died is marked interrupted, wherever jobs
	 * are read, so that it stops showing progress and can be undone or imported again.
	 */
	void markStaleJobsInterrupted() {
		jdbc.update("""
				update import_job set status = 'interrupted', error_message = ?
				where status = 'running' and updated_at < ?""",
				"the import stopped before it finished (its process was killed or the server stopped)",
				Timestamp.from(Instant.now().minus(STALE)));
	}

	ImportReport report(long id, double seconds) {
		ImportJobView j = find(id).orElseThrow();
		return new ImportReport(j.id(), j.status(), j.filesSeen(), j.transcriptsImported(), j.transcriptsUnchanged(),
				j.transcriptsUpdated(), j.documentsImported(), j.documentsUnchanged(), j.promptsImported(),
				j.rejected(), j.error(), seconds);
	}

	public List<ImportJobView> list() {
		markStaleJobsInterrupted();
		List<ImportJobView> jobs = jdbc.query("select * from import_job order by id desc",
				(rs, n) -> view(rs, List.of()));
		List<ImportJobView> out = new ArrayList<>();
		for (ImportJobView j : jobs) {
			out.add(j.rejectedCount() == 0 ? j : withRejections(j));
		}
		return out;
	}

	public Optional<ImportJobView> find(long id) {
		Optional<ImportJobView> job = read(id);
		// the progress page asks every second: write only when the job claims to run
		if (job.isPresent() && job.get().running()) {
			markStaleJobsInterrupted();
			job = read(id);
		}
		return job.map(j -> j.rejectedCount() == 0 ? j : withRejections(j));
	}

	private Optional<ImportJobView> read(long id) {
		return jdbc.query("select * from import_job where id = ?", (rs, n) -> view(rs, List.of()), id)
			.stream()
			.findFirst();
	}

	private ImportJobView withRejections(ImportJobView j) {
		List<ImportReport.RejectedFile> rejected = jdbc.query(
				"select path, reason from import_rejection where import_job_id = ? order by id",
				(rs, n) -> new ImportReport.RejectedFile(rs.getString(1), rs.getString(2)), j.id());
		return new ImportJobView(j.id(), j.origin(), j.description(), j.startedBy(), j.status(), j.startedAt(),
				j.finishedAt(), j.filesSeen(), j.transcriptsImported(), j.transcriptsUpdated(),
				j.transcriptsUnchanged(), j.documentsImported(), j.documentsUnchanged(), j.promptsImported(),
				j.rejectedCount(), j.error(), rejected);
	}

	private static ImportJobView view(ResultSet rs, List<ImportReport.RejectedFile> rejected) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportJobView(rs.getLong("id"), rs.getString("origin"), rs.getString("description"),
				rs.getString("started_by"), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), rs.getInt("files_seen"),
				rs.getInt("transcripts_imported"), rs.getInt("transcripts_updated"), rs.getInt("transcripts_unchanged"),
				rs.getInt("documents_imported"), rs.getInt("documents_unchanged"), rs.getInt("prompts_imported"),
				rs.getInt("rejected_count"), rs.getString("error_message"), rejected);
	}

	/**
	 * One page of what happened to each file the job read, optionally of one outcome, in
	 * the order read.
	 */
	public ImportFiles files(long id, String outcome, int offset, int limit) {
		find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
		if (outcome != null && !ImportFiles.OUTCOMES.contains(outcome)) {
			throw new BadRequestException(
					"'" + outcome + "' is not an outcome; use one of " + String.join(", ", ImportFiles.OUTCOMES) + ".");
		}
		String all = """
				select path, outcome, transcript_id, cast(null as varchar(4000)) as reason from import_file
				where import_job_id = :job
				union all
				select path, 'rejected', cast(null as bigint), reason from import_rejection where import_job_id = :job""";
		String where = outcome == null ? "" : " where o.outcome = :outcome";
		Map<String, Object> params = new HashMap<>();
		params.put("job", id);
		if (outcome != null) {
			params.put("outcome", outcome);
		}
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
		long total = named.queryForObject("select count(*) from (" + all + ") o" + where, params, Long.class);
		List<ImportFiles.FileOutcome> page = named.query(
				"select * from (" + all + ") o" + where + " order by o.path offset " + offset + " rows fetch next "
						+ limit + " rows only",
				params, (rs, n) -> new ImportFiles.FileOutcome(rs.getString(1), rs.getString(2),
						(Long) rs.getObject(3, Long.class), rs.getString(4)));
		return new ImportFiles(id, outcome, total, offset, page);
	}

	/** What the undo of a job would be refused for; empty when it may go ahead. */
	public List<String> deletionBlockers(long id) {
		List<String> blockers = new ArrayList<>();
		for (ImportDeletionVeto veto : vetoes) {
			blockers.addAll(veto.blockers(id));
		}
		return blockers;
	}

	/**
	 * Removes everything the job added: transcript versions (earlier versions become
	 * current again), documents, prompt links, system prompts no longer used, runs left
	 * empty, and the job itself.
	 */
	@Transactional
	public DeletionResult delete(long id) {
		ImportJobView job = find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
		if (job.running()) {
			return DeletionResult.refused(List.of("the job is still running"));
		}
		if (job.undone()) {
			return DeletionResult.refused(List.of("it was undone already"));
		}
		List<String> blockers = new ArrayList<>(laterImportsRelyingOn(id));
		blockers.addAll(deletionBlockers(id));
		if (!blockers.isEmpty()) {
			return DeletionResult.refused(blockers);
		}
		List<Long> runs = jdbc.queryForList("select distinct run_id from transcript where import_job_id = ?",
				Long.class, id);
		// children first: explicit deletes are faster than cascades on H2 and keep
		// PostgreSQL's locks short
		jdbc.update("delete from metric where transcript_id in (select id from transcript where import_job_id = ?)",
				id);
		jdbc.update("delete from section where transcript_id in (select id from transcript where import_job_id = ?)",
				id);
		jdbc.update("delete from message where transcript_id in (select id from transcript where import_job_id = ?)",
				id);
		int transcripts = jdbc.update("delete from transcript where import_job_id = ?", id);
		// identities whose current version was removed: the newest remaining version
		// becomes current
		jdbc.update("""
				update transcript t set is_current = true
				where not exists (select 1 from transcript c where c.run_id = t.run_id and c.split = t.split
				                    and c.file_name = t.file_name and c.is_current)
				  and t.version = (select max(v.version) from transcript v where v.run_id = t.run_id
				                    and v.split = t.split and v.file_name = t.file_name)""");
		int documents = jdbc.update("delete from synthetic_document where import_job_id = ?", id);
		int prompts = jdbc.update("delete from prompt_file where import_job_id = ?", id);
		jdbc.update("""
				delete from system_prompt p where p.import_job_id = ?
				  and not exists (select 1 from transcript t where t.system_prompt_id = p.id)
				  and not exists (select 1 from message m where m.system_prompt_id = p.id)
				  and not exists (select 1 from prompt_file f where f.system_prompt_id = p.id)""", id);
		jdbc.update("update system_prompt set import_job_id = null where import_job_id = ?", id);
		for (Long run : runs) {
			jdbc.update(
					"delete from run r where r.id = ? and not exists (select 1 from transcript t where t.run_id = r.id)",
					run);
		}
		// the job stays as a record of what happened (counts, rejections, each file's
		// outcome); its file rows no longer point at transcripts (what it wrote is gone,
		// and what it found unchanged no longer depends on it)
		jdbc.update("update import_file set transcript_id = null where import_job_id = ?", id);
		jdbc.update("update import_job set status = 'undone', updated_at = ? where id = ?", ImportService.now(), id);
		return DeletionResult.deleted(transcripts, documents, prompts);
	}

	/**
	 * Later imports that found this job's transcripts unchanged: undoing this one first
	 * would leave their records pointing at transcripts that no longer exist.
	 */
	private List<String> laterImportsRelyingOn(long id) {
		return jdbc.query("""
				select f.import_job_id, count(*) from import_file f join transcript t on t.id = f.transcript_id
				where t.import_job_id = ? and f.import_job_id <> ? and f.outcome = 'unchanged'
				group by f.import_job_id order by f.import_job_id""", (rs, n) -> "import " + rs.getLong(1) + " found "
				+ rs.getLong(2) + " of its transcripts unchanged: undo import " + rs.getLong(1) + " first", id, id);
	}

	public record DeletionResult(boolean deleted, @JsonProperty("transcripts_removed") int transcriptsRemoved,
			@JsonProperty("documents_removed") int documentsRemoved,
			@JsonProperty("prompt_files_removed") int promptFilesRemoved, List<String> blockers) {

		static DeletionResult refused(List<String> blockers) {
			return new DeletionResult(false, 0, 0, 0, blockers);
		}

		static DeletionResult deleted(int transcripts, int documents, int prompts) {
			return new DeletionResult(true, transcripts, documents, prompts, List.of());
		}

	}

}
