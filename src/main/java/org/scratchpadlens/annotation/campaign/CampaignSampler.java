package org.scratchpadlens.annotation.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of the transcripts a filter selected become a campaign's items, and in which
 * order. Plain Java, no database: given the candidates in the list's reading order (run,
 * split, query index), it takes all of them or a sample, optionally stratified with
 * proportional allocation by the largest-remainder method, and keeps a train/deploy pair
 * together when asked (a pair is one unit, sampled and queued as one, in its first
 * member's stratum). Everything random is a SplitMix64 hash of a seed and a transcript
 * id, so the same seed gives the same campaign.
 */
final class CampaignSampler {

	private CampaignSampler() {
	}

	/**
	 * A transcript the filter selected.
	 *
	 * @param stratum its stratum's name (empty when not stratifying)
	 * @param partner the other transcript of its pair, or null
	 */
	record Candidate(long id, String stratum, Long partner) {
	}

	/** An item of the campaign: its transcript and position in the queue (from 1). */
	record Item(long transcriptId, int position, String stratum) {
	}

	/** How many transcripts a stratum held and how many were taken from it. */
	record Allocation(String stratum, int population, int sampled) {
	}

	record Result(List<Item> items, List<Allocation> allocation) {
	}

	/**
	 * @param size the sample size in transcripts, or null for all candidates
	 * @param sampleSeed seeds the sample
	 * @param random queue in seeded random order (else the reading order)
	 * @param orderSeed seeds the queue's order
	 */
	static Result choose(List<Candidate> candidates, Integer size, long sampleSeed, boolean keepPairs, boolean random,
			long orderSeed) {
		Map<Long, Integer> rank = new HashMap<>();
		for (int i = 0; i < candidates.size(); i++) {
			rank.put(candidates.get(i).id(), i);
		}
		List<List<Candidate>> units = units(candidates, keepPairs, rank);

		Map<String, List<List<Candidate>>> byStratum = new TreeMap<>();
		units.forEach(u -> byStratum.computeIfAbsent(u.get(0).stratum(), s -> new ArrayList<>()).add(u));

		List<List<Candidate>> chosen = new ArrayList<>();
		List<Allocation> allocation = new ArrayList<>();
		if (size == null || size >= candidates.size()) {
			chosen.addAll(units);
			byStratum.forEach((s, us) -> {
				int n = us.stream().mapToInt(List::size).sum();
				allocation.add(new Allocation(s, n, n));
			});
		}
		else {
			Map<String, Integer> quotas = quotas(byStratum, size, candidates.size());
			byStratum.forEach((stratum, us) -> {
				List<List<Candidate>> shuffled = new ArrayList<>(us);
				shuffled.sort(Comparator.comparingLong((List<Candidate> u) -> mix(sampleSeed, u.get(0).id()))
					.thenComparingLong(u -> u.get(0).id()));
				int quota = quotas.get(stratum);
				int taken = 0;
				for (List<Candidate> u : shuffled) {
					if (taken + u.size() <= quota) {
						chosen.add(u);
						taken += u.size();
					}
					if (taken == quota) {
						break;
					}
				}
				allocation.add(new Allocation(stratum, us.stream().mapToInt(List::size).sum(), taken));
			});
		}

		if (random) {
			chosen.sort(Comparator.comparingLong((List<Candidate> u) -> mix(orderSeed, u.get(0).id()))
				.thenComparingLong(u -> u.get(0).id()));
		}
		else {
			chosen.sort(Comparator.comparingInt(u -> rank.get(u.get(0).id())));
		}
		List<Item> items = new ArrayList<>();
		for (List<Candidate> u : chosen) {
			for (Candidate c : u) {
				items.add(new Item(c.id(), items.size() + 1, c.stratum().isEmpty() ? null : c.stratum()));
			}
		}
		return new Result(items, allocation);
	}

	/**
	 * Proportional allocation, largest remainder: each stratum gets the whole part of its
	 * share of the sample, and the transcripts left over go to the largest fractional
	 * parts (ties to the stratum named first).
	 */
	static Map<String, Integer> quotas(Map<String, List<List<Candidate>>> byStratum, int size, int total) {
		Map<String, Integer> quotas = new LinkedHashMap<>();
		Map<String, Double> remainders = new LinkedHashMap<>();
		int given = 0;
		for (Map.Entry<String, List<List<Candidate>>> e : byStratum.entrySet()) {
			int population = e.getValue().stream().mapToInt(List::size).sum();
			double exact = (double) size * population / total;
			int whole = (int) Math.floor(exact);
			quotas.put(e.getKey(), whole);
			remainders.put(e.getKey(), exact - whole);
			given += whole;
		}
		List<String> byRemainder = new ArrayList<>(remainders.keySet());
		byRemainder.sort(Comparator.comparingDouble((String s) -> -remainders.get(s)));
		for (int i = 0; given < size && i < byRemainder.size(); i++, given++) {
			quotas.merge(byRemainder.get(i), 1, Integer::sum);
		}
		return quotas;
	}

	private static List<List<Candidate>> units(List<Candidate> candidates, boolean keepPairs, Map<Long, Integer> rank) {
		List<List<Candidate>> units = new ArrayList<>();
		Map<Long, Candidate> byId = new HashMap<>();
		candidates.forEach(c -> byId.put(c.id(), c));
		java.util.Set<Long> used = new java.util.HashSet<>();
		for (Candidate c : candidates) {
			if (!used.add(c.id())) {
				continue;
			}
			Candidate partner = keepPairs && c.partner() != null ? byId.get(c.partner()) : null;
			if (partner != null && used.add(partner.id())) {
				List<Candidate> pair = new ArrayList<>(List.of(c, partner));
				pair.sort(Comparator.comparingInt(x -> rank.get(x.id())));
				units.add(pair);
			}
			else {
				units.add(List.of(c));
			}
		}
		return units;
	}

	/** SplitMix64 of a seed and an id. */
	static long mix(long seed, long id) {
		long z = seed * 0x9E3779B97F4A7C15L + id;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
