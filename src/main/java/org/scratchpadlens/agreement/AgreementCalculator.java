package org.scratchpadlens.agreement;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Computes every statistic of an {@link AgreementReport} from a {@link RatingTable}.
 * Plain Java, no Spring, no state: safe to call from any thread.
 */
public final class AgreementCalculator {

	public static final int DEFAULT_BOOTSTRAP_SAMPLES = 1000;

	public static final long DEFAULT_SEED = 20240601L;

	private AgreementCalculator() {
	}

	/** Nominal alpha, categories inferred from the codes, default bootstrap. */
	public static AgreementReport compute(RatingTable table) {
		return compute(table, MeasurementLevel.NOMINAL, null, DEFAULT_BOOTSTRAP_SAMPLES, DEFAULT_SEED);
	}

	/**
	 * @param level level for Krippendorff's alpha
	 * @param categories the rubric's categories in order, or null to infer them (numeric
	 * order when every code is a number, else alphabetical)
	 * @param bootstrapSamples resamples for alpha's interval; 0 for no interval
	 * @param seed seed of the resamples: same table, same seed, same interval
	 * @throws IllegalArgumentException when a code is not in the declared categories
	 */
	public static AgreementReport compute(RatingTable table, MeasurementLevel level, CategorySet categories,
			int bootstrapSamples, long seed) {
		if (bootstrapSamples < 0) {
			throw new IllegalArgumentException("bootstrapSamples must be >= 0");
		}
		CategorySet categorySet = categories != null ? categories : CategorySet.inferFrom(table);
		ItemCounts all = ItemCounts.of(table, categorySet);
		long[][] contingency = table.raterCount() == 2 ? contingency(table, categorySet) : null;
		return report(all, table.itemCount(), table.raterCount(), contingency, level, categorySet, bootstrapSamples,
				seed);
	}

	/**
	 * The same report for a table already coded: {@code codes[item][rater]} is the index
	 * of the rating in {@code categories}, or -1 when it is missing. Saves building a
	 * {@link RatingTable} of strings when the caller holds the answers as codes.
	 * @throws IllegalArgumentException when a code is outside the categories
	 */
	public static AgreementReport computeCoded(int raters, int[][] codes, MeasurementLevel level,
			CategorySet categories, int bootstrapSamples, long seed) {
		if (bootstrapSamples < 0) {
			throw new IllegalArgumentException("bootstrapSamples must be >= 0");
		}
		int k = categories.size();
		int n = codes.length;
		int[] counts = new int[n * k];
		int[] totals = new int[n];
		long[][] contingency = raters == 2 ? new long[k][k] : null;
		for (int i = 0; i < n; i++) {
			int[] row = codes[i];
			for (int r = 0; r < raters; r++) {
				int c = row[r];
				if (c < 0) {
					continue;
				}
				if (c >= k) {
					throw new IllegalArgumentException("item " + (i + 1) + ", rater " + (r + 1) + ": code " + c
							+ " is outside the " + k + " categories");
				}
				counts[i * k + c]++;
				totals[i]++;
			}
			if (contingency != null && row[0] >= 0 && row[1] >= 0) {
				contingency[row[0]][row[1]]++;
			}
		}
		return report(ItemCounts.of(n, k, counts, totals), n, raters, contingency, level, categories, bootstrapSamples,
				seed);
	}

	/**
	 * Unweighted Cohen's kappa of two raters from their joint distribution
	 * ({@code contingency[a][b]}: items rater A put in category a and rater B in b, over
	 * the items both rated), with the same asymptotic interval as the report's. For
	 * callers that already hold the table: the same value as {@link #computeCoded
	 * computeCoded(2, ...)}{@code .cohenKappa()} without building the rest of a report.
	 */
	public static StatisticResult cohenKappa(long[][] contingency) {
		for (long[] row : contingency) {
			if (row.length != contingency.length) {
				throw new IllegalArgumentException("the contingency table must be square");
			}
		}
		return CohenKappa.compute(contingency, CohenKappa.identity(contingency.length));
	}

	/** Percent agreement, Cohen's kappa and Gwet's AC1 of two raters. */
	public record TwoRaters(int items, StatisticResult percentAgreement, StatisticResult cohenKappa,
			StatisticResult gwetAc1) {
	}

	/**
	 * Percent agreement, Cohen's kappa and AC1 of two raters over the items both rated:
	 * the same values and intervals as {@link #computeCoded computeCoded(2, ...)} gives
	 * for them, without the statistics a two-rater comparison does not report (Fleiss,
	 * alpha, weighted kappas). {@code codes[item]} holds the two raters' category
	 * indices.
	 * @throws IllegalArgumentException when a code is outside the categories or an item
	 * lacks a rating
	 */
	public static TwoRaters twoRaters(int[][] codes, CategorySet categories) {
		int k = categories.size();
		int n = codes.length;
		int[] counts = new int[n * k];
		int[] totals = new int[n];
		long[][] contingency = new long[k][k];
		for (int i = 0; i < n; i++) {
			int a = codes[i][0];
			int b = codes[i][1];
			if (a < 0 || b < 0 || a >= k || b >= k) {
				throw new IllegalArgumentException(
						"item " + (i + 1) + ": codes " + a + ", " + b + " are not both among the " + k + " categories");
			}
			counts[i * k + a]++;
			counts[i * k + b]++;
			totals[i] = 2;
			contingency[a][b]++;
		}
		ItemCounts all = ItemCounts.of(n, k, counts, totals);
		return new TwoRaters(n, GwetFramework.compute(all, GwetFramework.Coefficient.PERCENT_AGREEMENT),
				CohenKappa.compute(contingency, CohenKappa.identity(k)),
				GwetFramework.compute(all, GwetFramework.Coefficient.GWET_AC1));
	}

	private static AgreementReport report(ItemCounts all, int itemCount, int raters, long[][] contingency,
			MeasurementLevel level, CategorySet categorySet, int bootstrapSamples, long seed) {
		ItemCounts rated = all.withAtLeast(1);
		ItemCounts complete = all.withExactly(raters);
		int completeItems = raters == 0 ? 0 : complete.items;

		StatisticResult percent = GwetFramework.compute(rated, GwetFramework.Coefficient.PERCENT_AGREEMENT);
		StatisticResult ac1 = GwetFramework.compute(rated, GwetFramework.Coefficient.GWET_AC1);
		StatisticResult fleiss = raters < 2
				? new Undefined("Fleiss' kappa needs at least 2 raters; the table has " + raters)
				: complete.items == 0 ? new Undefined(noCompleteItems(itemCount))
						: GwetFramework.compute(complete, GwetFramework.Coefficient.FLEISS_KAPPA);

		StatisticResult cohen;
		StatisticResult cohenLinear;
		StatisticResult cohenQuadratic;
		if (raters != 2) {
			cohen = cohenLinear = cohenQuadratic = new Undefined(
					"Cohen's kappa needs exactly 2 raters; the table has " + raters);
		}
		else {
			int k = categorySet.size();
			cohen = CohenKappa.compute(contingency, CohenKappa.identity(k));
			cohenLinear = CohenKappa.compute(contingency, CohenKappa.linear(k));
			cohenQuadratic = CohenKappa.compute(contingency, CohenKappa.quadratic(k));
		}

		StatisticResult alpha = alpha(all, level, categorySet, bootstrapSamples, seed);
		return new AgreementReport(itemCount, raters, all.countWithAtLeast(2), completeItems, itemCount - completeItems,
				level, categorySet.labels(), categorySet.declared(), bootstrapSamples, seed, percent, cohen,
				cohenLinear, cohenQuadratic, fleiss, alpha, ac1);
	}

	private static String noCompleteItems(int items) {
		return items == 0 ? "the table has no items"
				: "no complete items: each of the " + items + " items lacks at least one rating";
	}

	/** Two raters' joint distribution over complete items, categories in set order. */
	static long[][] contingency(RatingTable table, CategorySet categories) {
		int k = categories.size();
		long[][] counts = new long[k][k];
		ToIntFunction<String> indexOf = categories.indexer();
		for (int i = 0; i < table.itemCount(); i++) {
			String a = table.code(i, 0);
			String b = table.code(i, 1);
			if (a != null && b != null) {
				counts[indexOf.applyAsInt(a)][indexOf.applyAsInt(b)]++;
			}
		}
		return counts;
	}

	static StatisticResult alpha(ItemCounts all, MeasurementLevel level, CategorySet categories, int samples,
			long seed) {
		double[] values = null;
		if (level == MeasurementLevel.INTERVAL || level == MeasurementLevel.RATIO) {
			if (!categories.numeric()) {
				return new Undefined(
						level.label() + " alpha needs numeric categories; the categories are " + categories);
			}
			values = categories.values();
			if (Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))) {
				return new Undefined(level.label() + " alpha needs categories within double range; the categories are "
						+ categories);
			}
			if (level == MeasurementLevel.RATIO && Arrays.stream(values).anyMatch(v -> v < 0)) {
				return new Undefined("ratio alpha needs non-negative values; the categories are " + categories);
			}
		}
		KrippendorffAlpha alpha = new KrippendorffAlpha(all, level, values);
		if (alpha.pairableItems() == 0) {
			return new Undefined("no pairable items (alpha needs items with at least 2 ratings)");
		}
		double value = alpha.value();
		if (Double.isNaN(value)) {
			return new Undefined(
					"expected disagreement is 0: every pairable rating has the same value, so alpha is 0/0");
		}
		if (samples == 0) {
			return new Estimate(value, null, null, null, "none: bootstrap disabled");
		}
		if (alpha.pairableItems() < 2) {
			// Every resample would be the one item again: a zero-width interval that
			// says nothing.
			return new Estimate(value, null, null, null,
					"none: an interval needs at least 2 pairable items; the table has " + alpha.pairableItems());
		}
		double[] resamples = alpha.bootstrap(samples, seed);
		double[] defined = Arrays.stream(resamples).filter(x -> !Double.isNaN(x)).sorted().toArray();
		int dropped = samples - defined.length;
		String method = "bootstrap over items, percentile 95% interval (" + samples + " resamples of "
				+ alpha.pairableItems() + " pairable items, seed " + seed + ")";
		if (defined.length < 2) {
			return new Estimate(value, null, null, null,
					"none: fewer than 2 of " + samples + " bootstrap resamples were defined");
		}
		if (dropped > 0) {
			method += "; " + dropped + " resamples with alpha undefined were left out";
		}
		return new Estimate(value, null, percentile(defined, 0.025), percentile(defined, 0.975), method);
	}

	/** Linear interpolation between order statistics (R's default, type 7). */
	static double percentile(double[] sorted, double p) {
		double h = (sorted.length - 1) * p;
		int lo = (int) Math.floor(h);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
	}

}
