package org.scratchpadlens.transcript.list;

/**
 * What a metric holds across the store, which decides how it filters: booleans as true /
 * false / missing, numbers as a range. Text metrics are shown but not filtered on.
 */
public enum MetricKind {

	BOOLEAN, NUMBER, TEXT;

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
