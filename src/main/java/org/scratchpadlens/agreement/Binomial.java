package org.scratchpadlens.agreement;

import java.util.SplittableRandom;

/**
 * Exact binomial draws from a {@link SplittableRandom}: inversion (sequential search from
 * 0) when n·min(p, 1−p) &lt; 10, otherwise Hörmann's transformed rejection with squeeze
 * (BTRS; W. Hörmann 1993, "The generation of binomial random variates", J. Statist.
 * Comput. Simul. 46), whose acceptance test uses the exact probability ratio through log
 * factorials. Both return each k with probability C(n,k) p^k (1−p)^(n−k) up to double
 * rounding.
 */
final class Binomial {

	private static final int TABLE = 1024;

	/** log(k!) for k < TABLE. */
	private static final double[] LOG_FACTORIAL = new double[TABLE];

	private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

	static {
		for (int k = 1; k < TABLE; k++) {
			LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
		}
	}

	private Binomial() {
	}

	/** log(k!): a table below 1024, Stirling's series (error below 1e-17) above. */
	static double logFactorial(long k) {
		if (k < TABLE) {
			return LOG_FACTORIAL[(int) k];
		}
		double x = k + 1.0;
		double inv = 1 / x;
		double inv2 = inv * inv;
		return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI
				+ inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
	}

	/** A draw from Binomial(n, p). */
	static int draw(SplittableRandom random, int n, double p) {
		if (n <= 0 || p <= 0) {
			return 0;
		}
		if (p >= 1) {
			return n;
		}
		if (p > 0.5) {
			return n - draw(random, n, 1 - p);
		}
		return n * p < 10 ? inversion(random, n, p) : btrs(random, n, p);
	}

	private static int inversion(SplittableRandom random, int n, double p) {
		double q = 1 - p;
		double s = p / q;
		double a = (n + 1) * s;
		while (true) {
			double r = Math.pow(q, n);
			double u = random.nextDouble();
			int x = 0;
			while (u > r) {
				u -= r;
				x++;
				if (x > n) {
					break;
				}
				r *= a / x - s;
			}
			if (x <= n) {
				return x;
			}
			// Rounding left u above the total mass: draw again (probability ~1e-16).
		}
	}

	private static int btrs(SplittableRandom random, int n, double p) {
		double q = 1 - p;
		double spq = Math.sqrt(n * p * q);
		double b = 1.15 + 2.53 * spq;
		double a = -0.0873 + 0.0248 * b + 0.01 * p;
		double c = n * p + 0.5;
		double alpha = (2.83 + 5.1 / b) * spq;
		double lpq = Math.log(p / q);
		int m = (int) Math.floor((n + 1) * p);
		double h = logFactorial(m) + logFactorial(n - m);
		double vr = 0.92 - 4.2 / b;
		while (true) {
			double u = random.nextDouble() - 0.5;
			double v = random.nextDouble();
			double us = 0.5 - Math.abs(u);
			long k = (long) Math.floor((2 * a / us + b) * u + c);
			if (k < 0 || k > n) {
				continue;
			}
			if (us >= 0.07 && v <= vr) {
				return (int) k;
			}
			double lhs = Math.log(v * alpha / (a / (us * us) + b));
			if (lhs <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) {
				return (int) k;
			}
		}
	}

}
