package org.scratchpadlens.agreement;

/**
 * Cohen's kappa for two raters, unweighted or with agreement weights, from their
 * contingency table over complete items. The standard error is the large-sample non-null
 * one of Fleiss, Cohen and Everitt (1969), which is also what R vcd, irrCAC
 * (kappa2.table), SPSS and Stata report; the interval uses the normal quantile as that
 * theory does.
 */
final class CohenKappa {

	static final String METHOD = "asymptotic SE (Fleiss, Cohen & Everitt 1969), normal 95%% interval over %d items";

	private CohenKappa() {
	}

	/** Agreement weight 1 on the diagonal, 0 elsewhere. */
	static double[][] identity(int k) {
		double[][] w = new double[k][k];
		for (int i = 0; i < k; i++) {
			w[i][i] = 1;
		}
		return w;
	}

	/** 1 - |i - j| / (k - 1): categories equally spaced by rank. */
	static double[][] linear(int k) {
		return power(k, 1);
	}

	/** 1 - (i - j)² / (k - 1)². */
	static double[][] quadratic(int k) {
		return power(k, 2);
	}

	private static double[][] power(int k, int exponent) {
		if (k < 2) {
			return identity(k);
		}
		double[][] w = new double[k][k];
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				w[i][j] = 1 - Math.pow(Math.abs(i - j) / (double) (k - 1), exponent);
			}
		}
		return w;
	}

	static StatisticResult compute(long[][] table, double[][] weights) {
		int k = table.length;
		long n = 0;
		for (long[] row : table) {
			for (long x : row) {
				n += x;
			}
		}
		if (n == 0) {
			return new Undefined("no complete items (no item was rated by both raters)");
		}
		double[][] p = new double[k][k];
		double[] rowShare = new double[k];
		double[] colShare = new double[k];
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				p[i][j] = (double) table[i][j] / n;
				rowShare[i] += p[i][j];
				colShare[j] += p[i][j];
			}
		}
		double po = 0;
		double pe = 0;
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				po += weights[i][j] * p[i][j];
				pe += weights[i][j] * rowShare[i] * colShare[j];
			}
		}
		if (pe >= 1 - 1e-12) {
			return new Undefined(
					"chance agreement is 1: both raters put every item in the same single category, so kappa is 0/0");
		}
		double kappa = (po - pe) / (1 - pe);
		if (n < 2) {
			return new Estimate(kappa, null, null, null, "none: an interval needs at least 2 items");
		}
		// Mean weight of each row category against the other rater's distribution, and
		// vice versa.
		double[] rowMeanWeight = new double[k];
		double[] colMeanWeight = new double[k];
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				rowMeanWeight[i] += colShare[j] * weights[i][j];
				colMeanWeight[j] += rowShare[i] * weights[i][j];
			}
		}
		double sum = 0;
		for (int i = 0; i < k; i++) {
			for (int j = 0; j < k; j++) {
				if (p[i][j] > 0) {
					double d = weights[i][j] - (rowMeanWeight[i] + colMeanWeight[j]) * (1 - kappa);
					sum += p[i][j] * d * d;
				}
			}
		}
		double centre = kappa - pe * (1 - kappa);
		// Rounding can push a true zero (perfect agreement) slightly negative.
		double variance = Math.max(0, (sum - centre * centre) / (n * (1 - pe) * (1 - pe)));
		double se = Math.sqrt(variance);
		double half = StudentT.Z_975 * se;
		return new Estimate(kappa, se, Math.max(-1, kappa - half), Math.min(1, kappa + half), String.format(METHOD, n));
	}

}
