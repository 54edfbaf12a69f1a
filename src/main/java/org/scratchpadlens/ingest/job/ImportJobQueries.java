package org.scratchpadlens.ingest.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scratchpadlens.web.BadRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Import jobs as the pages, the API and the command read them: the list, one job with its
 * rejected files, its report, and a page of its per-file outcomes. A job whose process
 * died is shown {@code interrupted} wherever jobs are read.
 */
@Repository
public class ImportJobQueries {

	private final JdbcTemplate jdbc;

	private final ImportJobs jobs;

	ImportJobQueries(JdbcTemplate jdbc, ImportJobs jobs) {
		this.jdbc = jdbc;
		this.jobs = jobs;
	}

	public ImportReport report(long id, double seconds) {
		ImportJobView j = find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
		return new ImportReport(j.id(), j.status(), j.filesSeen(), j.transcriptsImported(), j.transcriptsUnchanged(),
				j.transcriptsUpdated(), j.documentsImported(), j.documentsUnchanged(), j.promptsImported(),
				j.promptsUnchanged(), j.rejected(), j.error(), seconds);
	}

	public List<ImportJobView> list() {
		jobs.markStaleJobsInterrupted();
		List<ImportJobView> all = jdbc.query("select * from import_job order by id desc",
				(rs, n) -> view(rs, List.of()));
		List<ImportJobView> out = new ArrayList<>();
		for (ImportJobView j : all) {
			out.add(j.rejectedCount() == 0 ? j : withRejections(j));
		}
		return out;
	}

	public Optional<ImportJobView> find(long id) {
		Optional<ImportJobView> job = read(id);
		// the progress page asks every second: write only when the job claims to run
		if (job.isPresent() && job.get().running()) {
			jobs.markStaleJobsInterrupted();
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
		return j.withRejected(rejected);
	}

	private static ImportJobView view(ResultSet rs, List<ImportReport.RejectedFile> rejected) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportJobView(rs.getLong("id"), rs.getString("origin"), rs.getString("description"),
				rs.getString("started_by"), ImportJobStatus.of(rs.getString("status")),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getInt("files_seen"), rs.getInt("transcripts_imported"), rs.getInt("transcripts_updated"),
				rs.getInt("transcripts_unchanged"), rs.getInt("documents_imported"), rs.getInt("documents_unchanged"),
				rs.getInt("prompts_imported"), rs.getInt("prompts_unchanged"), rs.getInt("rejected_count"),
				rs.getString("error_message"), rejected);
	}

	/**
	 * One page of what happened to each file the job read, optionally of one outcome,
	 * sorted by path.
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

	/** Outcomes recorded for the job: one per file, line or document it read. */
	public long outcomesRecorded(long id) {
		Long files = jdbc.queryForObject("select count(*) from import_file where import_job_id = ?", Long.class, id);
		Long rejected = jdbc.queryForObject("select count(*) from import_rejection where import_job_id = ?", Long.class,
				id);
		return files + rejected;
	}

}
