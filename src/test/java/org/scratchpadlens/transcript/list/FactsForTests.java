package org.scratchpadlens.transcript.list;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.scratchpadlens.transcript.list.TranscriptIndex.MetricColumn;
import org.scratchpadlens.transcript.list.TranscriptIndex.RunInfo;

/**
 * {@link TranscriptFacts} of made-up transcripts, for tests of readers that need no
 * store: ids 1..n in one train run, query index = id, and a boolean metric
 * {@code partial_scheme} true on even ids.
 */
public final class FactsForTests {

	private FactsForTests() {
	}

	public static TranscriptFacts of(int n) {
		long[] ids = new long[n];
		int[] runOf = new int[n];
		int[] queryIndexes = new int[n];
		int[] versions = new int[n];
		String[] files = new String[n];
		int[] order = new int[n];
		BitSet even = new BitSet(n);
		BitSet odd = new BitSet(n);
		for (int row = 0; row < n; row++) {
			ids[row] = row + 1;
			queryIndexes[row] = row + 1;
			versions[row] = 1;
			files[row] = (row + 1) + ".json";
			order[row] = row;
			(ids[row] % 2 == 0 ? even : odd).set(row);
		}
		BitSet all = new BitSet(n);
		all.set(0, n);
		Map<String, SortedMap<String, BitSet>> fields = new LinkedHashMap<>();
		TranscriptIndex.FIELDS.forEach(f -> fields.put(f, new TreeMap<>()));
		fields.get("split").put("train", all);
		SortedMap<String, MetricColumn> metrics = new TreeMap<>();
		metrics.put("partial_scheme",
				new MetricColumn("partial_scheme", MetricKind.BOOLEAN, even, odd, null, new BitSet()));
		TranscriptIndex index = new TranscriptIndex(null, ids, runOf, queryIndexes, versions, files,
				List.of(new RunInfo(1, "run", "helpful_only", null, null, false)), fields, metrics, order);
		return new TranscriptFacts(index);
	}

}
