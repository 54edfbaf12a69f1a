package org.scratchpadlens.ingest.sample;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.job.ImportUndo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sample data in the store: removed in one action by undoing every import of it (the
 * jobs stay on record as undone, so the samples are not imported again at the next
 * start).
 */
@Service
public class SampleData {

	private final JdbcTemplate jdbc;

	private final ImportUndo undo;

	SampleData(JdbcTemplate jdbc, ImportUndo undo) {
		this.jdbc = jdbc;
		this.undo = undo;
	}

	/** Whether the store holds sample runs. */
	public boolean present() {
		return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from run where sample", Boolean.class));
	}

	@Transactional
	public Removal remove() {
		List<Long> jobs = jdbc.queryForList(
				"select id from import_job where origin = ? and status <> 'undone' order by id desc", Long.class,
				ImportRequest.SAMPLE);
		int transcripts = 0;
		int documents = 0;
		int prompts = 0;
		List<String> blockers = new ArrayList<>();
		for (long job : jobs) {
			ImportUndo.UndoResult result = undo.undo(job);
			if (result.undone()) {
				transcripts += result.transcriptsRemoved();
				documents += result.documentsRemoved();
				prompts += result.promptFilesRemoved();
			}
			else {
				result.blockers().forEach(b -> blockers.add("import " + job + ": " + b));
			}
		}
		return new Removal(blockers.isEmpty(), jobs.size(), transcripts, documents, prompts, blockers);
	}

	public record Removal(boolean removed, @JsonProperty("imports_undone") int importsUndone,
			@JsonProperty("transcripts_removed") int transcriptsRemoved,
			@JsonProperty("documents_removed") int documentsRemoved,
			@JsonProperty("prompt_files_removed") int promptFilesRemoved, List<String> blockers) {
	}

}
