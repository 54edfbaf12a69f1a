package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;

/**
 * pandas' {@code read_csv} and R's {@code read.csv}, with their defaults, read every CSV
 * export with the right types (scripts/check-exports.sh). In CI (CI=true, which installs
 * python3-pandas and r-base-core) a missing tool fails the test; elsewhere the test is
 * reported as skipped, saying why.
 */
@AppTest
class ExportsInPandasAndRTests extends ExportTestBase {

	@Test
	void pandasAndRReadEveryExportWithTheRightTypes() throws Exception {
		boolean tools = works("python3", "-c", "import pandas") || works("/usr/bin/python3", "-c", "import pandas");
		tools = tools && works("Rscript", "--version");
		if (!tools) {
			assertThat(System.getenv("CI")).as("CI installs python3-pandas and r-base-core (.ci/run)")
				.isNotEqualTo("true");
			Assumptions.abort("python3 with pandas, or Rscript, is not installed: scripts/check-exports.sh not run");
		}
		sampleData();
		forgetCampaigns();
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
		long campaign = campaign("Types", """
				{"run": "helpful_only/default"}""", 6, List.of("ann1", "ann2"), false);
		List<Long> items = items(campaign);
		for (int i = 0; i < items.size(); i++) {
			label(campaign, items.get(i), "ann1", answers("training_awareness", i % 2 == 0 ? "yes" : "no", "note",
					i == 0 ? "=SUM(A1:A2), \"quoted\"\nsecond line" : "-3 or 'so'", "confidence", "3"));
			if (i % 3 != 0) {
				label(campaign, items.get(i), "ann2", answers("training_awareness", "no", "note", "@ann1 ÷ ünïcode"));
			}
		}
		Path dir = Path.of("target", "export-check");
		Files.createDirectories(dir);
		List<String> types = new ArrayList<>(List.of("file,column,type"));
		List<String> rows = new ArrayList<>(List.of("file,rows"));

		String labels = save(dir, "labels.csv", "/export/labels.csv", rows);
		for (String c : List.of("campaign_id", "transcript_id", "query_index", "rubric_version", "revision",
				"seconds_spent")) {
			types.add("labels.csv," + c + ",number");
		}
		for (String c : List.of("source", "record", "campaign", "run", "setting", "variation", "split", "annotator",
				"question", "note", "created_at", "updated_at")) {
			types.add("labels.csv," + c + ",text");
		}
		assertThat(labels).contains("'=SUM");

		String wide = save(dir, "transcripts.csv", "/export/transcripts.csv", rows);
		for (String c : List.of("transcript_id", "query_index", "version")) {
			types.add("transcripts.csv," + c + ",number");
		}
		for (String c : List.of("run", "setting", "split", "file_name", "rater.ann1.training_awareness",
				"rater.ann1.note", "majority.training_awareness")) {
			types.add("transcripts.csv," + c + ",text");
		}
		// each metric whose stored values are all of one kind
		jdbc.sql("""
				select n.name, min(m.value_type), max(m.value_type) from metric m
				join metric_name n on n.id = m.metric_name_id where m.value_type <> 'missing'
				group by n.name""").query(rs -> {
			if (rs.getString(2).equals(rs.getString(3))) {
				types.add("transcripts.csv,metric." + rs.getString(1) + ","
						+ rs.getString(2).replace("boolean", "boolean"));
			}
		});
		assertThat(types).anyMatch(t -> t.endsWith(",boolean"))
			.anyMatch(t -> t.startsWith("transcripts.csv,metric.") && t.endsWith(",number"));
		assertThat(wide).contains(",TRUE,").doesNotContain(",true,");

		save(dir, "ratings.csv", "/export/ratings.csv?question=training_awareness&campaign=" + campaign, rows);
		types.add("ratings.csv,item,number");
		types.add("ratings.csv,ann1,text");
		save(dir, "ratings-confidence.csv", "/export/ratings.csv?question=confidence&campaign=" + campaign, rows);
		types.add("ratings-confidence.csv,ann1,number");

		Files.write(dir.resolve("types.csv"), types, StandardCharsets.UTF_8);
		Files.write(dir.resolve("rows.csv"), rows, StandardCharsets.UTF_8);
		Process check = new ProcessBuilder("bash", "scripts/check-exports.sh", dir.toString()).redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).as(output).isZero();
		assertThat(output).contains("pandas").contains("R version");
	}

	private String save(Path dir, String name, String path, List<String> rows) throws Exception {
		Reply reply = get(path, "admin");
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		Files.writeString(dir.resolve(name), reply.text(), StandardCharsets.UTF_8);
		rows.add(name + "," + (csv(reply.text()).size() - 1));
		return reply.text();
	}

	private static boolean works(String... command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

}
