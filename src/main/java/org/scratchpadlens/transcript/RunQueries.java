package org.scratchpadlens.transcript;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RunQueries {

	private final JdbcClient jdbc;

	RunQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<RunSummary> summaries() {
		return jdbc.sql("""
				select r.id, r.path, r.sample, r.setting, r.variation, r.model,
				  coalesce(sum(case when t.split = 'train' then 1 else 0 end), 0) as train,
				  coalesce(sum(case when t.split = 'deploy' then 1 else 0 end), 0) as deploy
				from run r left join transcript t on t.run_id = r.id and t.is_current
				group by r.id, r.path, r.sample, r.setting, r.variation, r.model
				order by r.sample, r.path""")
			.query((rs, n) -> new RunSummary(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8)))
			.list();
	}

	public StoreTotals totals() {
		return jdbc.sql("""
				select (select count(*) from transcript where is_current), (select count(*) from transcript),
				  (select count(*) from synthetic_document), (select count(*) from system_prompt),
				  (select count(*) from prompt_file)""")
			.query((rs, n) -> new StoreTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.single();
	}

	/**
	 * Setting is derived from the run path; an admin may correct it (the source column
	 * remembers who decided).
	 */
	public boolean setSetting(long runId, String setting) {
		return jdbc.sql("update run set setting = ?, setting_source = 'admin' where id = ?")
			.params(setting, runId)
			.update() == 1;
	}

}
