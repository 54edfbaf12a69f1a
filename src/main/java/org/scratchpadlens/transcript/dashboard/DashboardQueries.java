package org.scratchpadlens.transcript.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scratchpadlens.transcript.list.ConditionCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's counts: from the transcript list's in-memory index (the same counts the
 * list shows behind each link, in microseconds), and the equivalent aggregate query over
 * the metric rows, kept as the benchmark's baseline and as a check on the index.
 */
@Repository
class DashboardQueries {

	static final String PARTIAL = "partial_scheme";

	static final String EFFECTIVE = "effective_scheme";

	private final JdbcClient jdbc;

	private final ConditionCounts conditions;

	DashboardQueries(JdbcClient jdbc, ConditionCounts conditions) {
		this.jdbc = jdbc;
		this.conditions = conditions;
	}

	record RunRow(long id, String path, boolean sample, String setting, String variation) {
	}

	List<RunRow> runs() {
		return jdbc.sql("select id, path, sample, setting, variation from run order by sample, path, id")
			.query((rs, i) -> new RunRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/**
	 * Counts per run and split for partial_scheme, effective_scheme and the given refusal
	 * metrics (names the store has never seen count as missing everywhere).
	 */
	List<SplitCounts> counts(List<String> refusalMetrics) {
		return counts(refusalMetrics, Set.of()).counts();
	}

	/** The counts without some transcripts, and how many current ones were left out. */
	record Counts(List<SplitCounts> counts, long leftOut) {
	}

	/**
	 * As {@link #counts(List)}, leaving out the transcripts {@code leftOut} names.
	 */
	Counts counts(List<String> refusalMetrics, Set<Long> leftOut) {
		List<String> names = new ArrayList<>(List.of(PARTIAL, EFFECTIVE));
		refusalMetrics.stream().filter(n -> !names.contains(n)).forEach(names::add);
		ConditionCounts.Without without = conditions.perRunAndSplit(names, PARTIAL, EFFECTIVE, leftOut);
		return new Counts(without.counts().stream().map(c -> {
			Map<String, SplitCounts.Known> metrics = new LinkedHashMap<>();
			c.metrics().forEach((name, k) -> metrics.put(name, new SplitCounts.Known(k.known(), k.trueCount())));
			return new SplitCounts(c.runId(), c.split(), c.n(), metrics, c.bothKnown(), c.bothTrue(), c.firstOnly(),
					c.secondOnly());
		}).toList(), without.leftOut());
	}

	/**
	 * The same counts as the dashboard reads from the list's index, in one aggregate
	 * query over the metric rows: the benchmark's raw-SQL baseline
	 * ({@code DashboardSqlBaseline}) and the check that the index counts what the rows
	 * hold ({@code DashboardTests}).
	 */
	List<SplitCounts> countsBySql(List<String> refusalMetrics) {
		List<String> names = new ArrayList<>(List.of(PARTIAL, EFFECTIVE));
		refusalMetrics.stream().filter(n -> !names.contains(n)).forEach(names::add);
		Map<String, Long> ids = metricIds(names);
		List<Object> params = new ArrayList<>();
		for (String name : names) {
			params.add(ids.getOrDefault(name, -1L));
		}
		return jdbc.sql(sql(names.size())).params(params).query((rs, i) -> row(rs, names)).list();
	}

	/**
	 * The query for {@code metrics} metric columns: m0 is partial_scheme, m1
	 * effective_scheme, the rest refusal metrics. Aliases come from positions, names are
	 * bound as parameters.
	 */
	static String sql(int metrics) {
		StringBuilder select = new StringBuilder("select t.run_id, t.split, count(*) as n");
		StringBuilder joins = new StringBuilder();
		for (int i = 0; i < metrics; i++) {
			String m = "m" + i;
			select
				.append(",\n  sum(case when %1$s.value_type = 'boolean' then 1 else 0 end) as %1$s_known".formatted(m))
				.append(",\n  sum(case when %1$s.value_type = 'boolean' and %1$s.bool_value then 1 else 0 end) as %1$s_true"
					.formatted(m));
			joins.append(
					"\nleft join metric %1$s on %1$s.transcript_id = t.id and %1$s.metric_name_id = ?".formatted(m));
		}
		String both = "m0.value_type = 'boolean' and m1.value_type = 'boolean'";
		select.append(",\n  sum(case when " + both + " then 1 else 0 end) as both_known")
			.append(",\n  sum(case when " + both
					+ " and m0.bool_value and m1.bool_value then 1 else 0 end) as both_true")
			.append(",\n  sum(case when " + both + " and m0.bool_value and not m1.bool_value then 1 else 0 end)"
					+ " as partial_only")
			.append(",\n  sum(case when " + both + " and m1.bool_value and not m0.bool_value then 1 else 0 end)"
					+ " as effective_only");
		return select + "\nfrom transcript t" + joins + "\nwhere t.is_current\ngroup by t.run_id, t.split";
	}

	private Map<String, Long> metricIds(List<String> names) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select id, name from metric_name where name in (:names)")
			.param("names", names)
			.query((rs, i) -> Map.entry(rs.getString(2), rs.getLong(1)))
			.list()
			.forEach(e -> ids.put(e.getKey(), e.getValue()));
		return ids;
	}

	private static SplitCounts row(ResultSet rs, List<String> names) throws SQLException {
		Map<String, SplitCounts.Known> metrics = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			metrics.put(names.get(i),
					new SplitCounts.Known(rs.getLong("m" + i + "_known"), rs.getLong("m" + i + "_true")));
		}
		return new SplitCounts(rs.getLong("run_id"), rs.getString("split"), rs.getLong("n"), metrics,
				rs.getLong("both_known"), rs.getLong("both_true"), rs.getLong("partial_only"),
				rs.getLong("effective_only"));
	}

}
