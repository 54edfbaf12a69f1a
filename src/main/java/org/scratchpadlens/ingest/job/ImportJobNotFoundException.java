package org.scratchpadlens.ingest.job;

import org.scratchpadlens.web.NotFoundException;

public class ImportJobNotFoundException extends NotFoundException {

	public ImportJobNotFoundException(long id) {
		super("There is no import job " + id + ".");
	}

}
