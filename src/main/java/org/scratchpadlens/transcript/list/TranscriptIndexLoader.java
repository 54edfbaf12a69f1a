package org.scratchpadlens.transcript.list;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.scratchpadlens.transcript.list.TranscriptIndex.MetricColumn;
import org.scratchpadlens.transcript.list.TranscriptIndex.RunInfo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the current transcripts and all metric rows in one pass each (streamed, so
 * PostgreSQL sends them in chunks) and builds a {@link TranscriptIndex}.
 */
@Component
class TranscriptIndexLoader {

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	TranscriptIndexLoader(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(10_000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	TranscriptIndex load(StoreSignature signature) {
		return readOnly.execute(status -> build(signature));
	}

	private TranscriptIndex build(StoreSignature signature) {
		List<RunInfo> runs = jdbc.sql("select id, path, setting, variation, model, sample from run order by id")
			.query((rs, n) -> new RunInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(6)))
			.list();
		Map<Long, Integer> runIndex = new HashMap<>();
		for (int i = 0; i < runs.size(); i++) {
			runIndex.put(runs.get(i).id(), i);
		}

		Rows rows = new Rows();
		streaming.query("""
				select id, run_id, split, query_index, file_name, version
				from transcript where is_current order by id""", rs -> {
			rows.add(rs.getLong(1), runIndex.get(rs.getLong(2)), "deploy".equals(rs.getString(3)),
					(Integer) rs.getObject(4), rs.getString(5), rs.getInt(6));
		});
		int n = rows.size;
		long[] ids = Arrays.copyOf(rows.ids, n);

		Map<String, SortedMap<String, BitSet>> fields = new LinkedHashMap<>();
		TranscriptIndex.FIELDS.forEach(f -> fields.put(f, new TreeMap<>()));
		for (int row = 0; row < n; row++) {
			RunInfo run = runs.get(rows.runOf[row]);
			mark(fields, "setting", run.setting(), row, n);
			mark(fields, "run", run.path(), row, n);
			mark(fields, "variation", run.variation(), row, n);
			mark(fields, "split", rows.deploy.get(row) ? "deploy" : "train", row, n);
			mark(fields, "model", run.model(), row, n);
		}

		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select id, name from metric_name").query(rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		Map<Long, ColumnBuilder> columns = new HashMap<>();
		streaming.query("select transcript_id, metric_name_id, value_type, bool_value, num_value from metric", rs -> {
			int row = Arrays.binarySearch(ids, rs.getLong(1));
			if (row < 0) {
				return; // an earlier version
			}
			ColumnBuilder column = columns.computeIfAbsent(rs.getLong(2), k -> new ColumnBuilder(n));
			switch (rs.getString(3)) {
				case "boolean" -> {
					(rs.getBoolean(4) ? column.trues : column.falses).set(row);
				}
				case "number" -> {
					column.numbers[row] = rs.getDouble(5);
					column.hasNumber.set(row);
				}
				case "text" -> column.texts.set(row);
				default -> {
					// missing (e.g. "FAILED TO PARSE"): no value
				}
			}
		});
		SortedMap<String, MetricColumn> metrics = new TreeMap<>();
		columns.forEach((id, b) -> {
			String name = names.get(id);
			if (name != null) {
				metrics.put(name, b.build(name));
			}
		});

		Integer[] natural = new Integer[n];
		for (int i = 0; i < n; i++) {
			natural[i] = i;
		}
		Arrays.sort(natural,
				Comparator.<Integer, String>comparing(r -> runs.get(rows.runOf[r]).path())
					.thenComparing(r -> runs.get(rows.runOf[r]).sample())
					.thenComparing(r -> rows.deploy.get(r))
					.thenComparing(r -> rows.queryIndexes[r] == Integer.MIN_VALUE)
					.thenComparingInt(r -> rows.queryIndexes[r])
					.thenComparing(r -> rows.fileNames[r])
					.thenComparingLong(r -> ids[r]));
		int[] naturalOrder = new int[n];
		for (int i = 0; i < n; i++) {
			naturalOrder[i] = natural[i];
		}
		return new TranscriptIndex(signature, ids, Arrays.copyOf(rows.runOf, n), Arrays.copyOf(rows.queryIndexes, n),
				Arrays.copyOf(rows.versions, n), Arrays.copyOf(rows.fileNames, n), runs, fields, metrics, naturalOrder);
	}

	private static void mark(Map<String, SortedMap<String, BitSet>> fields, String field, String value, int row,
			int n) {
		fields.get(field).computeIfAbsent(value == null ? "" : value, v -> new BitSet(n)).set(row);
	}

	/** Growing arrays of the current transcripts' fields, in id order. */
	private static final class Rows {

		long[] ids = new long[1024];

		int[] runOf = new int[1024];

		int[] queryIndexes = new int[1024];

		String[] fileNames = new String[1024];

		int[] versions = new int[1024];

		final BitSet deploy = new BitSet();

		int size;

		void add(long id, int run, boolean isDeploy, Integer queryIndex, String fileName, int version) {
			if (size == ids.length) {
				int grown = size * 2;
				ids = Arrays.copyOf(ids, grown);
				runOf = Arrays.copyOf(runOf, grown);
				queryIndexes = Arrays.copyOf(queryIndexes, grown);
				fileNames = Arrays.copyOf(fileNames, grown);
				versions = Arrays.copyOf(versions, grown);
			}
			ids[size] = id;
			runOf[size] = run;
			queryIndexes[size] = queryIndex == null ? Integer.MIN_VALUE : queryIndex;
			fileNames[size] = fileName;
			versions[size] = version;
			deploy.set(size, isDeploy);
			size++;
		}

	}

	/** One metric's values while rows are read; its kind is decided at the end. */
	private static final class ColumnBuilder {

		final BitSet trues;

		final BitSet falses;

		final BitSet hasNumber;

		final double[] numbers;

		final BitSet texts;

		ColumnBuilder(int n) {
			this.trues = new BitSet(n);
			this.falses = new BitSet(n);
			this.hasNumber = new BitSet(n);
			this.numbers = new double[n];
			Arrays.fill(this.numbers, Double.NaN);
			this.texts = new BitSet(n);
		}

		/**
		 * The kind most values have: a metric that is mostly numbers filters as a range
		 * (its odd booleans count as missing), and the other way round.
		 */
		MetricColumn build(String name) {
			long booleans = trues.cardinality() + (long) falses.cardinality();
			long numbers = hasNumber.cardinality();
			long textCount = texts.cardinality();
			BitSet elsewhere = (BitSet) texts.clone();
			if (textCount > booleans && textCount > numbers) {
				elsewhere.or(trues);
				elsewhere.or(falses);
				elsewhere.or(hasNumber);
				return new MetricColumn(name, MetricKind.TEXT, new BitSet(), new BitSet(), null, elsewhere);
			}
			if (numbers > booleans) {
				elsewhere.or(trues);
				elsewhere.or(falses);
				return new MetricColumn(name, MetricKind.NUMBER, hasNumber, new BitSet(), this.numbers, elsewhere);
			}
			// booleans, or nothing usable at all (every value failed to parse): true /
			// false / missing
			elsewhere.or(hasNumber);
			return new MetricColumn(name, MetricKind.BOOLEAN, trues, falses, null, elsewhere);
		}

	}

}
