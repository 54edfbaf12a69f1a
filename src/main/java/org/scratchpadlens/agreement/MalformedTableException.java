package org.scratchpadlens.agreement;

/**
 * A ratings table that cannot be read as one; the message names the line when there is
 * one to name.
 */
public class MalformedTableException extends Exception {

	private final long line;

	public MalformedTableException(long line, String message) {
		super(line > 0 ? "line " + line + ": " + message : message);
		this.line = line;
	}

	/** 1-based line of the input, or 0 when the problem is not tied to a line. */
	public long line() {
		return line;
	}

}
