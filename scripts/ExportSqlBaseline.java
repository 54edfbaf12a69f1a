import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The baseline of the export benchmark: the rows the wide export of a campaign reads (conditions, metrics, labels,
 * answers), read by plain JDBC, each query once over the whole campaign, rows counted and dropped. Three runs.
 *
 * java -cp CLASSPATH scripts/ExportSqlBaseline.java JDBC_URL USER PASSWORD CAMPAIGN_ID
 */
public class ExportSqlBaseline {

	public static void main(String[] args) throws Exception {
		String campaign = Long.toString(Long.parseLong(args[3]));
		String[] queries = { """
				select t.id, r.path, r.setting, r.variation, r.model, t.split, t.query_index, t.version, t.file_name
				from transcript t join run r on r.id = t.run_id
				join campaign_item i on i.transcript_id = t.id and i.campaign_id = %s""".formatted(campaign), """
				select m.transcript_id, n.name, m.value_type, m.bool_value, m.num_value, m.text_value
				from metric m join metric_name n on n.id = m.metric_name_id
				join campaign_item i on i.transcript_id = m.transcript_id and i.campaign_id = %s""".formatted(campaign),
				"""
						select l.id, l.transcript_id, l.annotator, a.question, a.answer
						from label l join label_answer a on a.label_id = l.id where l.campaign_id = %s"""
					.formatted(campaign) };
		try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
			for (int run = 1; run <= 3; run++) {
				long start = System.nanoTime();
				long rows = 0;
				for (String q : queries) {
					try (Statement s = c.createStatement()) {
						s.setFetchSize(1000);
						try (ResultSet rs = s.executeQuery(q)) {
							int columns = rs.getMetaData().getColumnCount();
							while (rs.next()) {
								for (int i = 1; i <= columns; i++) {
									rs.getObject(i);
								}
								rows++;
							}
						}
					}
				}
				System.out.printf("[raw SQL, run %d] %d rows in %.2f s%n", run, rows, (System.nanoTime() - start) / 1e9);
			}
		}
	}

}
