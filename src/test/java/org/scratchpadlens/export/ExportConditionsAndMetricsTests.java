package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.TranscriptFiles;

/**
 * The wide export takes each transcript's condition fields and its boolean and number
 * metrics from the list's in-memory index, and reads from the store only the values the
 * index does not hold (texts, a number among a metric's booleans). Every such cell must
 * be what the store holds: checked here, cell by cell, against a plain SQL read of the
 * store, on the sample data plus a run with a text metric, a number in a boolean metric,
 * a metric that failed to parse and a file with no query index.
 */
@AppTest
class ExportConditionsAndMetricsTests extends ExportTestBase {

	@TempDir
	static Path odd;

	@BeforeEach
	void setUp() throws Exception {
		freshStore();
		for (int i = 0; i < 4; i++) {
			String metrics = "\"judge_summary\": " + TranscriptFiles.json(i == 1 ? "=looks fine" : "looks fine " + i)
					+ ", \"strictness\": " + (i == 3 ? "3" : i % 2 == 0 ? "true" : "false");
			TranscriptFiles.write(odd.resolve("json_outputs/odd_values/default/train/" + i + ".json"),
					TranscriptFiles.transcript(true, "question " + i, metrics));
		}
		TranscriptFiles.write(odd.resolve("json_outputs/odd_values/default/deploy/extra.json"),
				TranscriptFiles.transcript(false, "a file with no number", "\"strictness\": 0.5"));
		assertThat(Files.exists(odd)).isTrue();
		imports.importNow(new ImportRequest(List.of(odd), "odd", "test", null), ImportProgress.NONE);
	}

	@Test
	void everyConditionAndMetricCellIsWhatTheStoreHolds() throws Exception {
		List<Map<String, String>> rows = rows(get("/export/transcripts.csv", "admin").text());
		Map<Long, Map<String, Object>> store = storeCells();
		assertThat(rows).hasSize(store.size());
		int metricCells = 0;
		for (Map<String, String> row : rows) {
			long id = Long.parseLong(row.get("transcript_id"));
			Map<String, Object> expected = store.get(id);
			assertThat(expected).as("transcript %d is current", id).isNotNull();
			for (Map.Entry<String, String> cell : row.entrySet()) {
				String column = cell.getKey();
				if (column.startsWith("rater.") || column.startsWith("majority.") || column.startsWith("gold.")) {
					continue;
				}
				Object want = expected.get(column);
				String got = cell.getValue();
				String where = "transcript " + id + ", " + column;
				if (want == null) {
					assertThat(got).as(where).isEmpty();
				}
				else if (want instanceof Number n) {
					assertThat(new BigDecimal(got)).as(where).isEqualByComparingTo(new BigDecimal(n.toString()));
				}
				else if (want instanceof Boolean b) {
					// upper case, for R's read.csv (CsvRowWriter)
					assertThat(got).as(where).isEqualTo(b ? "TRUE" : "FALSE");
				}
				else {
					assertThat(CsvCells.restore(got)).as(where).isEqualTo(want);
				}
				if (column.startsWith("metric.") && want != null) {
					metricCells++;
				}
			}
		}
		assertThat(metricCells).as("metric cells with a value").isGreaterThan(rows.size());

		// the odd run's values, spelled out
		Map<String, String> first = only(rows, "odd_values/default", "1.json");
		assertThat(first.get("metric.judge_summary")).isEqualTo("'=looks fine");
		assertThat(first.get("metric.strictness")).isEqualTo("FALSE");
		assertThat(only(rows, "odd_values/default", "3.json").get("metric.strictness")).isEqualTo("3");
		assertThat(only(rows, "odd_values/default", "0.json").get("metric.is_refusal_0_7")).isEmpty();
		Map<String, String> extra = only(rows, "odd_values/default", "extra.json");
		assertThat(extra.get("query_index")).isEmpty();
		assertThat(extra.get("split")).isEqualTo("deploy");
		assertThat(extra.get("metric.strictness")).isEqualTo("0.5");
	}

	private static Map<String, String> only(List<Map<String, String>> rows, String run, String file) {
		List<Map<String, String>> found = rows.stream()
			.filter(r -> r.get("run").equals(run) && r.get("file_name").equals(file))
			.toList();
		assertThat(found).as(run + " " + file).hasSize(1);
		return found.get(0);
	}

	/**
	 * Every current transcript's condition fields and metrics, as the store holds them.
	 */
	private Map<Long, Map<String, Object>> storeCells() {
		Map<Long, Map<String, Object>> cells = new HashMap<>();
		jdbc.sql("""
				select t.id, r.path, r.setting, r.variation, r.model, t.split, t.query_index, t.version, t.file_name
				from transcript t join run r on r.id = t.run_id where t.is_current""").query(rs -> {
			Map<String, Object> row = new HashMap<>();
			row.put("transcript_id", rs.getLong(1));
			row.put("run", rs.getString(2));
			row.put("setting", rs.getString(3));
			row.put("variation", rs.getString(4));
			row.put("model", rs.getString(5));
			row.put("split", rs.getString(6));
			row.put("query_index", rs.getObject(7));
			row.put("version", rs.getInt(8));
			row.put("file_name", rs.getString(9));
			cells.put(rs.getLong(1), row);
		});
		jdbc.sql("""
				select m.transcript_id, n.name, m.value_type, m.bool_value, m.num_value, m.text_value
				from metric m join metric_name n on n.id = m.metric_name_id""").query(rs -> {
			Map<String, Object> row = cells.get(rs.getLong(1));
			if (row != null) {
				Object value = switch (rs.getString(3)) {
					case "boolean" -> rs.getBoolean(4);
					case "number" -> rs.getBigDecimal(5);
					case "text" -> rs.getString(6);
					default -> null;
				};
				row.put("metric." + rs.getString(2), value);
			}
		});
		return cells;
	}

}
