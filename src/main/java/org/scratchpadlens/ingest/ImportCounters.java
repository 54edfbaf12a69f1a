package org.scratchpadlens.ingest;

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

	int rejected;

	void add(ImportCounters o) {
		filesSeen += o.filesSeen;
		transcriptsImported += o.transcriptsImported;
		transcriptsUpdated += o.transcriptsUpdated;
		transcriptsUnchanged += o.transcriptsUnchanged;
		documentsImported += o.documentsImported;
		documentsUnchanged += o.documentsUnchanged;
		promptsImported += o.promptsImported;
		rejected += o.rejected;
	}

}
