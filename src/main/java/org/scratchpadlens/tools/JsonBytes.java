package org.scratchpadlens.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable byte buffer holding one JSON file while it is composed, plus the escaping
 * rule. Text pieces are escaped and encoded once (when the pools are built), so composing
 * a file is only array copies.
 */
final class JsonBytes {

	private byte[] buf;

	private int len;

	JsonBytes(int initialCapacity) {
		this.buf = new byte[initialCapacity];
	}

	void reset() {
		this.len = 0;
	}

	int length() {
		return this.len;
	}

	void append(byte[] bytes) {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, this.buf, this.len, bytes.length);
		this.len += bytes.length;
	}

	/** Appends ASCII text that needs no JSON escaping (keys, numbers, literals). */
	void ascii(String s) {
		ensure(s.length());
		for (int i = 0; i < s.length(); i++) {
			this.buf[this.len++] = (byte) s.charAt(i);
		}
	}

	void writeTo(OutputStream out) throws IOException {
		out.write(this.buf, 0, this.len);
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.buf, this.len);
	}

	private void ensure(int extra) {
		if (this.len + extra > this.buf.length) {
			this.buf = Arrays.copyOf(this.buf, Math.max(this.buf.length * 2, this.len + extra));
		}
	}

	/**
	 * The UTF-8 bytes of {@code s} escaped for use inside a JSON string (without the
	 * quotes).
	 */
	static byte[] escaped(String s) {
		return escape(s).getBytes(StandardCharsets.UTF_8);
	}

	static String escape(String s) {
		StringBuilder sb = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				case '\b' -> sb.append("\\b");
				case '\f' -> sb.append("\\f");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.toString();
	}

}
