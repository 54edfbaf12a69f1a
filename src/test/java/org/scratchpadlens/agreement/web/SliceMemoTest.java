package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchpadlens.agreement.web.SliceMemo.Fingerprint;

/**
 * A slice is computed again exactly when what it is computed from changed: the same
 * inputs reuse the kept value, any change to them computes it anew.
 */
class SliceMemoTest {

	static Fingerprint of(long... values) {
		Fingerprint f = new Fingerprint();
		for (long v : values) {
			f.add(v);
		}
		return f;
	}

	@Test
	void theSameInputsReuseTheKeptValueAndAChangeComputesItAgain() {
		SliceMemo memo = new SliceMemo();
		AtomicInteger computed = new AtomicInteger();
		assertThat(memo.get("c1", "q|all", of(1, 2, 3), () -> "v" + computed.incrementAndGet())).isEqualTo("v1");
		assertThat(memo.get("c1", "q|all", of(1, 2, 3), () -> "v" + computed.incrementAndGet())).isEqualTo("v1");
		assertThat(memo.get("c1", "q|all", of(1, 2, 4), () -> "v" + computed.incrementAndGet())).isEqualTo("v2");
		// another slice, another campaign: kept apart
		assertThat(memo.get("c1", "q|train", of(1, 2, 4), () -> "v" + computed.incrementAndGet())).isEqualTo("v3");
		assertThat(memo.get("c2", "q|all", of(1, 2, 4), () -> "v" + computed.incrementAndGet())).isEqualTo("v4");
		assertThat(computed).hasValue(4);
	}

	@Test
	void onlyTheLastFewCampaignsAreKept() {
		SliceMemo memo = new SliceMemo();
		AtomicInteger computed = new AtomicInteger();
		for (int c = 0; c <= SliceMemo.SCOPES_KEPT; c++) {
			memo.get("c" + c, "s", of(c), computed::incrementAndGet);
		}
		memo.get("c0", "s", of(0), computed::incrementAndGet);
		assertThat(computed).as("the oldest campaign's slices were let go").hasValue(SliceMemo.SCOPES_KEPT + 2);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3 })
	void anyOneChangedValueOrOrderGivesAnotherFingerprint(long seed) {
		Random random = new Random(seed);
		long[] values = random.longs(200, -3, 4).toArray();
		Set<List<Long>> seen = new HashSet<>();
		seen.add(key(of(values)));
		for (int i = 0; i < values.length; i++) {
			long[] changed = values.clone();
			changed[i] = values[i] + 1 + random.nextInt(3);
			assertThat(seen.add(key(of(changed)))).as("value %d changed", i).isTrue();
		}
		for (int i = 0; i + 1 < values.length; i++) {
			if (values[i] != values[i + 1]) {
				long[] swapped = values.clone();
				swapped[i] = values[i + 1];
				swapped[i + 1] = values[i];
				assertThat(seen.add(key(of(swapped)))).as("values %d and %d swapped", i, i + 1).isTrue();
			}
		}
		assertThat(key(of(values))).isEqualTo(key(of(values.clone())));
		assertThat(key(new Fingerprint().add("ab").add("c"))).isNotEqualTo(key(new Fingerprint().add("a").add("bc")));
	}

	private static List<Long> key(Fingerprint f) {
		// the two halves the memo compares
		List<Long> halves = new ArrayList<>();
		halves.add(f.a());
		halves.add(f.b());
		return halves;
	}

}
