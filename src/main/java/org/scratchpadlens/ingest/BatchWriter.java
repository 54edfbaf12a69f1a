package org.scratchpadlens.ingest;

import java.sql.Timestamp;
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
import org.scratchpadlens.ingest.Rows.DocumentRow;
import org.scratchpadlens.ingest.Rows.FileRow;
import org.scratchpadlens.ingest.Rows.MessageRow;
import org.scratchpadlens.ingest.Rows.MetricRow;
import org.scratchpadlens.ingest.Rows.PromptFileRow;
import org.scratchpadlens.ingest.Rows.RejectionRow;
import org.scratchpadlens.ingest.Rows.SectionRow;
import org.scratchpadlens.ingest.Rows.TranscriptRow;
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

	/**
	 * The current version of an identity; {@code pathInThisJob}: the file this import
	 * found it in, if it did.
	 */
	private record Existing(long id, int version, String sha, String pathInThisJob) {
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
			commit(batch);
		}
		catch (RuntimeException e) {
			log.warn("Batch of {} failed in the database ({}); retrying its files one by one", batch.size(),
					DatabaseMessages.root(e));
			for (ImportUnit unit : batch) {
				try {
					commit(List.of(unit));
				}
				catch (RuntimeException single) {
					String reason = "the database refused it: " + DatabaseMessages.root(single);
					commit(List.of(new Rejection(unit.path(), reason)));
				}
			}
		}
	}

	/**
	 * Writes the units in one transaction. What it learns of identities is kept only once
	 * the transaction commits, so a failed batch leaves no trace in memory either.
	 */
	private void commit(List<ImportUnit> units) {
		Map<Long, Map<String, Existing>> pending = new HashMap<>();
		try {
			ImportCounters counts = tx.execute(status -> writeInTransaction(units, pending));
			pending.forEach((runId, found) -> existingByRun.computeIfAbsent(runId, this::loadExisting).putAll(found));
			committed.accept(counts);
		}
		catch (RuntimeException e) {
			existingByRun.clear(); // the database is the truth again
			throw e;
		}
	}

	private ImportCounters writeInTransaction(List<ImportUnit> batch, Map<Long, Map<String, Existing>> pending) {
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
				transcript(t, rows, c, now, pending);
			}
			else if (u instanceof DocumentUnit d) {
				if (knownDocs.add(d.sha256())) {
					rows.documents.add(new DocumentRow(ids.next(), d.sha256(), d.setting(), d.fact(), d.docType(),
							d.idea(), d.content(), d.metadataJson(), truncate(d.path(), 4000), d.index(), jobId, now));
					c.documentsImported++;
					file(rows, d.path(), "document_imported", null);
				}
				else {
					c.documentsUnchanged++;
					file(rows, d.path(), "document_unchanged", null);
				}
			}
			else if (u instanceof PromptUnit p) {
				prompt(p, rows, c);
			}
			else if (u instanceof Rejection r) {
				reject(rows, c, r.path(), r.reason());
			}
		}
		rows.flush(jdbc);
		return c;
	}

	private void transcript(TranscriptUnit t, Rows rows, ImportCounters c, Timestamp now,
			Map<Long, Map<String, Existing>> pending) {
		long runId = shared.run(t.run(), t.model());
		String key = t.split() + "/" + t.fileName();
		Map<String, Existing> inBatch = pending.computeIfAbsent(runId, r -> new HashMap<>());
		Existing prev = inBatch.get(key);
		if (prev == null) {
			prev = existingByRun.computeIfAbsent(runId, this::loadExisting).get(key);
		}
		if (prev != null && prev.pathInThisJob() != null) {
			// the same identity twice in one import: the first occurrence (in the order
			// the paths were given) is the one imported
			if (prev.sha().equals(t.sha256())) {
				c.transcriptsUnchanged++;
				file(rows, t.path(), "unchanged", prev.id());
			}
			else {
				reject(rows, c, t.path(),
						"another file in this import is the same transcript (run " + t.run() + ", split " + t.split()
								+ ", " + t.fileName() + ") with different content: " + prev.pathInThisJob()
								+ "; only that one was imported");
			}
			return;
		}
		if (prev != null && prev.sha().equals(t.sha256())) {
			c.transcriptsUnchanged++;
			file(rows, t.path(), "unchanged", prev.id());
			inBatch.put(key, new Existing(prev.id(), prev.version(), prev.sha(), t.path()));
			return;
		}
		int version = 1;
		if (prev != null) {
			rows.retire.add(prev.id());
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
		rows.transcripts.add(new TranscriptRow(id, runId, t.split(), t.fileName(), t.queryIndex(), version, t.sha256(),
				t.byteSize(), truncate(t.path(), 4000), jobId, promptId, truncate(tag, 20), mismatch, t.userInputSha(),
				parsed.messages().size(), parsed.scratchpadBlocks(), parsed.hasOutput(), parsed.cutOff(),
				parsed.extraJson(), now));
		int ordinal = 0;
		for (ParsedMessage m : parsed.messages()) {
			long messageId = ids.next();
			boolean system = "system".equals(m.role()) && promptId != null;
			rows.messages.add(new MessageRow(messageId, id, ordinal++, m.role(), system ? null : m.content(),
					system ? promptId : null, m.extraJson()));
			for (Section s : m.sections()) {
				rows.sections.add(new SectionRow(ids.next(), messageId, id, s.ordinal(), s.kind().label(), s.depth(),
						s.start(), s.end(), s.closed()));
			}
		}
		for (MetricValue mv : parsed.metrics()) {
			rows.metrics.add(new MetricRow(id, shared.metricName(mv.name()), mv.type(), mv.bool(), mv.number(),
					mv.text(), mv.raw()));
		}
		inBatch.put(key, new Existing(id, version, t.sha256(), t.path()));
		file(rows, t.path(), prev == null ? "imported" : "updated", id);
	}

	private void prompt(PromptUnit p, Rows rows, ImportCounters c) {
		long promptId = shared.systemPrompt(p.sha256(), p.content());
		boolean newText = shared.takeNewPrompt(p.sha256());
		Integer linked = jdbc.queryForObject(
				"select count(*) from prompt_file where variation = ? and kind = ? and system_prompt_id = ?",
				Integer.class, p.variation(), p.kind(), promptId);
		boolean inBatch = rows.promptFiles.stream()
			.anyMatch(r -> r.variation().equals(p.variation()) && r.kind().equals(p.kind())
					&& r.systemPromptId() == promptId);
		if (linked == 0 && !inBatch) {
			rows.promptFiles.add(new PromptFileRow(ids.next(), p.variation(), p.kind(), p.fileName(), promptId, jobId));
			c.promptsImported++;
			file(rows, p.path(), "prompt_imported", null);
		}
		else if (newText) {
			c.promptsImported++;
			file(rows, p.path(), "prompt_imported", null);
		}
		else {
			c.promptsUnchanged++;
			file(rows, p.path(), "prompt_unchanged", null);
		}
	}

	private void file(Rows rows, String path, String outcome, Long transcriptId) {
		rows.files.add(new FileRow(jobId, truncate(path, 4000), outcome, transcriptId));
	}

	private void reject(Rows rows, ImportCounters c, String path, String reason) {
		rows.rejections.add(new RejectionRow(jobId, truncate(path, 4000), truncate(reason, 4000)));
		c.rejected++;
	}

	private Map<String, Existing> loadExisting(long runId) {
		Map<String, Existing> map = new HashMap<>();
		jdbc.query(
				"select id, split, file_name, version, content_sha256 from transcript where run_id = ? and is_current",
				rs -> {
					map.put(rs.getString(2) + "/" + rs.getString(3),
							new Existing(rs.getLong(1), rs.getInt(4), rs.getString(5), null));
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

}
