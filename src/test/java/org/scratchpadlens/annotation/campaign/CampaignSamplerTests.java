package org.scratchpadlens.annotation.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchpadlens.annotation.campaign.CampaignSampler.Candidate;
import org.scratchpadlens.annotation.campaign.CampaignSampler.Item;
import org.scratchpadlens.annotation.campaign.CampaignSampler.Result;

/** Sampling and ordering a campaign's items, without a database. */
class CampaignSamplerTests {

	static List<Candidate> strata(int... sizes) {
		List<Candidate> candidates = new ArrayList<>();
		long id = 1;
		for (int s = 0; s < sizes.length; s++) {
			for (int i = 0; i < sizes[s]; i++) {
				candidates.add(new Candidate(id++, "s" + s, null));
			}
		}
		return candidates;
	}

	@Test
	void largestRemainderAllocatesProportionallyAndExactly() {
		// 10 of 100 over strata of 55, 30, 15: 5.5, 3, 1.5 -> 5 + 3 + 1 = 9, the tenth to
		// a .5 (s0,
		// named first)
		Result r = CampaignSampler.choose(strata(55, 30, 15), 10, 1, false, true, 1);
		assertThat(r.items()).hasSize(10);
		assertThat(r.allocation()).extracting(CampaignSampler.Allocation::sampled).containsExactly(6, 3, 1);
		assertThat(r.allocation()).extracting(CampaignSampler.Allocation::population).containsExactly(55, 30, 15);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 42, 20241218 })
	void everySampleHasTheAskedSizeDistinctItemsAndQuotasWithinOneOfTheExactShare(long seed) {
		Random random = new Random(seed);
		int[] sizes = new int[1 + random.nextInt(8)];
		int total = 0;
		for (int i = 0; i < sizes.length; i++) {
			sizes[i] = 1 + random.nextInt(200);
			total += sizes[i];
		}
		int size = 1 + random.nextInt(total);
		Result r = CampaignSampler.choose(strata(sizes), size, seed, false, true, seed);
		assertThat(r.items()).hasSize(size);
		assertThat(r.items().stream().map(Item::transcriptId).distinct().count()).isEqualTo(size);
		for (CampaignSampler.Allocation a : r.allocation()) {
			double exact = (double) size * a.population() / total;
			assertThat(Math.abs(a.sampled() - exact)).as(a.stratum()).isLessThan(1.0);
		}
		List<Integer> positions = r.items().stream().map(Item::position).toList();
		for (int i = 0; i < positions.size(); i++) {
			assertThat(positions.get(i)).isEqualTo(i + 1);
		}
	}

	@Test
	void theSameSeedGivesTheSameCampaignAndAnotherSeedAnother() {
		List<Candidate> c = strata(40, 40);
		assertThat(CampaignSampler.choose(c, 10, 7, false, true, 7).items())
			.isEqualTo(CampaignSampler.choose(c, 10, 7, false, true, 7).items())
			.isNotEqualTo(CampaignSampler.choose(c, 10, 8, false, true, 8).items());
	}

	@Test
	void withoutASampleEveryCandidateIsTakenInReadingOrderOrShuffled() {
		List<Candidate> c = strata(5, 5);
		Result byRun = CampaignSampler.choose(c, null, 1, false, false, 1);
		assertThat(byRun.items()).extracting(Item::transcriptId)
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		Result shuffled = CampaignSampler.choose(c, null, 1, false, true, 99);
		assertThat(shuffled.items()).extracting(Item::transcriptId)
			.containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)
			.isNotEqualTo(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
	}

	@Test
	void pairsStayTogetherInTheSampleAndTheQueue() {
		List<Candidate> c = new ArrayList<>();
		for (long i = 1; i <= 20; i++) {
			c.add(new Candidate(i, "", i + 20));
		}
		for (long i = 21; i <= 40; i++) {
			c.add(new Candidate(i, "", i - 20));
		}
		Result r = CampaignSampler.choose(c, 10, 3, true, true, 3);
		assertThat(r.items()).hasSize(10);
		Map<Integer, Long> byPosition = new LinkedHashMap<>();
		r.items().forEach(i -> byPosition.put(i.position(), i.transcriptId()));
		Set<Long> ids = new HashSet<>(byPosition.values());
		for (int p = 1; p <= 10; p += 2) {
			long train = byPosition.get(p);
			assertThat(train).isLessThanOrEqualTo(20);
			assertThat(byPosition.get(p + 1)).isEqualTo(train + 20);
		}
		assertThat(ids).hasSize(10);
	}

}
