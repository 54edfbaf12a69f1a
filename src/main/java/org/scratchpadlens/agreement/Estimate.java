package org.scratchpadlens.agreement;

/**
 * A defined statistic with its 95% confidence interval. The bounds are null when no
 * interval can be given (fewer than two items, bootstrap disabled, every resample
 * undefined); {@code ciMethod} then says why, and otherwise names the method so a reader
 * can quote it. {@code standardError} is the asymptotic standard error where the interval
 * comes from one, else null (the bootstrap interval is read off percentiles, not built
 * from an SE).
 */
public record Estimate(double value, Double standardError, Double ciLow, Double ciHigh,
		String ciMethod) implements StatisticResult {

	public Estimate {
		if ((ciLow == null) != (ciHigh == null)) {
			throw new IllegalArgumentException("both interval bounds or neither");
		}
	}

	public boolean hasInterval() {
		return ciLow != null;
	}

}
