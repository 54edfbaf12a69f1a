package org.scratchpadlens.ingest;

import org.scratchpadlens.ingest.job.ImportReport;
import org.scratchpadlens.ingest.job.ImportUndo;
import org.scratchpadlens.ingest.job.ImportJobQueries;
import org.scratchpadlens.ingest.job.ImportJobs;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.scratchpadlens.ingest.ImportUnit.Rejection;
import org.scratchpadlens.ingest.source.SourceWalker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import: one thread walks and parses the sources, writer threads store batches.
 * Bounded queues between them keep memory flat whatever the size of the release.
 */
@Service
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	private static final Object END = new Object();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final JsonMapper mapper;

	private final ImportJobs jobs;

	private final ImportJobQueries queries;

	private final int batchSize;

	private final boolean postgres;

	private final int writers;

	ImportService(JdbcTemplate jdbc, PlatformTransactionManager txManager, JsonMapper mapper, ImportJobs jobs,
			ImportJobQueries queries, DataSource dataSource,
			@Value("${scratchpad.import.batch-size:200}") int batchSize,
			@Value("${scratchpad.import.writers:0}") int writers) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(txManager);
		// A key twice in one object would silently keep only the last value (a file's
		// 10 messages replaced by an empty list): such a file is rejected instead.
		this.mapper = mapper.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
		this.jobs = jobs;
		this.queries = queries;
		this.batchSize = batchSize;
		this.postgres = isPostgres(dataSource);
		// 0 = choose: embedded H2 does its work on our two cores already (one writer
		// saturates them with the reader and H2's own serialiser); a database server
		// does its work in its own process.
		this.writers = writers > 0 ? writers : postgres ? 2 : 1;
	}

	static final String NOTHING_TO_IMPORT = "nothing to import here: no transcript (.json, .jsonl), document, "
			+ "prompt (prompt_<name>.txt) or .zip files were found (READMEs, scripts and hidden files are skipped); "
			+ "point the import at a json_outputs folder, a folder in it, or the release zip";

	/** Creates the job row first, so a caller can show it while {@link #run} works. */
	public long createJob(ImportRequest request) {
		return jobs.create(request.origin(), request.description(), request.startedBy());
	}

	public ImportReport importNow(ImportRequest request, ImportProgress progress) {
		return run(createJob(request), request, progress);
	}

	public ImportReport run(long jobId, ImportRequest request, ImportProgress progress) {
		long started = System.nanoTime();
		String error = null;
		long produced = 0;
		try {
			long total = progress == ImportProgress.NONE ? -1 : SourceWalker.count(request.paths());
			produced = pipeline(jobId, request, progress, total);
			removeHalfWritten(jobId);
			error = unrecorded(jobId, produced);
		}
		catch (RuntimeException | Error e) {
			log.error("Import job {} failed", jobId, e);
			error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		try {
			jobs.finish(jobId, error);
		}
		catch (RuntimeException e) {
			// the database cannot take even this (a full disk): the report still says
			// what happened, and the job shows as interrupted once its heartbeat stops
			log.error("Import job {}: could not record its end", jobId, e);
			return ImportReport.failedToRecord(jobId, produced,
					error != null ? error
							: "the import could not record its end in the database: " + DatabaseMessages.root(e),
					seconds);
		}
		ImportReport report = queries.report(jobId, seconds);
		log.info("Import job {}: {} transcripts new, {} updated, {} unchanged, {} documents, {} prompts, {} rejected",
				jobId, report.transcriptsImported(), report.transcriptsUpdated(), report.transcriptsUnchanged(),
				report.documentsImported(), report.promptsImported(), report.rejected().size());
		return report;
	}

	/**
	 * One reader thread walks and parses; {@code writers} threads write batches, each on
	 * its own connection. A unit always goes to the writer its identity hashes to, so one
	 * transcript is never written by two threads.
	 */
	/**
	 * A batch is one transaction, but when the process holding an AUTO_SERVER database
	 * dies under it, H2 can leave part of one behind (a transcript without all its
	 * messages). Such transcripts of this job are removed with their outcome rows, so the
	 * outcome check below fails the job and a re-run imports them again.
	 */
	private void removeHalfWritten(long jobId) {
		List<Long> broken = jdbc.queryForList("""
				select t.id from transcript t where t.import_job_id = ?
				  and t.message_count <> (select count(*) from message m where m.transcript_id = t.id)""", Long.class,
				jobId);
		if (broken.isEmpty()) {
			return;
		}
		log.error("Import job {}: {} transcripts were half-written; removing them so that a re-run imports them", jobId,
				broken.size());
		tx.executeWithoutResult(status -> {
			for (int i = 0; i < broken.size(); i += 500) {
				List<Long> chunk = broken.subList(i, Math.min(broken.size(), i + 500));
				String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
				Object[] ids = chunk.toArray();
				jdbc.update("delete from metric where transcript_id in (" + in + ")", ids);
				jdbc.update("delete from section where transcript_id in (" + in + ")", ids);
				jdbc.update("delete from message where transcript_id in (" + in + ")", ids);
				jdbc.update("delete from import_file where transcript_id in (" + in + ")", ids);
				jdbc.update("delete from transcript where id in (" + in + ")", ids);
			}
			// identities whose new version was removed: the one before is current again
			ImportUndo.makeNewestRemainingVersionsCurrent(jdbc);
		});
	}

	/**
	 * A job that reports success has an outcome on record for every file it read. Writes
	 * lost on the way (the server holding an AUTO_SERVER database stopped under the
	 * import) make it fail instead, saying so; running it again completes it.
	 */
	private String unrecorded(long jobId, long produced) {
		long recorded = queries.outcomesRecorded(jobId);
		if (recorded == produced) {
			return null;
		}
		log.error("Import job {}: {} files read, {} outcomes recorded", jobId, produced, recorded);
		return (produced - recorded) + " of the " + produced + " files read have no recorded outcome: the database "
				+ "lost writes (was the process holding the database stopped during the import?). Nothing is "
				+ "half-written; run the same import again to complete it.";
	}

	/**
	 * @return the number of units and rejections the reader produced
	 */
	private long pipeline(long jobId, ImportRequest request, ImportProgress progress, long total) {
		int n = Math.max(1, writers);
		List<BlockingQueue<Object>> queues = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			queues.add(new ArrayBlockingQueue<>(Math.max(16, batchSize * 2)));
		}
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicLong filesRead = new AtomicLong();
		AtomicLong produced = new AtomicLong(); // units and rejections: one outcome each
		ReferenceRows shared = new ReferenceRows(jdbc, tx, new IdBlocks(jdbc, postgres), jobId, request.sample());
		EntryReader reader = new EntryReader(mapper, request.defaults());
		Thread producer = new Thread(() -> {
			try {
				SourceWalker walker = new SourceWalker(entry -> {
					filesRead.incrementAndGet();
					reader.read(entry, unit -> {
						produced.incrementAndGet();
						put(queues.get(Math.floorMod(routingKey(unit).hashCode(), n)), unit);
					});
				}, (path, reason) -> {
					filesRead.incrementAndGet();
					produced.incrementAndGet();
					put(queues.get(0), new Rejection(path, reason));
				});
				for (int i = 0; i < request.paths().size(); i++) {
					long before = produced.get();
					walker.walk(request.paths().get(i), request.label(i));
					if (produced.get() == before) {
						// the wrong folder, an empty zip: say so rather than report
						// success
						filesRead.incrementAndGet();
						produced.incrementAndGet();
						String label = request.label(i);
						put(queues.get(0), new Rejection(label != null ? label : request.paths().get(i).toString(),
								NOTHING_TO_IMPORT));
					}
				}
			}
			catch (Throwable t) {
				failure.compareAndSet(null, t);
			}
			finally {
				for (BlockingQueue<Object> q : queues) {
					put(q, END);
				}
			}
		}, "import-reader");
		producer.setDaemon(true);
		producer.start();
		List<Thread> writerThreads = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			BlockingQueue<Object> queue = queues.get(i);
			BatchWriter writer = new BatchWriter(jdbc, tx, new IdBlocks(jdbc, postgres), jobId, shared,
					counts -> jobs.addCounts(jobId, counts.snapshot()));
			Thread t = new Thread(() -> drain(queue, writer, failure), "import-writer-" + i);
			t.setDaemon(true);
			t.start();
			writerThreads.add(t);
		}
		long beat = System.nanoTime();
		try {
			for (Thread t : writerThreads) {
				while (t.isAlive()) {
					t.join(500);
					progress.update(filesRead.get(), total);
					if (System.nanoTime() - beat > ImportJobs.HEARTBEAT.toNanos()) {
						jobs.heartbeat(jobId);
						beat = System.nanoTime();
					}
					if (failure.get() != null) {
						producer.interrupt();
						writerThreads.forEach(Thread::interrupt);
					}
				}
			}
			progress.update(filesRead.get(), total);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			producer.interrupt();
			writerThreads.forEach(Thread::interrupt);
			throw new IllegalStateException("import interrupted");
		}
		if (failure.get() != null) {
			Throwable t = failure.get();
			throw new IllegalStateException("import failed: " + t.getMessage(), t);
		}
		return produced.get();
	}

	private void drain(BlockingQueue<Object> queue, BatchWriter writer, AtomicReference<Throwable> failure) {
		List<ImportUnit> batch = new ArrayList<>(batchSize);
		try {
			while (true) {
				Object item = queue.take();
				if (item == END) {
					break;
				}
				batch.add((ImportUnit) item);
				if (batch.size() >= batchSize) {
					writer.write(batch);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				writer.write(batch);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Throwable t) {
			failure.compareAndSet(null, t);
			queue.clear();
		}
	}

	/**
	 * Units that must be written by the same thread share a key: a transcript's identity,
	 * a document's hash.
	 */
	private static String routingKey(ImportUnit unit) {
		if (unit instanceof ImportUnit.TranscriptUnit t) {
			return t.run() + "/" + t.split() + "/" + t.fileName();
		}
		if (unit instanceof ImportUnit.DocumentUnit d) {
			return d.sha256();
		}
		return "";
	}

	private static void put(BlockingQueue<Object> queue, Object item) {
		try {
			queue.put(item);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("import interrupted", e);
		}
	}

	static boolean isPostgres(DataSource ds) {
		try {
			String name = JdbcUtils.extractDatabaseMetaData(ds, md -> md.getDatabaseProductName());
			return name != null && name.toLowerCase().contains("postgres");
		}
		catch (Exception e) {
			return false;
		}
	}

	static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
