package org.scratchpadlens.agreement;

/** A statistic that has no value on this table, with a reason a researcher can act on. */
public record Undefined(String reason) implements StatisticResult {

}
