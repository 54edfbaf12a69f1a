package org.scratchpadlens.ingest.job;

/**
 * What one committed batch adds to its job's totals.
 */
public record BatchCounts(int filesSeen, int transcriptsImported, int transcriptsUpdated, int transcriptsUnchanged,
		int documentsImported, int documentsUnchanged, int promptsImported, int promptsUnchanged, int rejected) {

}
