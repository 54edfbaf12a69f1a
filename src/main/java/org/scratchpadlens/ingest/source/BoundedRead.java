package org.scratchpadlens.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole file into one array while counting the bytes actually read, never
 * trusting the size a source claims: a zip's central directory can understate an entry
 * (it passed a size check and then inflated to gigabytes), and a file can grow while it
 * is read. At most {@code min(claimed, limit) + 1} bytes are ever held.
 */
public final class BoundedRead {

	/**
	 * Up to this size the claimed size is allocated at once (the usual case: one array,
	 * filled in place, no copy). Above it the array grows as bytes actually arrive, so a
	 * zip that claims a huge entry but holds a small one cannot make the reader allocate
	 * what it claims.
	 */
	static final int TRUSTED_ALLOCATION = 64 * 1024 * 1024;

	private static final int FIRST_CHUNK = 64 * 1024;

	private static final int MAX_CHUNK = 8 * 1024 * 1024;

	private BoundedRead() {
	}

	/** More bytes arrived than the source said it holds. */
	public static final class LongerThanClaimed extends IOException {

		private final long claimed;

		LongerThanClaimed(long claimed) {
			super("more than the " + claimed + " bytes claimed", null);
			this.claimed = claimed;
		}

		public long claimed() {
			return claimed;
		}

	}

	/** More bytes arrived than the limit allows (the source did not say its size). */
	public static final class OverLimit extends IOException {

		private final long limit;

		OverLimit(long limit) {
			super("more than " + limit + " bytes", null);
			this.limit = limit;
		}

		public long limit() {
			return limit;
		}

	}

	/**
	 * The whole stream.
	 * @param claimed the size the source claims, or -1 when unknown
	 * @param limit the most bytes accepted
	 * @throws OverLimit when the claim, or the bytes actually read, exceed {@code limit}
	 * @throws LongerThanClaimed when the stream holds more than {@code claimed} bytes
	 */
	public static byte[] readAll(InputStream in, long claimed, long limit) throws IOException {
		if (limit >= Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("limit too large for one array: " + limit);
		}
		if (claimed > limit) {
			throw new OverLimit(limit);
		}
		if (claimed >= 0 && claimed <= TRUSTED_ALLOCATION) {
			byte[] buf = new byte[(int) claimed];
			int n = in.readNBytes(buf, 0, buf.length);
			if (n < buf.length) {
				return java.util.Arrays.copyOf(buf, n);
			}
			if (in.read() >= 0) {
				throw new LongerThanClaimed(claimed);
			}
			return buf;
		}
		long cap = claimed >= 0 ? claimed : limit;
		List<byte[]> chunks = new ArrayList<>();
		long total = 0;
		int chunk = FIRST_CHUNK;
		int lastLength = 0;
		while (total <= cap) {
			int want = (int) Math.min(chunk, cap + 1 - total);
			byte[] c = new byte[want];
			int n = in.readNBytes(c, 0, want);
			chunks.add(c);
			lastLength = n;
			total += n;
			if (n < want) {
				break;
			}
			chunk = Math.min(MAX_CHUNK, chunk * 2);
		}
		if (total > cap) {
			throw claimed >= 0 ? new LongerThanClaimed(claimed) : new OverLimit(limit);
		}
		byte[] all = new byte[(int) total];
		int at = 0;
		for (int i = 0; i < chunks.size(); i++) {
			byte[] c = chunks.get(i);
			int len = i == chunks.size() - 1 ? lastLength : c.length;
			System.arraycopy(c, 0, all, at, len);
			at += len;
		}
		return all;
	}

}
