package org.scratchpadlens.transcript.list;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The list benchmark's yardstick (scripts/benchmark-browse.sh): the raw SQL that answers
 * the benchmark's list request straight from the metric rows, with no app around it. The
 * request: setting helpful_only, split train, partial_scheme true, effective_scheme
 * false, sorted by pm_score descending; its count, first page of 50, and the sidebar's
 * counts (every boolean metric's true/false, and per run). Prints p50/p95/p99 of the four
 * queries together.
 * <p>
 * {@code java -cp ... ListSqlBaseline JDBC_URL USER PASSWORD [ITERATIONS]}
 */
public final class ListSqlBaseline {

	static final String FILTERED = """
			with f as (
			  select t.id, t.run_id from transcript t join run r on r.id = t.run_id
			  where t.is_current and r.setting = 'helpful_only' and t.split = 'train'
			    and exists (select 1 from metric m join metric_name n on n.id = m.metric_name_id
			                where m.transcript_id = t.id and n.name = 'partial_scheme' and m.value_type = 'boolean'
			                  and m.bool_value = true)
			    and exists (select 1 from metric m join metric_name n on n.id = m.metric_name_id
			                where m.transcript_id = t.id and n.name = 'effective_scheme' and m.value_type = 'boolean'
			                  and m.bool_value = false))
			""";

	static final String[] QUERIES = { FILTERED + "select count(*) from f", FILTERED + """
			select f.id from f left join metric s on s.transcript_id = f.id
			  and s.metric_name_id = (select id from metric_name where name = 'pm_score')
			order by s.num_value desc nulls last, f.id fetch first 50 rows only""", FILTERED + """
			select m.metric_name_id, m.bool_value, count(*) from metric m join f on f.id = m.transcript_id
			where m.value_type = 'boolean' group by m.metric_name_id, m.bool_value""",
			FILTERED + "select run_id, count(*) from f group by run_id" };

	private ListSqlBaseline() {
	}

	public static void main(String[] args) throws SQLException {
		int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 200;
		try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
			long rows = 0;
			for (int i = 0; i < 20; i++) {
				rows = once(c);
			}
			long[] nanos = new long[iterations];
			for (int i = 0; i < iterations; i++) {
				long start = System.nanoTime();
				once(c);
				nanos[i] = System.nanoTime() - start;
			}
			Arrays.sort(nanos);
			System.out.printf("raw SQL, %d iterations (count %d): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", iterations,
					rows, ms(nanos, 50), ms(nanos, 95), ms(nanos, 99));
		}
	}

	private static long once(Connection c) throws SQLException {
		long count = 0;
		for (int q = 0; q < QUERIES.length; q++) {
			try (PreparedStatement s = c.prepareStatement(QUERIES[q]); ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					if (q == 0) {
						count = rs.getLong(1);
					}
				}
			}
		}
		return count;
	}

	private static double ms(long[] sorted, int percentile) {
		int at = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, at)] / 1e6;
	}

}
