package org.scratchpadlens.ingest.job;

import java.util.List;

/**
 * Lets other features refuse the undo of an import job whose transcripts carry their data
 * (labels do). Returns a description of each blocker, e.g. "3 labels on
 * helpful_only_post_rl/train/12.json", or an empty list.
 */
public interface ImportUndoVeto {

	List<String> blockers(long importJobId);

}
