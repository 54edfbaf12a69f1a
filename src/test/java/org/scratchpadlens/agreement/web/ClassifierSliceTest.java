package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.agreement.web.AgreementService.Item;
import org.scratchpadlens.agreement.web.AgreementService.Reference;
import org.scratchpadlens.agreement.web.AgreementService.SliceKey;

/** One classifier slice worked out by hand, and its list of disagreeing transcripts. */
class ClassifierSliceTest {

	@Test
	void everyDisagreementIsCountedAndTheFirstHundredListed() {
		// 250 items: 150 where the metric says yes and the raters no, then 40 the other
		// way round, then 60 where both say yes
		int n = 250;
		List<Item> items = new ArrayList<>();
		Boolean[] machine = new Boolean[n];
		Reference[] human = new Reference[n];
		for (int i = 0; i < n; i++) {
			items.add(new Item(1000 + i, "train", "run", new boolean[] { true }));
			machine[i] = i < 150 || i >= 190;
			human[i] = new Reference(i >= 150, false, false);
		}
		AgreementJson.ClassifierSlice s = AgreementService.classifierSlice(new SliceKey("all", null),
				IntStream.range(0, n).toArray(), items, machine, human);
		assertThat(s.confusion()).isEqualTo(List.of(List.of(60L, 150L), List.of(40L, 0L)));
		assertThat(s.disagreeingCount()).isEqualTo(190);
		assertThat(s.disagreeing()).hasSize(AgreementService.DISAGREEING_LISTED)
			.startsWith(1000L, 1001L)
			.endsWith(1099L);
		assertThat(s.precision().value()).isEqualTo(60.0 / 210);
		assertThat(s.recall().value()).isEqualTo(60.0 / 100);
	}

}
