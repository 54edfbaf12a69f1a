package org.scratchpadlens.ingest;

/**
 * Told how far an import has read: about twice a second, from the thread that runs the
 * import (not a writer), with the files read so far; they are written shortly after.
 */
@FunctionalInterface
public interface ImportProgress {

	ImportProgress NONE = (done, total) -> {
	};

	/**
	 * @param total files expected, or -1 if unknown
	 */
	void update(long filesDone, long total);

}
