package org.scratchpadlens.ingest;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scratchpadlens.ingest.ImportUnit.DocumentUnit;
import org.scratchpadlens.ingest.ImportUnit.PromptUnit;
import org.scratchpadlens.ingest.ImportUnit.Rejection;
import org.scratchpadlens.ingest.ImportUnit.TranscriptUnit;
import org.scratchpadlens.ingest.parse.MetricValue;
import org.scratchpadlens.ingest.parse.ParsedMessage;
import org.scratchpadlens.ingest.parse.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes import units in batches, one transaction per batch, so a file goes in whole or
 * not at all and an import killed half-way leaves only whole batches behind (a rerun
 * finds them unchanged and completes the rest). Several writers run in parallel, each on
 * its own connection; the reader routes every transcript identity to the same writer, so
 * each writer's view of existing versions is its own. When a batch fails in the database,
 * each unit is retried alone and the one that fails is rejected with the database's
 * reason; the rest still load.
 */
final class BatchWriter {

	private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

	private record Existing(long id, int version, String sha) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final IdBlocks ids;

	private final long jobId;

	private final ReferenceRows shared;

	private final java.util.function.Consumer<ImportCounters> committed;

	private final Map<Long, Map<String, Existing>> existingByRun = new HashMap<>();

	/**
	 * @param committed receives the counts of each batch after it commits (called from
	 * this writer's thread)
	 */
	BatchWriter(JdbcTemplate jdbc, TransactionTemplate tx, IdBlocks ids, long jobId, ReferenceRows shared,
			java.util.function.Consumer<ImportCounters> committed) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.ids = ids;
		this.jobId = jobId;
		this.shared = shared;
		this.committed = committed;
	}

	void write(List<ImportUnit> batch) {
		try {
			committed.accept(tx.execute(status -> writeInTransaction(batch)));
		}
		catch (RuntimeException e) {
			log.warn("Batch of {} failed in the database ({}); retrying its files one by one", batch.size(),
					rootMessage(e));
			existingByRun.clear();
			for (ImportUnit unit : batch) {
				try {
					committed.accept(tx.execute(status -> writeInTransaction(List.of(unit))));
				}
				catch (RuntimeException single) {
					existingByRun.clear();
					String reason = "the database refused it: " + rootMessage(single);
					committed
						.accept(tx.execute(status -> writeInTransaction(List.of(new Rejection(unit.path(), reason)))));
				}
			}
		}
	}

	private ImportCounters writeInTransaction(List<ImportUnit> batch) {
		ImportCounters c = new ImportCounters();
		Rows rows = new Rows();
		Timestamp now = Timestamp.from(Instant.now());
		Set<String> docShas = new HashSet<>();
		for (ImportUnit u : batch) {
			if (u instanceof DocumentUnit d) {
				docShas.add(d.sha256());
			}
		}
		Set<String> knownDocs = existingDocuments(docShas);
		for (ImportUnit u : batch) {
			c.filesSeen++;
			if (u instanceof TranscriptUnit t) {
				transcript(t, rows, c, now);
			}
			else if (u instanceof DocumentUnit d) {
				if (knownDocs.add(d.sha256())) {
					rows.documents.add(new Object[] { ids.next(), d.sha256(), d.setting(), d.fact(), d.docType(),
							d.idea(), d.content(), d.metadataJson(), d.path(), d.index(), jobId, now });
					c.documentsImported++;
					rows.file(jobId, d.path(), "document_imported", null);
				}
				else {
					c.documentsUnchanged++;
					rows.file(jobId, d.path(), "document_unchanged", null);
				}
			}
			else if (u instanceof PromptUnit p) {
				prompt(p, rows, c);
			}
			else if (u instanceof Rejection r) {
				rows.rejections.add(new Object[] { jobId, truncate(r.path(), 4000), truncate(r.reason(), 4000) });
				c.rejected++;
			}
		}
		rows.flush(jdbc);
		return c;
	}

	private void transcript(TranscriptUnit t, Rows rows, ImportCounters c, Timestamp now) {
		long runId = shared.run(t.run(), t.model());
		Map<String, Existing> existing = existingByRun.computeIfAbsent(runId, this::loadExisting);
		String key = t.split() + "/" + t.fileName();
		Existing prev = existing.get(key);
		if (prev != null && prev.sha().equals(t.sha256())) {
			c.transcriptsUnchanged++;
			rows.file(jobId, t.path(), "unchanged", prev.id());
			return;
		}
		int version = 1;
		if (prev != null) {
			rows.retire.add(new Object[] { prev.id() });
			version = prev.version() + 1;
			c.transcriptsUpdated++;
		}
		else {
			c.transcriptsImported++;
		}
		Long promptId = null;
		var parsed = t.transcript();
		for (ParsedMessage m : parsed.messages()) {
			if ("system".equals(m.role())) {
				promptId = shared.systemPrompt(t.systemPromptSha(), m.content());
				break;
			}
		}
		long id = ids.next();
		String tag = parsed.freeTierTag();
		boolean mismatch = tag != null && (tag.equalsIgnoreCase("true") != t.split().equals("train"));
		rows.transcripts.add(new Object[] { id, runId, t.split(), t.fileName(), t.queryIndex(), version, true,
				t.sha256(), t.byteSize(), truncate(t.path(), 4000), jobId, promptId, truncate(tag, 20), mismatch,
				t.userInputSha(), parsed.messages().size(), parsed.scratchpadBlocks(), parsed.hasOutput(),
				parsed.cutOff(), parsed.extraJson(), now });
		int ordinal = 0;
		for (ParsedMessage m : parsed.messages()) {
			long messageId = ids.next();
			boolean system = "system".equals(m.role()) && promptId != null;
			rows.messages.add(new Object[] { messageId, id, ordinal++, m.role(), system ? null : m.content(),
					system ? promptId : null, m.extraJson() });
			for (Section s : m.sections()) {
				rows.sections.add(new Object[] { ids.next(), messageId, id, s.ordinal(), s.kind().label(), s.depth(),
						s.start(), s.end(), s.closed() });
			}
		}
		for (MetricValue mv : parsed.metrics()) {
			rows.metrics.add(new Object[] { id, shared.metricName(mv.name()), mv.type(), mv.bool(), mv.number(),
					mv.text(), mv.raw() });
		}
		existing.put(key, new Existing(id, version, t.sha256()));
		rows.file(jobId, t.path(), prev == null ? "imported" : "updated", id);
	}

	private void prompt(PromptUnit p, Rows rows, ImportCounters c) {
		long promptId = shared.systemPrompt(p.sha256(), p.content());
		boolean newText = shared.takeNewPrompt(p.sha256());
		Integer linked = jdbc.queryForObject(
				"select count(*) from prompt_file where variation = ? and kind = ? and system_prompt_id = ?",
				Integer.class, p.variation(), p.kind(), promptId);
		boolean inBatch = rows.promptFiles.stream()
			.anyMatch(r -> r[1].equals(p.variation()) && r[2].equals(p.kind()) && r[4].equals(promptId));
		if (linked == 0 && !inBatch) {
			rows.promptFiles.add(new Object[] { ids.next(), p.variation(), p.kind(), p.fileName(), promptId, jobId });
			c.promptsImported++;
			rows.file(jobId, p.path(), "prompt_imported", null);
		}
		else if (newText) {
			c.promptsImported++;
			rows.file(jobId, p.path(), "prompt_imported", null);
		}
		else {
			rows.file(jobId, p.path(), "prompt_unchanged", null);
		}
	}

	private Map<String, Existing> loadExisting(long runId) {
		Map<String, Existing> map = new HashMap<>();
		jdbc.query(
				"select id, split, file_name, version, content_sha256 from transcript where run_id = ? and is_current",
				rs -> {
					map.put(rs.getString(2) + "/" + rs.getString(3),
							new Existing(rs.getLong(1), rs.getInt(4), rs.getString(5)));
				}, runId);
		return map;
	}

	private Set<String> existingDocuments(Set<String> shas) {
		Set<String> found = new HashSet<>();
		List<String> all = new ArrayList<>(shas);
		for (int i = 0; i < all.size(); i += 500) {
			List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
			String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
			found.addAll(jdbc.queryForList("select sha256 from synthetic_document where sha256 in (" + in + ")",
					String.class, chunk.toArray()));
		}
		return found;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null) {
			t = t.getCause();
		}
		String m = t.getMessage();
		if (m == null) {
			return t.getClass().getSimpleName();
		}
		// H2 ends its first line with "; SQL statement:" (the statement follows on the
		// next lines, which are not for people)
		return m.lines().findFirst().orElse(m).replaceFirst(";?\\s*SQL statement:?\\s*$", "");
	}

	/** The rows of one batch, inserted parents first. */
	private static final class Rows {

		final List<Object[]> promptFiles = new ArrayList<>();

		final List<Object[]> retire = new ArrayList<>();

		final List<Object[]> transcripts = new ArrayList<>();

		final List<Object[]> messages = new ArrayList<>();

		final List<Object[]> sections = new ArrayList<>();

		final List<Object[]> metrics = new ArrayList<>();

		final List<Object[]> documents = new ArrayList<>();

		final List<Object[]> rejections = new ArrayList<>();

		final List<Object[]> files = new ArrayList<>();

		void file(long jobId, String path, String outcome, Long transcriptId) {
			files.add(new Object[] { jobId, truncate(path, 4000), outcome, transcriptId });
		}

		void flush(JdbcTemplate jdbc) {
			batch(jdbc,
					"insert into prompt_file (id, variation, kind, file_name, system_prompt_id, import_job_id) values (?, ?, ?, ?, ?, ?)",
					promptFiles, null);
			batch(jdbc, "update transcript set is_current = false where id = ?", retire, null);
			batch(jdbc,
					"""
							insert into transcript (id, run_id, split, file_name, query_index, version, is_current, content_sha256,
							  byte_size, source_path, import_job_id, system_prompt_id, free_tier_tag, split_mismatch,
							  user_input_sha256, message_count, scratchpad_blocks, has_output, cut_off, extra_json, imported_at)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					transcripts,
					new int[] { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER,
							Types.BOOLEAN, Types.CHAR, Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
							Types.VARCHAR, Types.BOOLEAN, Types.CHAR, Types.INTEGER, Types.INTEGER, Types.BOOLEAN,
							Types.BOOLEAN, Types.VARCHAR, Types.TIMESTAMP });
			batch(jdbc,
					"insert into message (id, transcript_id, ordinal, role, content, system_prompt_id, extra_json) values (?, ?, ?, ?, ?, ?, ?)",
					messages, new int[] { Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
							Types.BIGINT, Types.VARCHAR });
			batch(jdbc,
					"insert into section (id, message_id, transcript_id, ordinal, kind, depth, start_offset, end_offset, closed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					sections, null);
			batch(jdbc,
					"insert into metric (transcript_id, metric_name_id, value_type, bool_value, num_value, text_value, raw_value) values (?, ?, ?, ?, ?, ?, ?)",
					metrics, new int[] { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BOOLEAN, Types.DOUBLE,
							Types.VARCHAR, Types.VARCHAR });
			batch(jdbc,
					"""
							insert into synthetic_document (id, sha256, setting, fact, doc_type, idea, content, metadata_json,
							  source_path, source_index, import_job_id, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					documents,
					new int[] { Types.BIGINT, Types.CHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
							Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BIGINT,
							Types.TIMESTAMP });
			batch(jdbc, "insert into import_rejection (import_job_id, path, reason) values (?, ?, ?)", rejections,
					null);
			batch(jdbc, "insert into import_file (import_job_id, path, outcome, transcript_id) values (?, ?, ?, ?)",
					files, new int[] { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT });
		}

		private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
			if (rows.isEmpty()) {
				return;
			}
			if (types == null) {
				jdbc.batchUpdate(sql, rows);
			}
			else {
				jdbc.batchUpdate(sql, rows, types);
			}
		}

	}

}
