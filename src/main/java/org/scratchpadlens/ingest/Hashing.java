package org.scratchpadlens.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

final class Hashing {

	private Hashing() {
	}

	static String sha256(byte[] bytes, int off, int len) {
		MessageDigest md = digest();
		md.update(bytes, off, len);
		return HexFormat.of().formatHex(md.digest());
	}

	static String sha256(String text) {
		return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
