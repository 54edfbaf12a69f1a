package org.scratchpadlens.ingest.job;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undo of an import job: removes everything it added (earlier versions of its transcripts
 * become current again) and keeps the job as a record of what happened. Refused while the
 * job runs, while a later import relies on it, or while a feature's
 * {@link ImportUndoVeto} objects (labels on its transcripts).
 */
@Service
public class ImportUndo {

	private final JdbcTemplate jdbc;

	private final ImportJobQueries queries;

	private final List<ImportUndoVeto> vetoes;

	ImportUndo(JdbcTemplate jdbc, ImportJobQueries queries, List<ImportUndoVeto> vetoes) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.vetoes = vetoes;
	}

	/** What the undo of a job would be refused for; empty when it may go ahead. */
	public List<String> blockers(long id) {
		List<String> blockers = new ArrayList<>(laterImportsRelyingOn(id));
		for (ImportUndoVeto veto : vetoes) {
			blockers.addAll(veto.blockers(id));
		}
		return blockers;
	}

	@Transactional
	public UndoResult undo(long id) {
		ImportJobView job = queries.find(id).orElseThrow(() -> new ImportJobNotFoundException(id));
		if (job.running()) {
			return UndoResult.refused(List.of("the job is still running"));
		}
		if (job.undone()) {
			return UndoResult.refused(List.of("it was undone already"));
		}
		List<String> blockers = blockers(id);
		if (!blockers.isEmpty()) {
			return UndoResult.refused(blockers);
		}
		List<Long> runs = jdbc.queryForList("select distinct run_id from transcript where import_job_id = ?",
				Long.class, id);
		int transcripts = removeTranscripts(id);
		makeNewestRemainingVersionsCurrent(jdbc);
		int documents = jdbc.update("delete from synthetic_document where import_job_id = ?", id);
		int prompts = jdbc.update("delete from prompt_file where import_job_id = ?", id);
		removeUnusedPrompts(id);
		removeEmptyRuns(runs);
		keepRecord(id);
		return UndoResult.undone(transcripts, documents, prompts);
	}

	/**
	 * Children first: explicit deletes are faster than cascades on H2 and keep
	 * PostgreSQL's locks short.
	 */
	private int removeTranscripts(long job) {
		String ofJob = "(select id from transcript where import_job_id = ?)";
		jdbc.update("delete from metric where transcript_id in " + ofJob, job);
		jdbc.update("delete from section where transcript_id in " + ofJob, job);
		jdbc.update("delete from message where transcript_id in " + ofJob, job);
		return jdbc.update("delete from transcript where import_job_id = ?", job);
	}

	/**
	 * Identities whose current version was removed: the newest remaining one is current.
	 */
	public static void makeNewestRemainingVersionsCurrent(JdbcTemplate jdbc) {
		jdbc.update("""
				update transcript t set is_current = true
				where not exists (select 1 from transcript c where c.run_id = t.run_id and c.split = t.split
				                    and c.file_name = t.file_name and c.is_current)
				  and t.version = (select max(v.version) from transcript v where v.run_id = t.run_id
				                    and v.split = t.split and v.file_name = t.file_name)""");
	}

	private void removeUnusedPrompts(long job) {
		jdbc.update("""
				delete from system_prompt p where p.import_job_id = ?
				  and not exists (select 1 from transcript t where t.system_prompt_id = p.id)
				  and not exists (select 1 from message m where m.system_prompt_id = p.id)
				  and not exists (select 1 from prompt_file f where f.system_prompt_id = p.id)""", job);
		jdbc.update("update system_prompt set import_job_id = null where import_job_id = ?", job);
	}

	private void removeEmptyRuns(List<Long> runs) {
		for (Long run : runs) {
			jdbc.update(
					"delete from run r where r.id = ? and not exists (select 1 from transcript t where t.run_id = r.id)",
					run);
		}
	}

	/**
	 * The job stays as a record of what happened (counts, rejections, each file's
	 * outcome); its file rows no longer point at transcripts (what it wrote is gone, and
	 * what it found unchanged no longer depends on it).
	 */
	private void keepRecord(long job) {
		jdbc.update("update import_file set transcript_id = null where import_job_id = ?", job);
		jdbc.update("update import_job set status = ?, updated_at = ? where id = ?", ImportJobStatus.UNDONE.value(),
				ImportJobs.now(), job);
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

	public record UndoResult(boolean undone, @JsonProperty("transcripts_removed") int transcriptsRemoved,
			@JsonProperty("documents_removed") int documentsRemoved,
			@JsonProperty("prompt_files_removed") int promptFilesRemoved, List<String> blockers) {

		static UndoResult refused(List<String> blockers) {
			return new UndoResult(false, 0, 0, 0, blockers);
		}

		static UndoResult undone(int transcripts, int documents, int prompts) {
			return new UndoResult(true, transcripts, documents, prompts, List.of());
		}

	}

}
