package org.scratchpadlens.ingest;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import: one thread walks and parses the sources, the calling thread writes batches. The bounded queue
 * between them keeps memory flat whatever the size of the release.
 */
@Service
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	private static final Object END = new Object();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final JsonMapper mapper;

	private final ImportJobs jobs;

	private final int batchSize;

	private final boolean postgres;

	ImportService(JdbcTemplate jdbc, PlatformTransactionManager txManager, JsonMapper mapper, ImportJobs jobs,
			DataSource dataSource, @Value("${scratchpad.import.batch-size:200}") int batchSize) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(txManager);
		this.mapper = mapper;
		this.jobs = jobs;
		this.batchSize = batchSize;
		this.postgres = isPostgres(dataSource);
	}

	/** Creates the job row first, so a caller can show it while {@link #run} works. */
	public long createJob(ImportRequest request) {
		return jobs.create(request.origin(), request.description(), request.startedBy());
	}

	public ImportReport importNow(ImportRequest request, ImportProgress progress) {
		return run(createJob(request), request, progress);
	}

	public ImportReport run(long jobId, ImportRequest request, ImportProgress progress) {
		long started = System.nanoTime();
		BatchWriter writer = new BatchWriter(jdbc, tx, new IdBlocks(jdbc, postgres), jobId);
		String error = null;
		try {
			long total = progress == ImportProgress.NONE ? -1 : SourceWalker.count(request.paths());
			pipeline(request, writer, progress, total);
		}
		catch (RuntimeException | Error e) {
			log.error("Import job {} failed", jobId, e);
			error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		}
		jobs.finish(jobId, error);
		ImportReport report = jobs.report(jobId, (System.nanoTime() - started) / 1e9);
		log.info("Import job {}: {} transcripts new, {} updated, {} unchanged, {} documents, {} prompts, {} rejected",
				jobId, report.transcriptsImported(), report.transcriptsUpdated(), report.transcriptsUnchanged(),
				report.documentsImported(), report.promptsImported(), report.rejected().size());
		return report;
	}

	private void pipeline(ImportRequest request, BatchWriter writer, ImportProgress progress, long total) {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(Math.max(16, batchSize * 2));
		AtomicReference<Throwable> readerFailure = new AtomicReference<>();
		AtomicLong filesRead = new AtomicLong();
		EntryReader reader = new EntryReader(mapper, request.defaults());
		Thread producer = new Thread(() -> {
			try {
				SourceWalker walker = new SourceWalker(entry -> {
					filesRead.incrementAndGet();
					reader.read(entry, unit -> put(queue, unit));
				}, (path, reason) -> {
					filesRead.incrementAndGet();
					put(queue, new Rejection(path, reason));
				});
				for (int i = 0; i < request.paths().size(); i++) {
					walker.walk(request.paths().get(i));
				}
			}
			catch (Throwable t) {
				readerFailure.set(t);
			}
			finally {
				put(queue, END);
			}
		}, "import-reader");
		producer.setDaemon(true);
		producer.start();
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
					progress.update(filesRead.get(), total);
				}
			}
			if (!batch.isEmpty()) {
				writer.write(batch);
			}
			progress.update(filesRead.get(), total);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			producer.interrupt();
			throw new IllegalStateException("import interrupted");
		}
		catch (RuntimeException e) {
			producer.interrupt();
			throw e;
		}
		if (readerFailure.get() != null) {
			Throwable t = readerFailure.get();
			throw new IllegalStateException("reading the sources failed: " + t.getMessage(), t);
		}
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
