package org.scratchpadlens.ingest;

/** Called from the writing thread after each committed batch. */
@FunctionalInterface
public interface ImportProgress {

	ImportProgress NONE = (done, total) -> {
	};

	/**
	 * @param total files expected, or -1 if unknown
	 */
	void update(long filesDone, long total);

}
