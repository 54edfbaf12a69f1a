package org.scratchpadlens.transcript.search;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Brings the text search up to date with the store. When the store has changed, a search
 * first finds the transcripts not yet searchable: a few (up to {@link #AT_ONCE}) are
 * indexed before it answers; more (a large import) are indexed in the background, and the
 * list says how many are still pending until it has caught up.
 */
@Component
public class SearchCatchUp implements DisposableBean {

	/** At most this many pending transcripts are indexed while a search waits. */
	static final int AT_ONCE = 2_000;

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(SearchCatchUp.class);

	private final TextSearch search;

	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "search-catch-up");
		t.setDaemon(true);
		return t;
	});

	private Object caughtUpWith;

	private Object scheduledFor;

	private volatile long pending;

	SearchCatchUp(TextSearch search) {
		this.search = search;
	}

	/**
	 * Makes the current transcripts searchable, at once if they are few, else in the
	 * background.
	 * @param snapshot identifies this state of the store (the same object until the store
	 * changes)
	 */
	public void ensure(Object snapshot, long[] currentIds) {
		synchronized (this) {
			if (snapshot == caughtUpWith || snapshot == scheduledFor) {
				return;
			}
		}
		long[] missing = search.notIndexed(currentIds);
		if (missing.length <= AT_ONCE) {
			synchronized (this) {
				indexAll(missing);
				caughtUpWith = snapshot;
				pending = 0;
			}
			return;
		}
		synchronized (this) {
			scheduledFor = snapshot;
			pending = missing.length;
		}
		background.execute(() -> {
			try {
				indexAll(missing);
				synchronized (this) {
					caughtUpWith = snapshot;
				}
			}
			catch (RuntimeException ex) {
				log.warn("The text search could not index new transcripts: {}", ex.getMessage());
				synchronized (this) {
					scheduledFor = null;
				}
			}
		});
	}

	/** How many current transcripts the search does not cover yet. */
	public long pending() {
		return pending;
	}

	private void indexAll(long[] ids) {
		for (int from = 0; from < ids.length; from += BATCH) {
			search.index(Arrays.copyOfRange(ids, from, Math.min(ids.length, from + BATCH)));
			pending = Math.max(0, ids.length - from - BATCH);
		}
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}

}
