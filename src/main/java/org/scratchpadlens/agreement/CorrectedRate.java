package org.scratchpadlens.agreement;

import java.util.Locale;

/**
 * A classifier's rate over a whole run, corrected for its errors as measured against
 * human labels on a random sample of the run: the Rogan–Gladen estimator (Rogan &amp;
 * Gladen 1978),
 *
 * <pre>
 *   π = (p + Sp − 1) / (Se + Sp − 1)
 * </pre>
 *
 * where p is the share of the run the classifier calls positive, and Se and Sp its
 * sensitivity and specificity on the labelled sample (the human answer is the reference).
 * The 95% interval is the delta method's (Greenland 1996): with J = Se + Sp − 1,
 *
 * <pre>
 *   Var(π) = [ Var(p) + π² Var(Se) + (1 − π)² Var(Sp) ] / J²
 * </pre>
 *
 * with binomial variances p(1 − p)/N, Se(1 − Se)/n₊ and Sp(1 − Sp)/n₋, so the interval
 * carries the uncertainty of the run's rate and of both accuracies. An estimate outside
 * [0, 1] is clipped, and the method says so. Undefined when Se + Sp ≤ 1 (the classifier
 * does no better than chance on the sample, the correction would divide by zero or flip
 * the sign), or when the sample has no reference positives or no reference negatives.
 * Assumes the classifier's accuracy is the same across the run as on its sample.
 */
public final class CorrectedRate {

	private static final double Z = 1.959963984540054;

	public static final String METHOD = "Rogan-Gladen, delta-method 95% interval";

	private CorrectedRate() {
	}

	/**
	 * What the classifier said over the whole run: {@code positives} of {@code total}.
	 */
	public record Apparent(long positives, long total) {

		double rate() {
			return (double) positives / total;
		}

		double variance() {
			double p = rate();
			return p * (1 - p) / total;
		}

	}

	/**
	 * The classifier against the human reference on the labelled sample: of the
	 * {@code referencePositives} items humans call positive it called
	 * {@code truePositives} positive; of the {@code referenceNegatives} items humans call
	 * negative it called {@code trueNegatives} negative.
	 */
	public record Accuracy(long truePositives, long referencePositives, long trueNegatives, long referenceNegatives) {

		public double sensitivity() {
			return (double) truePositives / referencePositives;
		}

		public double specificity() {
			return (double) trueNegatives / referenceNegatives;
		}

		double youden() {
			return sensitivity() + specificity() - 1;
		}

		double sensitivityVariance() {
			double se = sensitivity();
			return se * (1 - se) / referencePositives;
		}

		double specificityVariance() {
			double sp = specificity();
			return sp * (1 - sp) / referenceNegatives;
		}

	}

	/** The run's true rate, corrected for the classifier's errors. */
	public static StatisticResult rate(Apparent run, Accuracy accuracy) {
		Undefined undefined = undefined(accuracy);
		if (undefined != null) {
			return undefined;
		}
		if (run.total() <= 0) {
			return new Undefined("the run has no transcripts with a value of this metric");
		}
		double j = accuracy.youden();
		double pi = (run.rate() + accuracy.specificity() - 1) / j;
		double variance = (run.variance() + pi * pi * accuracy.sensitivityVariance()
				+ (1 - pi) * (1 - pi) * accuracy.specificityVariance()) / (j * j);
		return estimate(pi, Math.sqrt(variance), 0, 1);
	}

	/**
	 * The difference of the true rates of two parts of a run (say the unmonitored minus
	 * the training condition), each corrected with the same accuracy: (p_a − p_b) / J,
	 * whose variance by the delta method is [Var(p_a) + Var(p_b) + d² (Var(Se) +
	 * Var(Sp))] / J².
	 */
	public static StatisticResult difference(Apparent a, Apparent b, Accuracy accuracy) {
		Undefined undefined = undefined(accuracy);
		if (undefined != null) {
			return undefined;
		}
		if (a.total() <= 0 || b.total() <= 0) {
			return new Undefined("one of the two conditions has no transcripts with a value of this metric");
		}
		double j = accuracy.youden();
		double d = (a.rate() - b.rate()) / j;
		double variance = (a.variance() + b.variance()
				+ d * d * (accuracy.sensitivityVariance() + accuracy.specificityVariance())) / (j * j);
		return estimate(d, Math.sqrt(variance), -1, 1);
	}

	private static Undefined undefined(Accuracy accuracy) {
		if (accuracy.referencePositives() <= 0) {
			return new Undefined("the labelled sample has no item the raters call positive, so the classifier's "
					+ "sensitivity is unknown");
		}
		if (accuracy.referenceNegatives() <= 0) {
			return new Undefined("the labelled sample has no item the raters call negative, so the classifier's "
					+ "specificity is unknown");
		}
		if (accuracy.youden() <= 0) {
			return new Undefined(String.format(Locale.ROOT,
					"sensitivity + specificity ≤ 1 (%.3f + %.3f): on the labelled sample the classifier does no "
							+ "better than chance, so its rate cannot be corrected",
					accuracy.sensitivity(), accuracy.specificity()));
		}
		return null;
	}

	private static Estimate estimate(double value, double se, double min, double max) {
		double clipped = Math.max(min, Math.min(max, value));
		String method = clipped == value ? METHOD : METHOD + String.format(Locale.ROOT,
				"; the estimate %.4f was clipped to [%s, %s]", value, (int) min, (int) max);
		return new Estimate(clipped, se, Math.max(min, value - Z * se), Math.min(max, value + Z * se), method);
	}

}
