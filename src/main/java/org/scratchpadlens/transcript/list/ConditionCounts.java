package org.scratchpadlens.transcript.list;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scratchpadlens.transcript.list.TranscriptIndex.MetricColumn;
import org.springframework.stereotype.Service;

/**
 * Counts per run and split of the current transcripts, from the same in-memory index as
 * the list, so that a number on the dashboard and the list it links to always agree (and
 * cost bit operations, not a scan of the metric rows).
 */
@Service
public class ConditionCounts {

	private final TranscriptIndexHolder holder;

	ConditionCounts(TranscriptIndexHolder holder) {
		this.holder = holder;
	}

	/**
	 * How many transcripts hold a true/false value of a metric, and how many of those are
	 * true.
	 */
	public record Known(long known, long trueCount) {
	}

	/**
	 * One run and split: {@code n} transcripts; per metric asked for, its {@link Known};
	 * for the pair (a, b), the transcripts that hold both, and how many of them are true
	 * for both, for a only, for b only.
	 */
	public record RunSplit(long runId, String split, long n, Map<String, Known> metrics, long bothKnown, long bothTrue,
			long firstOnly, long secondOnly) {
	}

	/**
	 * @param metrics the boolean metrics to count (a name the store does not hold, or
	 * that is not boolean, counts as missing everywhere)
	 * @param first the first of the pair counted jointly
	 * @param second the second of the pair
	 */
	public List<RunSplit> perRunAndSplit(List<String> metrics, String first, String second) {
		return perRunAndSplit(metrics, first, second, Set.of()).counts();
	}

	/**
	 * The counts without some transcripts, and how many current ones were left out.
	 */
	public record Without(List<RunSplit> counts, long leftOut) {
	}

	/**
	 * As {@link #perRunAndSplit(List, String, String)}, leaving out the transcripts
	 * {@code leftOut} names (those whose metrics a reader may not see).
	 */
	public Without perRunAndSplit(List<String> metrics, String first, String second, Set<Long> leftOut) {
		TranscriptIndex index = holder.current().index();
		BitSet visible = (BitSet) index.all.clone();
		long left = 0;
		for (long id : leftOut) {
			int row = index.row(id);
			if (row >= 0 && visible.get(row)) {
				visible.clear(row);
				left++;
			}
		}
		List<RunSplit> counts = new ArrayList<>();
		BitSet[] byRun = index.rowsByRun();
		MetricColumn a = booleans(index, first);
		MetricColumn b = booleans(index, second);
		// the rows holding both metrics of the pair, once for every run and split
		BitSet bothHeld = a == null || b == null ? null : and(or(a.yes, a.no), or(b.yes, b.no));
		for (int run = 0; run < byRun.length; run++) {
			for (String split : List.of("train", "deploy")) {
				BitSet rows = and(and(byRun[run], index.fields.get("split").getOrDefault(split, new BitSet())),
						visible);
				long n = rows.cardinality();
				if (n == 0) {
					continue;
				}
				Map<String, Known> known = new LinkedHashMap<>();
				for (String name : metrics) {
					MetricColumn column = booleans(index, name);
					known.put(name, column == null ? new Known(0, 0)
							: new Known(count(rows, column.yes) + count(rows, column.no), count(rows, column.yes)));
				}
				long bothKnown = 0;
				long bothTrue = 0;
				long firstOnly = 0;
				long secondOnly = 0;
				if (bothHeld != null) {
					BitSet both = and(rows, bothHeld);
					bothKnown = both.cardinality();
					bothTrue = count(and(both, a.yes), b.yes);
					firstOnly = count(and(both, a.yes), b.no);
					secondOnly = count(and(both, b.yes), a.no);
				}
				counts.add(new RunSplit(index.runs.get(run).id(), split, n, known, bothKnown, bothTrue, firstOnly,
						secondOnly));
			}
		}
		return new Without(counts, left);
	}

	private static MetricColumn booleans(TranscriptIndex index, String name) {
		MetricColumn column = name == null ? null : index.metrics.get(name);
		return column != null && column.kind == MetricKind.BOOLEAN ? column : null;
	}

	private static BitSet and(BitSet x, BitSet y) {
		BitSet r = (BitSet) x.clone();
		r.and(y);
		return r;
	}

	private static BitSet or(BitSet x, BitSet y) {
		BitSet r = (BitSet) x.clone();
		r.or(y);
		return r;
	}

	private static long count(BitSet x, BitSet y) {
		return and(x, y).cardinality();
	}

}
