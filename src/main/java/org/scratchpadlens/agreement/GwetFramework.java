package org.scratchpadlens.agreement;

/**
 * Percent agreement, Fleiss' kappa and Gwet's AC1 in the common framework of Gwet (2008;
 * Handbook of Inter-Rater Reliability, 4th ed., 2014), which is also what the R package
 * irrCAC implements: the same observed agreement, a chance agreement that differs per
 * coefficient, and a linearised (delta-method) variance over items. Items without any
 * rating must be removed by the caller; items with one rating carry no pairs but do count
 * in the category propensities, as in irrCAC.
 */
final class GwetFramework {

	enum Coefficient {

		PERCENT_AGREEMENT, FLEISS_KAPPA, GWET_AC1

	}

	private GwetFramework() {
	}

	static final String T_INTERVAL = "asymptotic SE (Gwet 2008, as irrCAC), t(n-1) 95%% interval over %d items";

	static StatisticResult compute(ItemCounts data, Coefficient coefficient) {
		int n = data.items;
		int q = data.categories;
		int pairable = data.countWithAtLeast(2);
		if (pairable == 0) {
			return new Undefined(n == 0 ? "no rated items" : "no pairable items (every item has fewer than 2 ratings)");
		}
		if (coefficient == Coefficient.GWET_AC1 && q < 2) {
			return new Undefined("AC1 needs at least 2 categories; the category set has " + q
					+ " (declare the rubric's categories)");
		}
		// Per-item observed agreement: share of ordered pairs of ratings that agree.
		double[] paItem = new double[n];
		double paSum = 0;
		double[] pi = new double[q];
		for (int i = 0; i < n; i++) {
			int total = data.totals[i];
			long agreeingPairs = 0;
			for (int c = 0; c < q; c++) {
				int r = data.count(i, c);
				agreeingPairs += (long) r * (r - 1);
				pi[c] += (double) r / total;
			}
			if (total >= 2) {
				paItem[i] = (double) agreeingPairs / ((double) total * (total - 1));
				paSum += paItem[i];
			}
		}
		for (int c = 0; c < q; c++) {
			pi[c] /= n;
		}
		double pa = paSum / pairable;
		double pe;
		switch (coefficient) {
			case PERCENT_AGREEMENT -> pe = 0;
			case FLEISS_KAPPA -> {
				pe = 0;
				for (double p : pi) {
					pe += p * p;
				}
				if (pe >= 1 - 1e-12) {
					return new Undefined("chance agreement is 1: every rating is in one category, so kappa is 0/0");
				}
			}
			case GWET_AC1 -> {
				pe = 0;
				for (double p : pi) {
					pe += p * (1 - p);
				}
				pe /= (q - 1);
			}
			default -> throw new IllegalStateException();
		}
		double value = coefficient == Coefficient.PERCENT_AGREEMENT ? pa : (pa - pe) / (1 - pe);
		if (n < 2) {
			return new Estimate(value, null, null, null, "none: an interval needs at least 2 items");
		}
		if (pairable < 2) {
			// irrCAC would still give one: the zero terms of items rated once make a
			// standard error out of a single pair of ratings.
			return new Estimate(value, null, null, null,
					"none: an interval needs at least 2 pairable items; the table has " + pairable);
		}
		// Linearised per-item terms; their spread around the estimate gives the variance
		// (irrCAC, N = infinity).
		double scale = (double) n / pairable;
		double sumSquares = 0;
		for (int i = 0; i < n; i++) {
			boolean hasPairs = data.totals[i] >= 2;
			double term;
			if (coefficient == Coefficient.PERCENT_AGREEMENT) {
				term = scale * paItem[i];
			}
			else {
				double peItem = 0;
				for (int c = 0; c < q; c++) {
					double share = (double) data.count(i, c) / data.totals[i];
					peItem += coefficient == Coefficient.FLEISS_KAPPA ? share * pi[c] : share * (1 - pi[c]);
				}
				if (coefficient == Coefficient.GWET_AC1) {
					peItem /= (q - 1);
				}
				double itemValue = scale * (paItem[i] - (hasPairs ? pe : 0)) / (1 - pe);
				term = itemValue - 2 * (1 - value) * (peItem - pe) / (1 - pe);
			}
			sumSquares += (term - value) * (term - value);
		}
		double se = Math.sqrt(sumSquares / ((double) n * (n - 1)));
		double half = StudentT.quantile(0.975, n - 1) * se;
		double floor = coefficient == Coefficient.PERCENT_AGREEMENT ? 0 : -1;
		return new Estimate(value, se, Math.max(floor, value - half), Math.min(1, value + half),
				String.format(T_INTERVAL, n));
	}

}
