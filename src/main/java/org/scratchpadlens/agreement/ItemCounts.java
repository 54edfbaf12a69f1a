package org.scratchpadlens.agreement;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Each item reduced to how many raters chose each category. Every multi-rater statistic
 * here (percent agreement, Fleiss, AC1, alpha) depends on the data only through these
 * vectors, which is what makes them cheap to recompute.
 */
final class ItemCounts {

	final int items;

	final int categories;

	/** Row-major items × categories. */
	final int[] counts;

	/** Ratings per item. */
	final int[] totals;

	private ItemCounts(int items, int categories, int[] counts, int[] totals) {
		this.items = items;
		this.categories = categories;
		this.counts = counts;
		this.totals = totals;
	}

	/** Counts already laid out row-major, items × categories, with each row's total. */
	static ItemCounts of(int items, int categories, int[] counts, int[] totals) {
		return new ItemCounts(items, categories, counts, totals);
	}

	static ItemCounts of(int categories, int[][] rows) {
		int[] counts = new int[rows.length * categories];
		int[] totals = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			System.arraycopy(rows[i], 0, counts, i * categories, categories);
			totals[i] = Arrays.stream(rows[i]).sum();
		}
		return new ItemCounts(rows.length, categories, counts, totals);
	}

	/**
	 * Counts every item of the table; a code outside the category set is an error naming
	 * where it is.
	 */
	static ItemCounts of(RatingTable table, CategorySet categorySet) {
		int k = categorySet.size();
		int n = table.itemCount();
		int[] counts = new int[n * k];
		int[] totals = new int[n];
		ToIntFunction<String> indexOf = categorySet.indexer();
		for (int i = 0; i < n; i++) {
			for (int r = 0; r < table.raterCount(); r++) {
				String code = table.code(i, r);
				if (code == null) {
					continue;
				}
				int c = indexOf.applyAsInt(code);
				if (c < 0) {
					String sameNumber = categorySet.numericallyEqualLabel(code);
					throw new IllegalArgumentException(table.describeItem(i) + ", rater '" + table.raterIds().get(r)
							+ "': code '" + code + "' is not among the categories " + categorySet
							+ (sameNumber == null ? ""
									: " (it is the same number as '" + sameNumber + "', but numbers are compared "
											+ "as text because not every category is a number)"));
				}
				counts[i * k + c]++;
				totals[i]++;
			}
		}
		return new ItemCounts(n, k, counts, totals);
	}

	int count(int item, int category) {
		return counts[item * categories + category];
	}

	/** Items with at least {@code min} ratings. */
	ItemCounts withAtLeast(int min) {
		return filter(t -> t >= min);
	}

	/**
	 * Items with exactly {@code total} ratings (complete items when total = number of
	 * raters).
	 */
	ItemCounts withExactly(int total) {
		return filter(t -> t == total);
	}

	int countWithAtLeast(int min) {
		int n = 0;
		for (int t : totals) {
			if (t >= min) {
				n++;
			}
		}
		return n;
	}

	private ItemCounts filter(java.util.function.IntPredicate keep) {
		int n = 0;
		for (int t : totals) {
			if (keep.test(t)) {
				n++;
			}
		}
		int[] c = new int[n * categories];
		int[] t = new int[n];
		int j = 0;
		for (int i = 0; i < items; i++) {
			if (keep.test(totals[i])) {
				System.arraycopy(counts, i * categories, c, j * categories, categories);
				t[j++] = totals[i];
			}
		}
		return new ItemCounts(n, categories, c, t);
	}

}
