package org.scratchpadlens.agreement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's alpha-reliability")
 * at any level, with missing data, plus an item bootstrap.
 * <p>
 * Alpha depends on the data only through the coincidence matrix, which is a sum of one
 * small matrix per pairable item, and that matrix depends only on the item's
 * category-count vector. So items are grouped by count vector ("pattern") once; a data
 * set, or a bootstrap resample of it, is then just a weight per pattern, and evaluating
 * alpha costs patterns × categories² whatever the number of items. A resample only has to
 * draw how many times each pattern occurs (a multinomial draw).
 */
final class KrippendorffAlpha {

	private final MeasurementLevel level;

	private final double[] values;

	private final int k;

	private final int patterns;

	/** Patterns × categories: how many ratings of each category the pattern has. */
	private final int[] patternCounts;

	/**
	 * Patterns × categories × categories: the pattern's contribution to the coincidence
	 * matrix.
	 */
	private final double[] patternCoincidences;

	/** How many pairable items have each pattern: the weights of the data set itself. */
	private final int[] multiplicity;

	/** Pattern of each pairable item, in item order: what a bootstrap draw looks up. */
	private final int[] patternOfItem;

	/**
	 * @param data category counts per item; items with fewer than 2 ratings are ignored
	 * (not pairable)
	 * @param values numeric value of each category (interval, ratio); may be null for
	 * nominal and ordinal
	 */
	KrippendorffAlpha(ItemCounts data, MeasurementLevel level, double[] values) {
		this.level = level;
		this.values = values;
		this.k = data.categories;
		// A pattern is its count vector; packed into a long when it fits (counts under
		// 256, at most 8 categories: every rubric question), else spelled out.
		boolean packed = k <= 8 && maxCount(data) < 256;
		Map<Object, Integer> ids = new HashMap<>();
		int pairable = data.countWithAtLeast(2);
		this.patternOfItem = new int[pairable];
		int[] firstItemOfPattern = new int[pairable];
		int j = 0;
		for (int i = 0; i < data.items; i++) {
			if (data.totals[i] < 2) {
				continue;
			}
			Object key = packed ? (Object) pack(data.counts, i * k, k)
					: Arrays.toString(Arrays.copyOfRange(data.counts, i * k, (i + 1) * k));
			Integer id = ids.get(key);
			if (id == null) {
				id = ids.size();
				ids.put(key, id);
				firstItemOfPattern[id] = i;
			}
			patternOfItem[j++] = id;
		}
		this.patterns = ids.size();
		this.patternCounts = new int[patterns * k];
		this.patternCoincidences = new double[patterns * k * k];
		this.multiplicity = new int[patterns];
		for (int p : patternOfItem) {
			multiplicity[p]++;
		}
		for (int p = 0; p < patterns; p++) {
			int item = firstItemOfPattern[p];
			int total = data.totals[item];
			for (int c = 0; c < k; c++) {
				patternCounts[p * k + c] = data.count(item, c);
			}
			// Each of the m(m-1) ordered pairs of ratings within the item adds 1/(m-1) to
			// its cell.
			for (int c = 0; c < k; c++) {
				int rc = data.count(item, c);
				for (int d = 0; d < k; d++) {
					int rd = data.count(item, d) - (c == d ? 1 : 0);
					patternCoincidences[(p * k + c) * k + d] = (double) rc * rd / (total - 1);
				}
			}
		}
	}

	private static int maxCount(ItemCounts data) {
		int max = 0;
		for (int total : data.totals) {
			max = Math.max(max, total);
		}
		return max;
	}

	private static long pack(int[] counts, int from, int k) {
		long key = 0;
		for (int c = 0; c < k; c++) {
			key = (key << 8) | counts[from + c];
		}
		return key;
	}

	int pairableItems() {
		return patternOfItem.length;
	}

	int patterns() {
		return patterns;
	}

	/**
	 * Alpha of the data set, or NaN when expected disagreement is 0 or nothing is
	 * pairable.
	 */
	double value() {
		return value(multiplicity);
	}

	/**
	 * Pattern weights of a resample given as indices into the pairable items (in item
	 * order).
	 */
	int[] weightsOf(int[] pairableDraws) {
		int[] weights = new int[patterns];
		for (int draw : pairableDraws) {
			weights[patternOfItem[draw]]++;
		}
		return weights;
	}

	/**
	 * Alpha of the data set in which pattern p occurs weights[p] times; NaN when
	 * undefined.
	 */
	double value(int[] weights) {
		double[] coincidence = new double[k * k];
		double[] marginal = new double[k];
		for (int p = 0; p < patterns; p++) {
			int w = weights[p];
			if (w == 0) {
				continue;
			}
			int base = p * k * k;
			for (int cell = 0; cell < k * k; cell++) {
				coincidence[cell] += w * patternCoincidences[base + cell];
			}
			for (int c = 0; c < k; c++) {
				marginal[c] += w * patternCounts[p * k + c];
			}
		}
		double n = 0;
		for (double m : marginal) {
			n += m;
		}
		if (n < 2) {
			return Double.NaN;
		}
		double[] delta = squaredDistances(marginal);
		double observed = 0;
		double expected = 0;
		for (int c = 0; c < k; c++) {
			for (int d = 0; d < k; d++) {
				double dist = delta[c * k + d];
				if (dist != 0) {
					observed += coincidence[c * k + d] * dist;
					expected += marginal[c] * marginal[d] * dist;
				}
			}
		}
		if (!(expected > 0)) {
			return Double.NaN;
		}
		return 1 - (n - 1) * observed / expected;
	}

	/**
	 * The metric δ² of the level, as a k × k matrix; ordinal depends on the marginals of
	 * the data at hand.
	 */
	private double[] squaredDistances(double[] marginal) {
		double[] delta = new double[k * k];
		for (int c = 0; c < k; c++) {
			for (int d = 0; d < k; d++) {
				if (c == d) {
					continue;
				}
				delta[c * k + d] = switch (level) {
					case NOMINAL -> 1;
					case ORDINAL -> {
						int lo = Math.min(c, d);
						int hi = Math.max(c, d);
						double between = 0;
						for (int g = lo; g <= hi; g++) {
							between += marginal[g];
						}
						double x = between - (marginal[lo] + marginal[hi]) / 2;
						yield x * x;
					}
					case INTERVAL -> (values[c] - values[d]) * (values[c] - values[d]);
					case RATIO -> {
						double sum = values[c] + values[d];
						double x = sum == 0 ? 0 : (values[c] - values[d]) / sum;
						yield x * x;
					}
				};
			}
		}
		return delta;
	}

	/**
	 * Alpha of {@code samples} resamples of the pairable items, drawn with replacement. A
	 * resample of n items depends on the data only through how many times each pattern is
	 * drawn, and those counts follow the multinomial distribution with n trials and
	 * probabilities multiplicity / n. They are drawn directly, as a sequence of
	 * conditional binomials (pattern p gets Binomial(items left, multiplicity[p] / items
	 * of the patterns left)), so a resample costs O(patterns), not O(items); the
	 * distribution of the resampled alpha is exactly that of drawing n item indices.
	 * Resample b is drawn from its own generator seeded from (seed, b), so the result
	 * does not depend on how many threads share the work. Undefined resamples are NaN.
	 */
	double[] bootstrap(int samples, long seed) {
		int n = patternOfItem.length;
		double[] result = new double[samples];
		if (n == 0) {
			Arrays.fill(result, Double.NaN);
			return result;
		}
		IntStream.range(0, samples).parallel().forEach(b -> {
			SplittableRandom random = new SplittableRandom(sampleSeed(seed, b));
			result[b] = value(multinomialDraw(random, n));
		});
		return result;
	}

	/** Pattern weights of one resample of n items: a multinomial draw. */
	int[] multinomialDraw(SplittableRandom random, int n) {
		int[] weights = new int[patterns];
		int left = n;
		int massLeft = n;
		for (int p = 0; p < patterns && left > 0; p++) {
			int w = p == patterns - 1 ? left : Binomial.draw(random, left, (double) multiplicity[p] / massLeft);
			weights[p] = w;
			left -= w;
			massLeft -= multiplicity[p];
		}
		return weights;
	}

	// SplitMix64 finaliser: spreads consecutive sample numbers into unrelated seeds.
	static long sampleSeed(long seed, int sample) {
		long z = seed + (sample + 1L) * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
