package org.scratchpadlens.transcript.list;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps the in-memory {@link TranscriptIndex} in step with the store. Every request reads
 * the {@link StoreSignature} (a few small tables); when the store changed, the index is
 * rebuilt: at once for a small store (the request waits, and so do others that arrive
 * meanwhile, for the same rebuild), in the background while an import writes or when the
 * store is large (the list answers from the previous snapshot and says so). A web app
 * builds its first index in the background as soon as it has started. Every app instance
 * keeps its own, so several instances on one PostgreSQL server agree.
 */
@Component
class TranscriptIndexHolder implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TranscriptIndexHolder.class);

	private final JdbcClient jdbc;

	private final TranscriptIndexLoader loader;

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "transcript-index");
		t.setDaemon(true);
		return t;
	});

	/**
	 * Up to this many transcripts a changed store is indexed while the request waits (a
	 * few seconds at most); a larger one is rebuilt in the background.
	 */
	static final int REBUILD_WHILE_WAITING = 20_000;

	private final AtomicBoolean rebuilding = new AtomicBoolean();

	private volatile TranscriptIndex current;

	private final boolean buildAtStart;

	TranscriptIndexHolder(JdbcClient jdbc, TranscriptIndexLoader loader,
			@Value("${scratchpad.transcript-index.build-at-start:true}") boolean buildAtStart) {
		this.jdbc = jdbc;
		this.loader = loader;
		this.buildAtStart = buildAtStart;
	}

	/** The index as of now; see {@link Snapshot#stale()} while an import runs. */
	Snapshot current() {
		StoreSignature now = StoreSignature.read(jdbc);
		TranscriptIndex index = current;
		if (index != null && index.signature.sameContents(now)) {
			return new Snapshot(index, false);
		}
		if (index != null && (now.running() || index.size() > REBUILD_WHILE_WAITING)) {
			rebuildInBackground();
			return new Snapshot(index, true);
		}
		return new Snapshot(rebuildIfStill(now), false);
	}

	private void rebuildInBackground() {
		if (rebuilding.compareAndSet(false, true)) {
			background.execute(() -> {
				try {
					rebuild(StoreSignature.read(jdbc));
				}
				catch (RuntimeException ex) {
					log.warn("Could not rebuild the transcript index: {}", ex.getMessage());
				}
				finally {
					rebuilding.set(false);
				}
			});
		}
	}

	/**
	 * A web app indexes the store as soon as it has started, before the first reader
	 * asks.
	 */
	@EventListener
	void started(ApplicationReadyEvent event) {
		if (buildAtStart && event.getApplicationContext() instanceof WebApplicationContext && current == null) {
			background.execute(() -> {
				try {
					current();
				}
				catch (RuntimeException ex) {
					log.warn("Could not build the transcript index: {}", ex.getMessage());
				}
			});
		}
	}

	private synchronized TranscriptIndex rebuildIfStill(StoreSignature seen) {
		TranscriptIndex index = current;
		if (index != null && index.signature.sameContents(seen)) {
			return index; // another request rebuilt it meanwhile
		}
		return rebuild(seen);
	}

	private synchronized TranscriptIndex rebuild(StoreSignature signature) {
		long started = System.nanoTime();
		TranscriptIndex index = loader.load(signature);
		current = index;
		log.debug("Transcript index: {} transcripts, {} metrics in {} ms", index.size(), index.metrics.size(),
				(System.nanoTime() - started) / 1_000_000);
		return index;
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}

	/**
	 * @param stale the store has changed since this snapshot (an import is running, or
	 * has just finished or been undone) and a newer one is being built
	 */
	record Snapshot(TranscriptIndex index, boolean stale) {
	}

}
