package org.scratchpadlens.agreement.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The last figures of each slice of a few campaigns, each with a 128-bit fingerprint of
 * everything it was computed from (its items, their answers, the raters, the categories).
 * After a label changes, a new computation of the campaign reuses every slice whose
 * fingerprint is unchanged: a change to one item touches the 4 of a question's 27 slices
 * that hold the item (all items, its condition, its run, its run's condition), so the
 * others are not computed again (decision 0013).
 */
final class SliceMemo {

	/** Campaigns whose slices are kept. */
	static final int SCOPES_KEPT = 8;

	private record Memo(long a, long b, Object value) {
	}

	private final Map<String, Map<String, Memo>> scopes = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Map<String, Memo>> eldest) {
			return size() > SCOPES_KEPT;
		}
	};

	/**
	 * The value kept for this slice if its fingerprint is the same, else the value
	 * computed now (and kept).
	 */
	@SuppressWarnings("unchecked")
	<T> T get(String scope, String slice, Fingerprint fingerprint, Supplier<T> compute) {
		Map<String, Memo> memos;
		synchronized (scopes) {
			memos = scopes.computeIfAbsent(scope, s -> new ConcurrentHashMap<>());
		}
		Memo memo = memos.get(slice);
		if (memo != null && memo.a() == fingerprint.a && memo.b() == fingerprint.b) {
			return (T) memo.value();
		}
		T value = compute.get();
		memos.put(slice, new Memo(fingerprint.a, fingerprint.b, value));
		return value;
	}

	/**
	 * Two independent 64-bit hashes of a sequence of values: equal inputs give equal
	 * fingerprints; different inputs collide with a probability of about 2^-128.
	 */
	static final class Fingerprint {

		private long a = 0x243F6A8885A308D3L;

		private long b = 0x13198A2E03707344L;

		private long count;

		Fingerprint add(long value) {
			count++;
			a = mix(a ^ value, 0x9E3779B97F4A7C15L);
			b = mix(b + value * 0xC2B2AE3D27D4EB4FL + count, 0xD6E8FEB86659FD93L);
			return this;
		}

		Fingerprint add(boolean value) {
			return add(value ? 1 : 0);
		}

		Fingerprint add(String value) {
			if (value == null) {
				return add(-1L);
			}
			add(value.length());
			for (int i = 0; i < value.length(); i++) {
				add(value.charAt(i));
			}
			return this;
		}

		long a() {
			return a;
		}

		long b() {
			return b;
		}

		private static long mix(long z, long multiplier) {
			z = (z ^ (z >>> 30)) * multiplier;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			return z ^ (z >>> 31);
		}

	}

}
