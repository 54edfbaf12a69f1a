package org.scratchpadlens.transcript.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The dashboard benchmark compares the endpoint with the raw SQL behind it
 * (scripts/DashboardSqlBaseline.java): that copy must stay the query the app runs.
 */
class DashboardSqlBaselineTests {

	@Test
	void theBenchmarksBaselineRunsTheAppsAggregateQuery() throws Exception {
		String script = Files.readString(Path.of("scripts/DashboardSqlBaseline.java"));
		String block = script.substring(script.indexOf("// BEGIN AGGREGATE"), script.indexOf("// END AGGREGATE"));
		String sql = block.substring(block.indexOf("\"\"\"") + 3, block.lastIndexOf("\"\"\""));
		assertThat(normalized(sql)).isEqualTo(normalized(DashboardQueries.sql(3)));
	}

	static String normalized(String sql) {
		return sql.replaceAll("\\s+", " ").strip();
	}

}
