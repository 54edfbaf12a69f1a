package org.scratchpadlens.ingest.parse;

import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Checks on raw file bytes before they reach the JSON parser, so rejections say what a
 * person would.
 */
public final class Bytes {

	private static final int SNIFF = 8192;

	private Bytes() {
	}

	public static int bomLength(byte[] b, int off, int len) {
		return len >= 3 && (b[off] & 0xFF) == 0xEF && (b[off + 1] & 0xFF) == 0xBB && (b[off + 2] & 0xFF) == 0xBF ? 3
				: 0;
	}

	/**
	 * Rejects empty, blank and binary content (a NUL byte near the start; JSON text never
	 * has one).
	 */
	public static void checkText(byte[] b, int off, int len) throws RejectedInputException {
		if (len == 0) {
			throw new RejectedInputException("empty file");
		}
		boolean blank = true;
		int end = off + Math.min(len, SNIFF);
		for (int i = off; i < end; i++) {
			byte c = b[i];
			if (c == 0) {
				throw new RejectedInputException("binary file: not JSON text");
			}
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				blank = false;
			}
		}
		if (blank && len <= SNIFF) {
			throw new RejectedInputException("empty file (only whitespace)");
		}
	}

	public static String describeSyntaxError(StreamReadException e) {
		var loc = e.getLocation();
		String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
		String what = e.getOriginalMessage();
		int nl = what.indexOf('\n');
		if (nl > 0) {
			what = what.substring(0, nl);
		}
		if (e instanceof UnexpectedEndOfInputException) {
			return "truncated JSON: the file ends before the transcript is complete" + where;
		}
		return "invalid JSON" + where + ": " + what;
	}

}
