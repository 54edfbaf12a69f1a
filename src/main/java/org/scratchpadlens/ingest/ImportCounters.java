package org.scratchpadlens.ingest;

import org.scratchpadlens.ingest.job.BatchCounts;

/**
 * Running totals of one import job; the writer updates them only after a batch commits.
 */
final class ImportCounters {

	int filesSeen;

	int transcriptsImported;

	int transcriptsUpdated;

	int transcriptsUnchanged;

	int documentsImported;

	int documentsUnchanged;

	int promptsImported;

	int promptsUnchanged;

	int rejected;

	BatchCounts snapshot() {
		return new BatchCounts(filesSeen, transcriptsImported, transcriptsUpdated, transcriptsUnchanged,
				documentsImported, documentsUnchanged, promptsImported, promptsUnchanged, rejected);
	}

	void add(ImportCounters o) {
		filesSeen += o.filesSeen;
		transcriptsImported += o.transcriptsImported;
		transcriptsUpdated += o.transcriptsUpdated;
		transcriptsUnchanged += o.transcriptsUnchanged;
		documentsImported += o.documentsImported;
		documentsUnchanged += o.documentsUnchanged;
		promptsImported += o.promptsImported;
		promptsUnchanged += o.promptsUnchanged;
		rejected += o.rejected;
	}

}
