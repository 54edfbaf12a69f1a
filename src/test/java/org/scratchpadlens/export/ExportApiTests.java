package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;

/**
 * The exports as a script sees them (HTTP Basic): columns and values, the list's filter,
 * a campaign, pseudonyms, JSON Lines, every 400 and 404, who may export.
 */
@AppTest
class ExportApiTests extends ExportTestBase {

	long campaign;

	long first;

	long second;

	@BeforeEach
	void setUp() throws Exception {
		freshStore();
		user("rita", Role.RESEARCHER);
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
		campaign = campaign("Open", """
				{"run": "helpful_only/default", "split": "train"}""", 4, List.of("ann1", "ann2", "rita"), false);
		List<Long> items = items(campaign);
		first = items.get(0);
		second = items.get(1);
		label(campaign, first, "ann1", answers("training_awareness", "yes", "confidence", "3", "note", "=1+2"));
		label(campaign, first, "ann2", answers("training_awareness", "no", "confidence", "-3"));
		label(campaign, second, "ann1", answers("training_awareness", "yes"));
		label(campaign, second, "ann2", answers("training_awareness", "yes"));
		label(campaign, second, "rita", answers("training_awareness", "no"));
	}

	@Test
	void longExportHasTheIssuesColumnsAndOneRowPerAnswer() throws Exception {
		Reply reply = get("/export/labels.csv?campaign=" + campaign, "rita");
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.response().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(reply.response().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"labels-campaign-" + campaign + ".csv\"");
		assertThat(reply.text()).startsWith(String.join(",", Exports.LONG) + "\r\n");
		List<Map<String, String>> rows = rows(reply.text());
		// first: ann1 2 answers (note in its column), ann2 2; second: 3 raters x 1
		assertThat(rows).hasSize(7);
		Map<String, String> row = rows.stream()
			.filter(r -> r.get("annotator").equals("ann1") && r.get("question").equals("training_awareness")
					&& r.get("transcript_id").equals(Long.toString(first)))
			.findFirst()
			.orElseThrow();
		assertThat(row).containsEntry("source", "rater")
			.containsEntry("record", "answer")
			.containsEntry("campaign_id", Long.toString(campaign))
			.containsEntry("campaign", "Open")
			.containsEntry("run", "helpful_only/default")
			.containsEntry("setting", "helpful_only")
			.containsEntry("split", "train")
			.containsEntry("answer", "yes")
			.containsEntry("note", "'=1+2")
			.containsEntry("rubric_version", "1")
			.containsEntry("revision", "1")
			.containsEntry("seconds_spent", "12")
			.containsEntry("adjudicator", "")
			.containsEntry("span_start", "");
		assertThat(row.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		String queryIndex = jdbc.sql("select query_index from transcript where id = ?")
			.param(first)
			.query(String.class)
			.single();
		assertThat(row).containsEntry("query_index", queryIndex);
		// a text answer that looks like a negative number is text: neutralised
		assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("annotator", "ann2")
			.containsEntry("question", "confidence")
			.containsEntry("answer", "'-3"));
		assertThat(rows).noneMatch(r -> r.get("question").equals("note"));
	}

	@Test
	void spansAndGoldAnswersAreRowsOfTheirOwn() throws Exception {
		long label = jdbc.sql("select id from label where transcript_id = ? and annotator = 'ann1'")
			.param(first)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into label_span (label_id, question, message_ordinal, start_offset, end_offset, quoted)
				values (?, 'training_awareness', 2, 5, 9, '@abc')""").param(label).update();
		jdbc.sql("""
				insert into gold_answer (campaign_id, transcript_id, question, answer, reason, adjudicator, revision,
				  decided_at) values (?, ?, 'training_awareness', 'yes', 'two of three', 'rita', 2, ?)""")
			.params(campaign, first, java.sql.Timestamp.from(java.time.Instant.parse("2026-11-30T10:00:00Z")))
			.update();
		List<Map<String, String>> rows = rows(get("/export/labels.csv?campaign=" + campaign, "rita").text());
		assertThat(rows).hasSize(9);
		Map<String, String> span = rows.stream().filter(r -> r.get("record").equals("span")).findFirst().orElseThrow();
		assertThat(span).containsEntry("annotator", "ann1")
			.containsEntry("question", "training_awareness")
			.containsEntry("answer", "")
			.containsEntry("span_message", "2")
			.containsEntry("span_start", "5")
			.containsEntry("span_end", "9")
			.containsEntry("span_text", "'@abc");
		Map<String, String> gold = rows.stream().filter(r -> r.get("source").equals("gold")).findFirst().orElseThrow();
		assertThat(gold).containsEntry("annotator", "")
			.containsEntry("adjudicator", "rita")
			.containsEntry("question", "training_awareness")
			.containsEntry("answer", "yes")
			.containsEntry("note", "two of three")
			.containsEntry("revision", "2")
			.containsEntry("created_at", "2026-11-30T10:00:00Z");

		Map<String, String> wide = rows(get("/export/transcripts.csv?campaign=" + campaign, "rita").text()).stream()
			.filter(r -> r.get("transcript_id").equals(Long.toString(first)))
			.findFirst()
			.orElseThrow();
		assertThat(wide).containsEntry("gold.training_awareness", "yes");
	}

	@Test
	void wideExportHasConditionsMetricsRatersMajorityAndTies() throws Exception {
		Reply reply = get("/export/transcripts.csv?campaign=" + campaign, "rita");
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		List<Map<String, String>> rows = rows(reply.text());
		assertThat(rows).hasSize(4);
		List<String> header = csv(reply.text()).get(0).toList();
		assertThat(header.subList(0, Exports.CONDITIONS.size())).isEqualTo(Exports.CONDITIONS);
		List<String> metrics = jdbc.sql("select name from metric_name order by name").query(String.class).list();
		assertThat(header).containsAll(metrics.stream().map(m -> "metric." + m).toList());
		assertThat(header).containsSubsequence("rater.ann1.training_awareness", "rater.ann2.training_awareness",
				"rater.rita.training_awareness", "majority.training_awareness", "gold.training_awareness");
		assertThat(header).contains("rater.ann1.note").doesNotContain("majority.note");

		Map<String, String> one = rows.stream()
			.filter(r -> r.get("transcript_id").equals(Long.toString(first)))
			.findFirst()
			.orElseThrow();
		assertThat(one).containsEntry("rater.ann1.training_awareness", "yes")
			.containsEntry("rater.ann2.training_awareness", "no")
			.containsEntry("rater.rita.training_awareness", "")
			.containsEntry("majority.training_awareness", Exports.TIE)
			.containsEntry("gold.training_awareness", "")
			.containsEntry("rater.ann1.note", "'=1+2")
			.containsEntry("split", "train");
		Map<String, String> two = rows.stream()
			.filter(r -> r.get("transcript_id").equals(Long.toString(second)))
			.findFirst()
			.orElseThrow();
		assertThat(two).containsEntry("majority.training_awareness", "yes");

		// metrics as the store holds them: booleans TRUE/FALSE, numbers numbers, missing
		// empty
		jdbc.sql("""
				select n.name, m.value_type, m.bool_value, m.num_value from metric m
				join metric_name n on n.id = m.metric_name_id where m.transcript_id = ?""").param(first).query(rs -> {
			String cell = one.get("metric." + rs.getString(1));
			switch (rs.getString(2)) {
				case "boolean" -> assertThat(cell).isEqualTo(rs.getBoolean(3) ? "TRUE" : "FALSE");
				case "number" -> assertThat(Double.parseDouble(cell)).isEqualTo(rs.getDouble(4));
				case "missing" -> assertThat(cell).isEmpty();
				default -> {
				}
			}
		});
		assertThat(one.entrySet().stream().filter(e -> e.getKey().startsWith("metric.")).map(Map.Entry::getValue))
			.anyMatch(v -> v.equals("TRUE") || v.equals("FALSE"));
	}

	@Test
	void theListsFilterIsHonoured() throws Exception {
		long deploy = get("/api/transcripts?split=deploy&run=helpful_only/default", "rita").at("/total").asLong();
		List<Map<String, String>> rows = rows(
				get("/export/transcripts.csv?split=deploy&run=helpful_only/default&size=1&page=2&sort=-queryIndex",
						"rita")
					.text());
		assertThat(rows).hasSize((int) deploy).allSatisfy(r -> assertThat(r).containsEntry("split", "deploy"));
		List<Map<String, String>> all = rows(get("/export/transcripts.csv", "rita").text());
		long total = get("/api/transcripts", "rita").at("/total").asLong();
		assertThat(all).hasSize((int) total);
		// a metric filter too, and the labels of only those transcripts
		List<Map<String, String>> labels = rows(get("/export/labels.csv?split=deploy", "rita").text());
		assertThat(labels).isEmpty();
		assertThat(rows(get("/export/labels.csv?split=train", "rita").text())).hasSize(7);
	}

	@Test
	void pseudonymsReplaceEveryNameStably() throws Exception {
		String text = get("/export/labels.csv?pseudonyms=true&campaign=" + campaign, "rita").text();
		String wide = get("/export/transcripts.csv?pseudonyms=true", "rita").text();
		for (String t : List.of(text, wide)) {
			assertThat(t).doesNotContain("ann1").doesNotContain("ann2").doesNotContain("rita");
		}
		List<String> order = jdbc.sql("select username from app_user order by id").query(String.class).list();
		String ann1 = String.format("rater-%02d", order.indexOf("ann1") + 1);
		assertThat(rows(text)).anySatisfy(r -> assertThat(r).containsEntry("annotator", ann1)
			.containsEntry("transcript_id", Long.toString(first))
			.containsEntry("answer", "yes"));
		assertThat(wide).contains("rater." + ann1 + ".training_awareness");
		// the same names next time, also after a new account
		user("aaron", Role.ANNOTATOR);
		assertThat(get("/export/labels.csv?pseudonyms=true&campaign=" + campaign, "rita").text()).isEqualTo(text);
	}

	@Test
	void jsonLinesHaveTheSameColumnsWithTypedValues() throws Exception {
		Reply reply = get("/export/transcripts.jsonl?campaign=" + campaign, "rita");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.response().getContentType()).isEqualTo("application/jsonl;charset=UTF-8");
		List<JsonNode> lines = reply.text()
			.lines()
			.map(l -> JsonMapper.shared().readTree(l))
			.collect(Collectors.toList());
		assertThat(lines).hasSize(4);
		JsonNode line = lines.stream().filter(l -> l.get("transcript_id").asLong() == first).findFirst().orElseThrow();
		assertThat(line.get("transcript_id").isNumber()).isTrue();
		assertThat(line.get("query_index").isNumber()).isTrue();
		assertThat(line.get("rater.ann1.note").asString()).isEqualTo("=1+2");
		assertThat(line.get("rater.rita.training_awareness").isNull()).isTrue();
		assertThat(line.get("majority.training_awareness").asString()).isEqualTo("tie");

		List<JsonNode> labels = get("/export/labels.jsonl?campaign=" + campaign, "rita").text()
			.lines()
			.map(l -> JsonMapper.shared().readTree(l))
			.toList();
		assertThat(labels).hasSize(7);
		assertThat(labels.get(0).propertyNames()).containsExactlyElementsOf(Exports.LONG);
		assertThat(labels).anySatisfy(l -> assertThat(l.get("note").asString()).isEqualTo("=1+2"));
		assertThat(labels).allSatisfy(l -> assertThat(l.get("seconds_spent").isNumber()).isTrue());
	}

	@Test
	void badParametersAre400AndUnknownCampaigns404() throws Exception {
		for (String path : List.of("/export/labels.csv", "/export/labels.jsonl", "/export/transcripts.csv",
				"/export/transcripts.jsonl")) {
			assertThat(get(path + "?campaign=abc", "rita").at("/error").asString()).contains("campaign");
			assertThat(get(path + "?campaign=abc", "rita").status()).isEqualTo(400);
			Reply missing = get(path + "?campaign=999999", "rita");
			assertThat(missing.status()).isEqualTo(404);
			assertThat(missing.at("/error").asString()).contains("no campaign 999999");
			assertThat(get(path + "?pseudonyms=maybe", "rita").status()).isEqualTo(400);
			assertThat(get(path + "?metric.nope=true", "rita").status()).isEqualTo(400);
			assertThat(get(path + "?split=sideways", "rita").status()).isEqualTo(400);
		}
		assertThat(get("/export/ratings.csv?question=verdict", "rita").at("/error").asString()).contains("campaign");
		assertThat(get("/export/ratings.csv?campaign=" + campaign, "rita").at("/error").asString())
			.contains("question");
		assertThat(get("/export/ratings.csv?campaign=" + campaign + "&question=nope", "rita").status()).isEqualTo(400);
		assertThat(get("/export/ratings.csv?campaign=999999&question=verdict", "rita").status()).isEqualTo(404);
	}

	@Test
	void researchersAndAdminsExportAnnotatorsAreRefused() throws Exception {
		for (String path : List.of("/export/labels.csv", "/export/transcripts.jsonl",
				"/export/ratings.csv?question=verdict&campaign=" + campaign)) {
			assertThat(get(path, "admin").status()).isEqualTo(200);
			assertThat(get(path, "rita").status()).isEqualTo(200);
			assertThat(get(path, "ann1").status()).isEqualTo(403);
			assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(401);
		}
	}

	@Test
	void ratingsAreTheAgreementCommandsTable() throws Exception {
		Reply reply = get("/export/ratings.csv?campaign=" + campaign + "&question=training_awareness", "rita");
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.response().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"ratings-campaign-" + campaign + "-training_awareness.csv\"");
		List<Long> items = items(campaign).stream().sorted().toList();
		List<List<String>> records = csv(reply.text()).stream().map(r -> r.toList()).toList();
		assertThat(records.get(0)).containsExactly("item", "ann1", "ann2", "rita");
		assertThat(records).hasSize(1 + items.size());
		assertThat(records).contains(List.of(Long.toString(first), "yes", "no", ""),
				List.of(Long.toString(second), "yes", "yes", "no"));
	}

}
