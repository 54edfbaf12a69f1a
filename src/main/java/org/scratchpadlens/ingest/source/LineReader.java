package org.scratchpadlens.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines of bytes, as {@link java.io.BufferedReader#readLine()} would
 * ({@code \n}, {@code \r} or {@code \r\n} ends a line), but never holds more than
 * {@code maxLineBytes} of one line: a longer line is read through and dropped, reported
 * as {@link Status#TOO_LONG}, and the next line is read as usual. {@code readLine} built
 * a 2 GiB line whole (4.5 GB of heap). A line is handed out as a range of an internal
 * buffer (no copy), valid until the next call.
 */
public final class LineReader {

	public enum Status {

		/** A line: {@link #buffer()}, {@link #start()}, {@link #length()}. */
		LINE,
		/**
		 * A line longer than the limit, skipped; {@link #length()} is 0 and
		 * {@link #skippedBytes()} says how long it was.
		 */
		TOO_LONG,
		/** No more lines. */
		END

	}

	private static final int INITIAL = 64 * 1024;

	private final InputStream in;

	private final int maxLineBytes;

	private byte[] buf;

	/** Unread bytes are {@code buf[pos, limit)}. */
	private int pos;

	private int limit;

	private boolean eof;

	/** The last line ended with {@code \r}: a {@code \n} right after belongs to it. */
	private boolean afterCr;

	private int lineStart;

	private int lineLength;

	private long skipped;

	private int lineNumber;

	public LineReader(InputStream in, int maxLineBytes) {
		this.in = in;
		this.maxLineBytes = maxLineBytes;
		this.buf = new byte[Math.min(INITIAL, maxLineBytes + 2)];
	}

	/**
	 * 1-based number of the line last returned (blank lines count), 0 before the first.
	 */
	public int lineNumber() {
		return lineNumber;
	}

	public byte[] buffer() {
		return buf;
	}

	public int start() {
		return lineStart;
	}

	public int length() {
		return lineLength;
	}

	/** How many bytes the last {@link Status#TOO_LONG} line held (without its ending). */
	public long skippedBytes() {
		return skipped;
	}

	public Status next() throws IOException {
		lineLength = 0;
		skipped = 0;
		int scan = pos;
		while (true) {
			if (afterCr && pos < limit) {
				afterCr = false;
				if (buf[pos] == '\n') {
					pos++;
					scan = pos;
				}
			}
			for (int i = scan; i < limit; i++) {
				byte b = buf[i];
				if (b == '\n' || b == '\r') {
					int length = i - pos;
					pos = i + 1;
					afterCr = b == '\r';
					lineNumber++;
					if (length > maxLineBytes) {
						skipped = length;
						return Status.TOO_LONG;
					}
					lineStart = i - length;
					lineLength = length;
					return Status.LINE;
				}
			}
			scan = limit;
			if (limit - pos > maxLineBytes) {
				return skipRestOfLine();
			}
			if (eof) {
				if (pos < limit) {
					// at most maxLineBytes here: a longer rest was skipped above
					lineStart = pos;
					lineLength = limit - pos;
					pos = limit;
					lineNumber++;
					return Status.LINE;
				}
				return Status.END;
			}
			int kept = limit - pos;
			scan = kept;
			makeRoom();
			fill();
		}
	}

	/**
	 * Moves the pending bytes to the start of the buffer and grows it when they fill it
	 * (doubling, up to one byte more than the limit allows, which is how a line is known
	 * to be too long).
	 */
	private void makeRoom() {
		int kept = limit - pos;
		if (pos > 0) {
			System.arraycopy(buf, pos, buf, 0, kept);
			pos = 0;
			limit = kept;
		}
		if (limit == buf.length) {
			int cap = maxLineBytes + 2;
			buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max(buf.length * 2L, INITIAL)));
		}
	}

	private void fill() throws IOException {
		int n = in.read(buf, limit, buf.length - limit);
		if (n < 0) {
			eof = true;
		}
		else {
			limit += n;
		}
	}

	/**
	 * Reads through the rest of a too-long line without keeping it, shrinking the buffer
	 * back so one hostile line does not pin its memory for the rest of the file.
	 */
	private Status skipRestOfLine() throws IOException {
		long count = limit - pos;
		buf = new byte[Math.min(INITIAL, maxLineBytes + 2)];
		pos = 0;
		limit = 0;
		lineNumber++;
		while (true) {
			if (eof) {
				skipped = count;
				return Status.TOO_LONG;
			}
			fill();
			for (int i = 0; i < limit; i++) {
				byte b = buf[i];
				if (b == '\n' || b == '\r') {
					skipped = count + i;
					pos = i + 1;
					afterCr = b == '\r';
					return Status.TOO_LONG;
				}
			}
			count += limit;
			limit = 0;
		}
	}

}
