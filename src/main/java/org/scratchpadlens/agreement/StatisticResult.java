package org.scratchpadlens.agreement;

/**
 * The outcome of one statistic: either a number with its interval, or a reason why there
 * is no number. Kept apart so that a caller can never mistake "undefined" for 0 or 1.
 */
public sealed interface StatisticResult permits Estimate, Undefined {

}
