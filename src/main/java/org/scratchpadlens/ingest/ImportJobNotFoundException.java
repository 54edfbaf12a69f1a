package org.scratchpadlens.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class ImportJobNotFoundException extends RuntimeException {

	public ImportJobNotFoundException(long id) {
		super("No import job " + id);
	}

}
