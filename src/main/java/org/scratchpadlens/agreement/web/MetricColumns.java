package org.scratchpadlens.agreement.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Boolean automated metrics of a set of transcripts, one column per metric over the
 * transcripts' ids in order. Looking up every item of a 75,000-item campaign in a map of
 * maps took ~0.5 s of each agreement computation (a chain of scattered objects per
 * lookup); a column lookup is a binary search in one array.
 */
final class MetricColumns {

	private static final byte NONE = 0;

	private static final byte FALSE = 1;

	private static final byte TRUE = 2;

	/** The transcripts with at least one value, ascending. */
	private final long[] ids;

	/** Per metric, the value of each transcript in {@link #ids}' order. */
	private final Map<String, byte[]> columns;

	private MetricColumns(long[] ids, Map<String, byte[]> columns) {
		this.ids = ids;
		this.columns = columns;
	}

	/** Rows with no value (null) are left out: the metric is missing there. */
	static MetricColumns of(List<AgreementQueries.MetricRow> rows) {
		long[] ids = rows.stream()
			.filter(r -> r.value() != null)
			.mapToLong(AgreementQueries.MetricRow::transcriptId)
			.sorted()
			.distinct()
			.toArray();
		Map<String, byte[]> columns = new HashMap<>();
		for (AgreementQueries.MetricRow row : rows) {
			if (row.value() != null) {
				byte[] column = columns.computeIfAbsent(row.metric(), m -> new byte[ids.length]);
				column[Arrays.binarySearch(ids, row.transcriptId())] = row.value() ? TRUE : FALSE;
			}
		}
		return new MetricColumns(ids, columns);
	}

	/** The metric's value for each of these transcripts, null where it has none. */
	Boolean[] values(String metric, long[] transcriptIds) {
		Boolean[] values = new Boolean[transcriptIds.length];
		byte[] column = columns.get(metric);
		if (column == null) {
			return values;
		}
		for (int i = 0; i < transcriptIds.length; i++) {
			int at = Arrays.binarySearch(ids, transcriptIds[i]);
			if (at >= 0 && column[at] != NONE) {
				values[i] = column[at] == TRUE;
			}
		}
		return values;
	}

}
