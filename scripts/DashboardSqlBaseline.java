import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;

/**
 * Baseline for scripts/benchmark-dashboard.sh: the raw SQL behind GET /api/dashboard (the
 * runs, the metric ids, the one aggregate query, with the default refusal metrics), run
 * over plain JDBC and timed, so the endpoint's figures can be compared with the database's
 * own time. DashboardSqlBaselineTests keeps the aggregate below equal to the app's.
 *
 * java -cp h2.jar:postgresql.jar scripts/DashboardSqlBaseline.java URL USER PASSWORD [RUNS]
 */
public class DashboardSqlBaseline {

	static final String RUNS = "select id, path, sample, setting, variation from run order by sample, path, id";

	static final String METRIC_IDS = "select id, name from metric_name where name in (?, ?, ?)";

	// BEGIN AGGREGATE (DashboardQueries.sql(3))
	static final String AGGREGATE = """
			select t.run_id, t.split, count(*) as n,
			  sum(case when m0.value_type = 'boolean' then 1 else 0 end) as m0_known,
			  sum(case when m0.value_type = 'boolean' and m0.bool_value then 1 else 0 end) as m0_true,
			  sum(case when m1.value_type = 'boolean' then 1 else 0 end) as m1_known,
			  sum(case when m1.value_type = 'boolean' and m1.bool_value then 1 else 0 end) as m1_true,
			  sum(case when m2.value_type = 'boolean' then 1 else 0 end) as m2_known,
			  sum(case when m2.value_type = 'boolean' and m2.bool_value then 1 else 0 end) as m2_true,
			  sum(case when m0.value_type = 'boolean' and m1.value_type = 'boolean' then 1 else 0 end) as both_known,
			  sum(case when m0.value_type = 'boolean' and m1.value_type = 'boolean' and m0.bool_value and m1.bool_value then 1 else 0 end) as both_true,
			  sum(case when m0.value_type = 'boolean' and m1.value_type = 'boolean' and m0.bool_value and not m1.bool_value then 1 else 0 end) as partial_only,
			  sum(case when m0.value_type = 'boolean' and m1.value_type = 'boolean' and m1.bool_value and not m0.bool_value then 1 else 0 end) as effective_only
			from transcript t
			left join metric m0 on m0.transcript_id = t.id and m0.metric_name_id = ?
			left join metric m1 on m1.transcript_id = t.id and m1.metric_name_id = ?
			left join metric m2 on m2.transcript_id = t.id and m2.metric_name_id = ?
			where t.is_current
			group by t.run_id, t.split""";
	// END AGGREGATE

	public static void main(String[] args) throws Exception {
		int runs = args.length > 3 ? Integer.parseInt(args[3]) : 200;
		try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
			for (int i = 0; i < 5; i++) {
				once(c);
			}
			double[] ms = new double[runs];
			for (int i = 0; i < runs; i++) {
				long start = System.nanoTime();
				once(c);
				ms[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(ms);
			System.out.printf(Locale.ROOT, "raw SQL, %d runs: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", runs,
					pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]);
		}
	}

	static void once(Connection c) throws Exception {
		long[] ids = { -1, -1, -1 };
		String[] names = { "partial_scheme", "effective_scheme", "is_refusal_0_7" };
		drain(c, RUNS);
		try (PreparedStatement s = c.prepareStatement(METRIC_IDS)) {
			for (int i = 0; i < 3; i++) {
				s.setString(i + 1, names[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					ids[Arrays.asList(names).indexOf(rs.getString(2))] = rs.getLong(1);
				}
			}
		}
		try (PreparedStatement s = c.prepareStatement(AGGREGATE)) {
			for (int i = 0; i < 3; i++) {
				s.setLong(i + 1, ids[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rs.getLong(3);
				}
			}
		}
	}

	static void drain(Connection c, String sql) throws Exception {
		try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				rs.getLong(1);
			}
		}
	}

	static double pct(double[] sorted, int p) {
		int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
	}

}
