package org.scratchpadlens.ingest.parse;

/** A file (or line) that cannot be imported, with a reason a person understands. */
public class RejectedInputException extends Exception {

	public RejectedInputException(String reason) {
		super(reason, null, false, false);
	}

}
