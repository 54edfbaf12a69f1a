package org.scratchpadlens.transcript.list;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable snapshot of every current transcript's condition fields and metric values,
 * held in memory so that filtering, sorting and the sidebar's counts cost bit operations,
 * not database scans (decision 0004). Rows are numbered 0..n-1 in transcript id order;
 * each filterable value is a bitset of rows.
 */
final class TranscriptIndex {

	/** The condition fields the list filters on, in the sidebar's order. */
	static final List<String> FIELDS = List.of("setting", "run", "variation", "split", "model");

	final StoreSignature signature;

	final long[] ids;

	final int[] runOf;

	/** Query index by row, {@link Integer#MIN_VALUE} where the file has none. */
	final int[] queryIndexes;

	/** Version by row (1 for a transcript's first import). */
	final int[] versions;

	/** The release file each row came from. */
	final String[] fileNames;

	final List<RunInfo> runs;

	final BitSet all;

	/** field → value → rows; a missing variation or model is the value "". */
	final Map<String, SortedMap<String, BitSet>> fields;

	/** metric name → its column, in name order. */
	final SortedMap<String, MetricColumn> metrics;

	/**
	 * Rows in reading order: run path, split (train first), query index, file name, id.
	 */
	final int[] naturalOrder;

	final int[] naturalRank;

	private final Map<String, Order> orders = new ConcurrentHashMap<>();

	private volatile BitSet[] rowsByRun;

	TranscriptIndex(StoreSignature signature, long[] ids, int[] runOf, int[] queryIndexes, int[] versions,
			String[] fileNames, List<RunInfo> runs, Map<String, SortedMap<String, BitSet>> fields,
			SortedMap<String, MetricColumn> metrics, int[] naturalOrder) {
		this.signature = signature;
		this.ids = ids;
		this.runOf = runOf;
		this.queryIndexes = queryIndexes;
		this.versions = versions;
		this.fileNames = fileNames;
		this.runs = runs;
		this.fields = fields;
		this.metrics = metrics;
		this.naturalOrder = naturalOrder;
		this.naturalRank = new int[ids.length];
		for (int i = 0; i < naturalOrder.length; i++) {
			naturalRank[naturalOrder[i]] = i;
		}
		this.all = new BitSet(ids.length);
		this.all.set(0, ids.length);
	}

	int size() {
		return ids.length;
	}

	/** The row of a current transcript, or -1. */
	int row(long id) {
		int at = Arrays.binarySearch(ids, id);
		return at >= 0 ? at : -1;
	}

	/**
	 * The rows of each run, by its position in {@link #runs} (a sample and a real run
	 * apart).
	 */
	BitSet[] rowsByRun() {
		BitSet[] byRun = rowsByRun;
		if (byRun == null) {
			byRun = new BitSet[runs.size()];
			for (int i = 0; i < byRun.length; i++) {
				byRun[i] = new BitSet(ids.length);
			}
			for (int row = 0; row < ids.length; row++) {
				byRun[runOf[row]].set(row);
			}
			rowsByRun = byRun;
		}
		return byRun;
	}

	/** Rows of these transcript ids (ids that are not current are left out). */
	BitSet rows(long[] transcriptIds) {
		BitSet found = new BitSet(ids.length);
		for (long id : transcriptIds) {
			int row = row(id);
			if (row >= 0) {
				found.set(row);
			}
		}
		return found;
	}

	/**
	 * Rows in the order of a sort key, with the position of each row in it; computed once
	 * per key and snapshot.
	 */
	Order order(SortKey key) {
		return orders.computeIfAbsent(key.cacheKey(), k -> computeOrder(key));
	}

	private Order computeOrder(SortKey key) {
		Integer[] rows = new Integer[ids.length];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = naturalOrder[i];
		}
		Comparator<Integer> natural = Comparator.comparingInt(r -> naturalRank[r]);
		Comparator<Integer> comparator = switch (key.kind()) {
			case RUN -> natural;
			case QUERY_INDEX -> Comparator.<Integer, Boolean>comparing(r -> queryIndex(r) == Integer.MIN_VALUE)
				.thenComparing(key.descending() ? Comparator.<Integer>comparingInt(this::queryIndex).reversed()
						: Comparator.comparingInt(this::queryIndex))
				.thenComparing(natural);
			case RANDOM -> Comparator.<Integer>comparingLong(r -> mix(key.seed(), ids[r])).thenComparing(natural);
			case METRIC -> {
				MetricColumn column = metrics.get(key.metric());
				Comparator<Integer> byValue = Comparator.comparingDouble(column::sortValue);
				yield Comparator.<Integer, Boolean>comparing(r -> !column.present(r))
					.thenComparing(key.descending() ? byValue.reversed() : byValue)
					.thenComparing(natural);
			}
		};
		// a descending run order is the natural order backwards
		if (key.kind() == SortKey.Kind.RUN && key.descending()) {
			comparator = natural.reversed();
		}
		Arrays.sort(rows, comparator);
		int[] order = new int[rows.length];
		int[] position = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			order[i] = rows[i];
			position[rows[i]] = i;
		}
		return new Order(order, position);
	}

	private int queryIndex(int row) {
		return queryIndexes[row];
	}

	/**
	 * SplitMix64 of the seed and the id: a shuffle that is the same for the same seed.
	 */
	static long mix(long seed, long id) {
		long z = seed * 0x9E3779B97F4A7C15L + id;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** Rows in one order, and each row's position in it. */
	record Order(int[] rows, int[] position) {
	}

	/** A run as the list shows and filters it. */
	record RunInfo(long id, String path, String setting, String variation, String model, boolean sample) {
	}

	/** One metric's values for every row. */
	static final class MetricColumn {

		final String name;

		final MetricKind kind;

		/** Rows whose value is true (booleans), or that have a number (numbers). */
		final BitSet yes;

		/** Rows whose value is false (booleans only). */
		final BitSet no;

		/** Numbers by row (NaN where missing), for number metrics; null otherwise. */
		final double[] numbers;

		/**
		 * Rows whose value the column does not hold: a text, or a value of the other kind
		 * (a number in a boolean column). The list treats them as missing; an export
		 * reads them from the store.
		 */
		final BitSet elsewhere;

		MetricColumn(String name, MetricKind kind, BitSet yes, BitSet no, double[] numbers, BitSet elsewhere) {
			this.name = name;
			this.kind = kind;
			this.yes = yes;
			this.no = no;
			this.numbers = numbers;
			this.elsewhere = elsewhere;
		}

		boolean present(int row) {
			return kind == MetricKind.NUMBER ? yes.get(row) : (yes.get(row) || no.get(row));
		}

		/**
		 * Booleans sort false before true; missing rows are placed apart by the caller.
		 */
		double sortValue(int row) {
			return switch (kind) {
				case NUMBER -> numbers[row];
				case BOOLEAN -> yes.get(row) ? 1 : 0;
				case TEXT -> 0;
			};
		}

		/** Rows that have no usable value (absent, unparseable, or of another type). */
		BitSet missing(BitSet all) {
			BitSet missing = (BitSet) all.clone();
			missing.andNot(yes);
			if (no != null) {
				missing.andNot(no);
			}
			return missing;
		}

	}

}
