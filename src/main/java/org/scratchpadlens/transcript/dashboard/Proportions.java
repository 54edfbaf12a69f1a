package org.scratchpadlens.transcript.dashboard;

/**
 * Confidence intervals for rates and for differences of rates, in plain Java.
 *
 * <ul>
 * <li>{@link #wilson}: the Wilson score interval without continuity correction (method 3
 * of Newcombe 1998, "Two-sided confidence intervals for the single proportion", Stat Med
 * 17:857-872).</li>
 * <li>{@link #newcombe}: the hybrid score interval for p1 - p2 of two independent
 * proportions (method 10 of Newcombe 1998, "Interval estimation for the difference
 * between independent proportions", Stat Med 17:873-890), built from the two Wilson
 * intervals.</li>
 * </ul>
 */
public final class Proportions {

	/** The 0.975 quantile of the standard normal: a two-sided 95% interval. */
	public static final double Z95 = 1.959963984540054;

	private Proportions() {
	}

	/** An estimate with its interval. */
	public record Interval(double estimate, double low, double high) {
	}

	/**
	 * The Wilson score interval for {@code successes / n}. {@code successes} may be
	 * fractional (a mean of scores in [0, 1] times n; see {@link #meanScore}).
	 * @throws IllegalArgumentException when n is 0 (no rate: ask {@link #undefinedReason}
	 * first) or successes is outside [0, n]
	 */
	public static Interval wilson(double successes, long n, double z) {
		if (n <= 0) {
			throw new IllegalArgumentException("a rate needs at least one value: n = " + n);
		}
		if (!(successes >= 0 && successes <= n)) {
			throw new IllegalArgumentException("successes must be in [0, n]: " + successes + " of " + n);
		}
		double p = successes / n;
		double z2 = z * z;
		double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
		double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
		// at 0/n and n/n the bound is exactly 0 or 1 in exact arithmetic; keep it so
		double low = (successes == 0) ? 0 : Math.max(0, centre - half);
		double high = (successes == n) ? 1 : Math.min(1, centre + half);
		return new Interval(p, low, high);
	}

	/**
	 * Newcombe's hybrid score interval for {@code x1/n1 - x2/n2}: the distances from each
	 * rate to its Wilson bounds, added in quadrature.
	 */
	public static Interval newcombe(long x1, long n1, long x2, long n2, double z) {
		Interval a = wilson(x1, n1, z);
		Interval b = wilson(x2, n2, z);
		double d = a.estimate() - b.estimate();
		double low = d - Math.sqrt(square(a.estimate() - a.low()) + square(b.high() - b.estimate()));
		double high = d + Math.sqrt(square(b.estimate() - b.low()) + square(a.high() - a.estimate()));
		return new Interval(d, Math.max(-1, low), Math.min(1, high));
	}

	/**
	 * The mean of per-item scores in [0, 1] (here (partial + effective) / 2 per
	 * transcript, so {@code scoreSum} counts halves) with a Wilson score interval over
	 * the n items. A score in [0, 1] with mean m has a variance of at most m(1 - m), the
	 * Bernoulli case, so the interval is exact in its Bernoulli case (both metrics agree
	 * on every transcript) and conservative otherwise; unlike a normal or bootstrap
	 * interval it does not collapse to a point at 0 or 1.
	 */
	public static Interval meanScore(double scoreSum, long n, double z) {
		return wilson(scoreSum, n, z);
	}

	/** Why no rate can be given, or null when one can. */
	public static String undefinedReason(long n) {
		return n > 0 ? null : "no transcript has a value for it";
	}

	private static double square(double x) {
		return x * x;
	}

}
