package org.scratchpadlens.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.scratchpadlens.ingest.source.PathRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows that many transcripts share (runs, system prompts, metric names), found or created
 * once per import and cached. They are committed in short transactions of their own, so
 * parallel writers see them at once and a failed batch cannot take a row another writer
 * already refers to. A shared row left without transcripts by a failed batch is harmless
 * (an undo removes runs that end up empty).
 */
final class ReferenceRows {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTx;

	private final IdBlocks ids;

	private final long jobId;

	private final boolean sample;

	private final Map<String, Long> runs = new ConcurrentHashMap<>();

	private final Map<String, Long> prompts = new ConcurrentHashMap<>();

	private final Map<String, Long> metricNames = new ConcurrentHashMap<>();

	private final Map<String, Boolean> newPrompts = new ConcurrentHashMap<>();

	/**
	 * @param sample whether the job imports the sample data: its runs are sample runs,
	 * never the same as runs of real data with the same path
	 */
	ReferenceRows(JdbcTemplate jdbc, TransactionTemplate tx, IdBlocks ids, long jobId, boolean sample) {
		this.sample = sample;
		this.jdbc = jdbc;
		this.ownTx = new TransactionTemplate(tx.getTransactionManager());
		this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.ids = ids;
		this.jobId = jobId;
	}

	long run(String path, String model) {
		Long id = runs.get(path);
		if (id == null) {
			id = create(runs, path, () -> {
				List<Long> found = jdbc.queryForList("select id from run where path = ? and sample = ?", Long.class,
						path, sample);
				if (!found.isEmpty()) {
					if (model != null) {
						jdbc.update("update run set model = ? where id = ? and model is null", model, found.get(0));
					}
					return found.get(0);
				}
				jdbc.update("""
						insert into run (path, sample, setting, setting_source, variation, model, created_at)
						values (?, ?, ?, 'derived', ?, ?, ?)""", path, sample, PathRules.setting(path),
						PathRules.variation(path), model, ImportService.now());
				return jdbc.queryForObject("select id from run where path = ? and sample = ?", Long.class, path,
						sample);
			});
		}
		return id;
	}

	long systemPrompt(String sha, String content) {
		Long id = prompts.get(sha);
		return id != null ? id : create(prompts, sha,
				() -> findOrInsert("select id from system_prompt where sha256 = ?", sha, newId -> {
					jdbc.update("""
							insert into system_prompt (id, sha256, content, char_length, import_job_id, created_at)
							values (?, ?, ?, ?, ?, ?)""", newId, sha, content, content.length(), jobId,
							ImportService.now());
					newPrompts.put(sha, true);
				}));
	}

	/** True once for a prompt text this import added to the store. */
	boolean takeNewPrompt(String sha) {
		return newPrompts.remove(sha) != null;
	}

	long metricName(String name) {
		Long id = metricNames.get(name);
		return id != null ? id
				: create(metricNames, name, () -> findOrInsert("select id from metric_name where name = ?", name,
						newId -> jdbc.update("insert into metric_name (id, name) values (?, ?)", newId, name)));
	}

	/**
	 * The id of the row {@code select} finds by {@code key}, or a new id given to
	 * {@code insert}.
	 */
	private long findOrInsert(String select, String key, java.util.function.LongConsumer insert) {
		List<Long> found = jdbc.queryForList(select, Long.class, key);
		if (!found.isEmpty()) {
			return found.get(0);
		}
		long newId = ids.next();
		insert.accept(newId);
		return newId;
	}

	private synchronized Long create(Map<String, Long> cache, String key, Supplier<Long> finder) {
		Long id = cache.get(key);
		if (id == null) {
			id = ownTx.execute(status -> finder.get());
			cache.put(key, id);
		}
		return id;
	}

}
