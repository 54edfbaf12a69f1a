package org.scratchpadlens.transcript.list;

import org.scratchpadlens.transcript.list.TranscriptIndex.MetricColumn;
import org.scratchpadlens.transcript.list.TranscriptIndex.RunInfo;

/**
 * Read access to one snapshot of the list's in-memory index, for readers that would
 * otherwise read every transcript's conditions and metrics from the store (the wide
 * export): a transcript's condition fields and its boolean and number metrics, by row.
 * The values of a transcript never change once imported, so a snapshot answers exactly
 * for every transcript it holds, however old it is.
 */
public final class TranscriptFacts {

	private final TranscriptIndex index;

	private final String[] splits;

	TranscriptFacts(TranscriptIndex index) {
		this.index = index;
		this.splits = new String[index.size()];
		index.fields.getOrDefault("split", java.util.Collections.emptySortedMap())
			.forEach((value, rows) -> rows.stream().forEach(row -> splits[row] = value));
	}

	/** The row of a transcript the snapshot holds, or -1. */
	public int row(long id) {
		return index.row(id);
	}

	/** The condition fields of a row. */
	public Conditions conditions(int row) {
		RunInfo run = index.runs.get(index.runOf[row]);
		int queryIndex = index.queryIndexes[row];
		return new Conditions(index.ids[row], run.path(), run.setting(), run.variation(), run.model(), splits[row],
				queryIndex == Integer.MIN_VALUE ? null : queryIndex, index.versions[row], index.fileNames[row]);
	}

	/**
	 * One metric's values, or null when no transcript of the snapshot has the metric.
	 */
	public Metric metric(String name) {
		MetricColumn column = index.metrics.get(name);
		return column == null ? null : new Metric(column);
	}

	/** A transcript's condition fields; a missing variation or model is null. */
	public record Conditions(long id, String run, String setting, String variation, String model, String split,
			Integer queryIndex, int version, String fileName) {
	}

	/** One metric's column. */
	public static final class Metric {

		private final MetricColumn column;

		Metric(MetricColumn column) {
			this.column = column;
		}

		/**
		 * True when the row's value is not held here (a text, or a value of another kind
		 * than most of the metric's): read it from the store.
		 */
		public boolean elsewhere(int row) {
			return column.elsewhere.get(row);
		}

		/**
		 * The row's value: a Boolean, a Double, or null (missing). Meaningful only where
		 * {@link #elsewhere} is false.
		 */
		public Object value(int row) {
			return switch (column.kind) {
				case BOOLEAN -> column.yes.get(row) ? Boolean.TRUE : column.no.get(row) ? Boolean.FALSE : null;
				case NUMBER -> column.yes.get(row) ? (Object) column.numbers[row] : null;
				case TEXT -> null;
			};
		}

	}

}
