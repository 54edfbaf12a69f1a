package org.scratchpadlens.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		if (isUtf16(b, off, len)) {
			throw new RejectedInputException("UTF-16 text, not UTF-8: save the file as UTF-8 and import it again");
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

	/**
	 * A UTF-16 byte order mark, or ASCII text with a NUL after (little-endian) or before
	 * (big-endian) each of the first characters, as editors on Windows save "Unicode".
	 */
	static boolean isUtf16(byte[] b, int off, int len) {
		if (len >= 2 && (((b[off] & 0xFF) == 0xFF && (b[off + 1] & 0xFF) == 0xFE)
				|| ((b[off] & 0xFF) == 0xFE && (b[off + 1] & 0xFF) == 0xFF))) {
			return true;
		}
		if (len < 4) {
			return false;
		}
		boolean little = b[off] != 0 && b[off + 1] == 0 && b[off + 2] != 0 && b[off + 3] == 0;
		boolean big = b[off] == 0 && b[off + 1] != 0 && b[off + 2] == 0 && b[off + 3] != 0;
		return little || big;
	}

	private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:Object )?(?:property|field) \"(.*)\"");

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
		Matcher duplicate = DUPLICATE.matcher(what);
		if (duplicate.find()) {
			return "the key \"" + duplicate.group(1) + "\" appears twice in one object" + where
					+ ": only one of its values could be kept, so the file is refused";
		}
		return "invalid JSON" + where + ": " + what;
	}

}
