package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.scratchpadlens.account.Role;
import org.scratchpadlens.annotation.LabellingTestBase;
import org.scratchpadlens.annotation.rubric.Rubrics;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Campaigns and labels written straight into the store, so that a published ratings table
 * becomes the labels of a campaign.
 */
abstract class AgreementTestData extends LabellingTestBase {

	@Autowired
	Rubrics rubrics;

	/** The transcripts of the sample data, train first then deploy, in id order. */
	List<Long> transcripts(String split) {
		return jdbc.sql("select id from transcript where split = ? and is_current order by id")
			.param(split)
			.query(Long.class)
			.list();
	}

	List<Long> transcripts() {
		List<Long> all = new ArrayList<>(transcripts("train"));
		all.addAll(transcripts("deploy"));
		return all;
	}

	long campaign(String name, int rubricVersion, List<Long> items, List<String> raters, boolean blind) {
		jdbc.sql("""
				insert into campaign (name, created_by, created_at, rubric_version, raters_per_item, item_order,
				  order_seed, hide_metrics, hide_other_labels, mask_condition, reveal_after_submit,
				  reservation_seconds, filter_query, sample_json, matched_count, item_count)
				values (?, 'admin', ?, ?, ?, 'run', 1, ?, ?, false, false, 1800, '', null, ?, ?)""")
			.params(name, Timestamp.from(Instant.now()), rubricVersion, raters.size(), blind, blind, items.size(),
					items.size())
			.update();
		long id = jdbc.sql("select max(id) from campaign").query(Long.class).single();
		for (String rater : raters) {
			user(rater, Role.ANNOTATOR);
			jdbc.sql("insert into campaign_rater (campaign_id, username) values (?, ?)").params(id, rater).update();
		}
		int position = 0;
		for (long item : items) {
			jdbc.sql("""
					insert into campaign_item (campaign_id, transcript_id, position, stratum, label_count, filled)
					values (?, ?, ?, null, 0, false)""").params(id, item, position++).update();
		}
		return id;
	}

	/** A submitted label with these answers (null values left out). */
	long label(long campaign, long transcript, String rater, Map<String, String> answers) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into label (campaign_id, transcript_id, annotator, rubric_version, revision, seconds_spent,
				  created_at, updated_at)
				values (?, ?, ?, (select rubric_version from campaign where id = ?), 1, 10, ?, ?)""")
			.params(campaign, transcript, rater, campaign, now, now)
			.update();
		long id = jdbc.sql("select id from label where campaign_id = ? and transcript_id = ? and annotator = ?")
			.params(campaign, transcript, rater)
			.query(Long.class)
			.single();
		answers.forEach((q, a) -> {
			if (a != null) {
				jdbc.sql("insert into label_answer (label_id, question, answer) values (?, ?, ?)")
					.params(id, q, a)
					.update();
			}
		});
		jdbc.sql("""
				update campaign_item set label_count = label_count + 1,
				  filled = (label_count + 1 >= (select raters_per_item from campaign where id = ?))
				where campaign_id = ? and transcript_id = ?""").params(campaign, campaign, transcript).update();
		return id;
	}

	void span(long label, String question, int ordinal, int start, int end) {
		jdbc.sql("""
				insert into label_span (label_id, question, message_ordinal, start_offset, end_offset, quoted)
				values (?, ?, ?, ?, ?, 'x')""").params(label, question, ordinal, start, end).update();
	}

	/**
	 * A published ratings CSV (header {@code item,<raters>}) as the labels of a campaign:
	 * row i is transcript {@code items.get(i)}; a rater with an empty cell gives no label
	 * on that item. Raters are named {@code prefix + header}.
	 */
	long loadTable(String file, String question, Map<String, String> recode, String prefix, int rubricVersion)
			throws IOException {
		List<String> lines = Files.readAllLines(Path.of("src/test/resources/irr", file));
		String[] header = lines.get(0).split(",", -1);
		List<String> raters = new ArrayList<>();
		for (int r = 1; r < header.length; r++) {
			raters.add(prefix + header[r].toLowerCase());
		}
		List<Long> items = transcripts().subList(0, lines.size() - 1);
		long campaign = campaign(file, rubricVersion, items, raters, false);
		for (int i = 1; i < lines.size(); i++) {
			String[] cells = lines.get(i).split(",", -1);
			for (int r = 1; r < cells.length; r++) {
				if (!cells[r].isBlank()) {
					Map<String, String> answers = new LinkedHashMap<>();
					answers.put(question, recode.getOrDefault(cells[r], cells[r]));
					label(campaign, items.get(i - 1), raters.get(r - 1), answers);
				}
			}
		}
		return campaign;
	}

	/**
	 * Publishes the repository's rubric with three questions added for the published
	 * tables: {@code severity} (a 1-5 scale, ordinal), {@code severity_nominal} (the same
	 * answers as a choice) and {@code diagnosis} (irrCAC's five diagnoses).
	 */
	int publishTestRubric() throws IOException {
		ObjectNode root = (ObjectNode) JsonMapper.shared()
			.readTree(Files.readString(Path.of("src/main/resources/rubric/rubric.json")));
		root.remove("version");
		ArrayNode questions = (ArrayNode) root.get("questions");
		questions.add(question("severity", "scale", List.of("1", "2", "3", "4", "5")));
		questions.add(question("severity_nominal", "choice", List.of("1", "2", "3", "4", "5")));
		questions.add(question("diagnosis", "choice",
				List.of("Depression", "Personality Disorder", "Schizophrenia", "Neurosis", "Other")));
		return rubrics.publish(JsonMapper.shared().writeValueAsString(root), "published tables", "admin")
			.rubric()
			.version();
	}

	private static ObjectNode question(String key, String type, List<String> values) {
		ObjectNode q = JsonMapper.shared().createObjectNode();
		q.put("key", key);
		q.put("scope", "both");
		q.put("type", type);
		q.put("title", "Test " + key);
		q.put("definition", "A published example.");
		q.putArray("examples").add("An example.");
		ArrayNode answers = q.putArray("answers");
		for (String v : values) {
			answers.addObject().put("value", v).put("label", v);
		}
		q.put("evidence", false);
		q.putNull("metric");
		return q;
	}

	void setMetric(long transcript, String name, Boolean value) {
		jdbc.sql("delete from metric where transcript_id = ? and metric_name_id = (select id from metric_name "
				+ "where name = ?)")
			.params(transcript, name)
			.update();
		if (value == null) {
			return;
		}
		if (jdbc.sql("select count(*) from metric_name where name = ?").param(name).query(Long.class).single() == 0) {
			jdbc.sql(
					"insert into metric_name (id, name) values ((select coalesce(max(id), 0) + 1 from metric_name), ?)")
				.param(name)
				.update();
		}
		jdbc.sql("""
				insert into metric (transcript_id, metric_name_id, value_type, bool_value, raw_value)
				values (?, (select id from metric_name where name = ?), 'boolean', ?, ?)""")
			.params(transcript, name, value, value.toString())
			.update();
	}

	/** The rows of an agreement CSV, checked to start with the documented header. */
	static List<org.apache.commons.csv.CSVRecord> agreementCsv(Reply csv) throws IOException {
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.response().getContentType()).startsWith("text/csv");
		assertThat(csv.text()).startsWith(String.join(",", AgreementApiController.CSV_HEADER) + "\r\n");
		return org.apache.commons.csv.CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new java.io.StringReader(csv.text()))
			.getRecords();
	}

	/** The row of one question, slice over every run and statistic. */
	static org.apache.commons.csv.CSVRecord csvRow(List<org.apache.commons.csv.CSVRecord> rows, String question,
			String condition, String statistic) {
		return rows.stream()
			.filter(r -> r.get("question").equals(question) && r.get("condition").equals(condition)
					&& r.get("run").isEmpty() && r.get("statistic").equals(statistic))
			.findFirst()
			.orElseThrow();
	}

	String html(String path, String user) throws Exception {
		var r = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic(user, PASSWORD))
				.accept(org.springframework.http.MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as(path).isEqualTo(200);
		return r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	int page(String path, String user) throws Exception {
		return mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic(user, PASSWORD))
				.accept(org.springframework.http.MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getStatus();
	}

}
