package org.scratchpadlens.annotation.campaign;

import java.util.List;

import org.scratchpadlens.ingest.job.ImportUndoVeto;
import org.springframework.stereotype.Component;

/**
 * An import whose transcripts hold labels cannot be undone: the labels belong to those
 * versions (the foreign key from label to transcript would refuse it too).
 */
@Component
class LabelUndoVeto implements ImportUndoVeto {

	private final LabelQueries labels;

	LabelUndoVeto(LabelQueries labels) {
		this.labels = labels;
	}

	@Override
	public List<String> blockers(long importJobId) {
		return labels.labelsOfJob(importJobId);
	}

}
