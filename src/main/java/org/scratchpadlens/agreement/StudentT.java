package org.scratchpadlens.agreement;

/**
 * Quantiles of Student's t, needed because irrCAC builds its Fleiss / AC1 /
 * percent-agreement intervals with t(n - 1) rather than the normal, and a researcher
 * comparing with irrCAC should get the same interval. Computed from the regularised
 * incomplete beta function (continued fraction) and bisection: accurate to ~1e-12, and
 * only a handful of calls per report.
 */
final class StudentT {

	static final double Z_975 = 1.959963984540054;

	private StudentT() {
	}

	/** The p-quantile of t with {@code df} degrees of freedom, for 0.5 &lt; p &lt; 1. */
	static double quantile(double p, double df) {
		if (!(p > 0.5 && p < 1) || !(df > 0)) {
			throw new IllegalArgumentException("p must be in (0.5, 1) and df > 0");
		}
		double lo = 0;
		double hi = 1;
		while (cdf(hi, df) < p) {
			hi *= 2;
		}
		for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
			double mid = (lo + hi) / 2;
			if (cdf(mid, df) < p) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		return (lo + hi) / 2;
	}

	/** P(T &le; t) for t &ge; 0. */
	static double cdf(double t, double df) {
		double x = df / (df + t * t);
		return 1 - 0.5 * regularizedBeta(x, df / 2, 0.5);
	}

	static double regularizedBeta(double x, double a, double b) {
		if (x <= 0) {
			return 0;
		}
		if (x >= 1) {
			return 1;
		}
		double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
		// The continued fraction converges fast only on one side of the mean; use the
		// symmetry I_x(a,b) = 1 - I_{1-x}(b,a).
		if (x < (a + 1) / (a + b + 2)) {
			return Math.exp(logFront) * continuedFraction(x, a, b) / a;
		}
		return 1 - Math.exp(logFront) * continuedFraction(1 - x, b, a) / b;
	}

	// Modified Lentz evaluation of the incomplete beta continued fraction.
	private static double continuedFraction(double x, double a, double b) {
		final double tiny = 1e-300;
		double c = 1;
		double d = 1 - (a + b) * x / (a + 1);
		d = 1 / (Math.abs(d) < tiny ? tiny : d);
		double h = d;
		for (int m = 1; m <= 1000; m++) {
			int m2 = 2 * m;
			double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
			d = 1 + even * d;
			d = 1 / (Math.abs(d) < tiny ? tiny : d);
			c = 1 + even / c;
			c = Math.abs(c) < tiny ? tiny : c;
			h *= d * c;
			double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
			d = 1 + odd * d;
			d = 1 / (Math.abs(d) < tiny ? tiny : d);
			c = 1 + odd / c;
			c = Math.abs(c) < tiny ? tiny : c;
			double step = d * c;
			h *= step;
			if (Math.abs(step - 1) < 1e-16) {
				break;
			}
		}
		return h;
	}

	// Lanczos approximation (g = 7, 9 terms), relative error below 1e-15 for positive
	// arguments.
	private static final double[] LANCZOS = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028,
			771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
			1.5056327351493116e-7 };

	static double logGamma(double x) {
		if (x < 0.5) {
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
		}
		double z = x - 1;
		double sum = LANCZOS[0];
		for (int i = 1; i < LANCZOS.length; i++) {
			sum += LANCZOS[i] / (z + i);
		}
		double t = z + 7.5;
		return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
	}

}
