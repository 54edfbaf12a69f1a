package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;

/**
 * The agreement of a campaign, in JSON, on its page and as CSV: published tables loaded
 * as labels give the published figures; the classifier comparison on hand-made data gives
 * the confusion matrix worked out by hand; ties, gold answers, unclear answers, the
 * unreliable flag, slices, the blind rule and bad requests.
 */
@AppTest
class AgreementTests extends AgreementTestData {

	static int testRubric;

	@BeforeEach
	void setUp() throws Exception {
		sampleData();
		user("rita", Role.RESEARCHER);
		if (jdbc.sql("select count(*) from rubric_version").query(Long.class).single() < 2) {
			rubrics.current();
			testRubric = publishTestRubric();
		}
	}

	JsonNode agreement(long campaign, String query) throws Exception {
		Reply r = get("/api/campaigns/" + campaign + "/agreement" + query, "rita");
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json();
	}

	static JsonNode question(JsonNode json, String key) {
		for (JsonNode q : json.get("questions")) {
			if (q.get("question").asString().equals(key)) {
				return q;
			}
		}
		throw new AssertionError("no question " + key);
	}

	static JsonNode slice(JsonNode question, String condition, String run) {
		for (JsonNode s : question.get("slices")) {
			if (s.get("condition").asString().equals(condition)
					&& (run == null ? s.get("run").isNull() : run.equals(s.get("run").asString()))) {
				return s;
			}
		}
		throw new AssertionError("no slice " + condition + " " + run);
	}

	static JsonNode stat(JsonNode slice, String statistic) {
		for (JsonNode s : slice.get("statistics")) {
			if (s.get("statistic").asString().equals(statistic)) {
				return s;
			}
		}
		throw new AssertionError("no statistic " + statistic);
	}

	static JsonNode classifier(JsonNode json, String question, String metric) {
		for (JsonNode c : json.get("classifier")) {
			if (c.get("question").asString().equals(question) && c.get("metric").asString().equals(metric)) {
				return c;
			}
		}
		throw new AssertionError("no classifier " + metric);
	}

	@Test
	void krippendorffsPublishedExampleGivesThePublishedAlphaAndAc1() throws Exception {
		long c = loadTable("krippendorff2011_4coders_12units.csv", "severity", Map.of(), "k", testRubric);
		// the same answers once more under the nominal question
		jdbc.sql("""
				insert into label_answer (label_id, question, answer)
				select a.label_id, 'severity_nominal', a.answer from label_answer a join label l on l.id = a.label_id
				where l.campaign_id = ? and a.question = 'severity'""").param(c).update();
		JsonNode json = agreement(c, "");
		JsonNode ordinal = slice(question(json, "severity"), "all", null);
		assertThat(question(json, "severity").get("level").asString()).isEqualTo("ordinal");
		assertThat(stat(ordinal, "krippendorff_alpha").get("value").asDouble()).isCloseTo(0.815388, within(1e-6));
		assertThat(stat(ordinal, "percent_agreement").get("value").asDouble()).isCloseTo(0.8181818, within(1e-7));
		assertThat(stat(ordinal, "percent_agreement").get("se").asDouble()).isCloseTo(0.12561, within(1e-5));
		JsonNode ac1 = stat(ordinal, "gwet_ac1");
		assertThat(ac1.get("value").asDouble()).isCloseTo(0.77544, within(1e-5));
		assertThat(ac1.get("se").asDouble()).isCloseTo(0.14295, within(1e-5));
		assertThat(ac1.get("ciLow").asDouble()).isCloseTo(0.461, within(1e-3));
		assertThat(ac1.get("ciHigh").asDouble()).isEqualTo(1.0);
		// 11 pairable items: every interval is flagged
		assertThat(ordinal.get("pairableItems").asInt()).isEqualTo(11);
		assertThat(ac1.get("unreliable").asBoolean()).isTrue();
		assertThat(ac1.get("unreliableReason").asString()).contains("11 items", "fewer than 20");
		// 4 raters: Cohen undefined with the engine's reason, never 0
		JsonNode cohen = stat(ordinal, "cohen_kappa");
		assertThat(cohen.get("value").isNull()).isTrue();
		assertThat(cohen.get("undefined").asString()).contains("exactly 2 raters");
		JsonNode nominal = slice(question(json, "severity_nominal"), "all", null);
		assertThat(stat(nominal, "krippendorff_alpha").get("value").asDouble()).isCloseTo(113.0 / 152, within(1e-9));
		assertThat(nominal.get("statistics").findValuesAsString("statistic")).doesNotContain("cohen_kappa_linear");
		assertThat(ordinal.get("statistics").findValuesAsString("statistic")).contains("cohen_kappa_quadratic");
		// each rater's answers: coder A answered 1 three times, 2 three times, 3 twice, 4
		// once
		JsonNode a = ordinal.get("distributions").get(0);
		assertThat(a.get("rater").asString()).isEqualTo("ka");
		assertThat(a.get("counts").toString()).isEqualTo("[3,3,2,1,0]");
		assertThat(a.get("missing").asInt()).isZero();
	}

	@Test
	void irrCacsSixRaterExampleGivesThePublishedFleissAc1AndAlpha() throws Exception {
		long c = loadTable("irrcac_distrib6raters_expanded.csv", "diagnosis", Map.of(), "d", testRubric);
		JsonNode s = slice(question(agreement(c, ""), "diagnosis"), "all", null);
		JsonNode fleiss = stat(s, "fleiss_kappa");
		assertThat(fleiss.get("value").asDouble()).isCloseTo(0.4139265, within(1e-7));
		assertThat(fleiss.get("se").asDouble()).isCloseTo(0.08119291, within(1e-8));
		assertThat(fleiss.get("ciLow").asDouble()).isCloseTo(0.24, within(5e-3));
		assertThat(fleiss.get("ciHigh").asDouble()).isCloseTo(0.588, within(5e-4));
		assertThat(stat(s, "gwet_ac1").get("value").asDouble()).isCloseTo(0.4448007, within(1e-7));
		assertThat(stat(s, "krippendorff_alpha").get("value").asDouble()).isCloseTo(0.4204384, within(1e-7));
		assertThat(stat(s, "percent_agreement").get("value").asDouble()).isCloseTo(0.5511111, within(1e-7));
		assertThat(fleiss.get("unreliable").asBoolean()).isTrue();
		assertThat(s.get("pairwiseKappa")).hasSize(15);
		assertThat(s.get("confusions")).hasSize(15);
	}

	@Test
	void cohensPublishedExampleGivesKappaPointFourTheConfusionMatrixAndTheCsv() throws Exception {
		long c = loadTable("cohen_wikipedia_2x2_expanded.csv", "training_awareness", Map.of("Yes", "yes", "No", "no"),
				"", 1);
		JsonNode json = agreement(c, "");
		JsonNode s = slice(question(json, "training_awareness"), "all", null);
		JsonNode kappa = stat(s, "cohen_kappa");
		assertThat(kappa.get("value").asDouble()).isCloseTo(0.4, within(1e-12));
		assertThat(kappa.get("items").asInt()).isEqualTo(50);
		assertThat(kappa.get("unreliable").asBoolean()).isFalse();
		assertThat(kappa.get("ciMethod").asString()).isNotBlank();
		assertThat(stat(s, "percent_agreement").get("value").asDouble()).isCloseTo(0.7, within(1e-12));
		JsonNode pair = s.get("pairwiseKappa").get(0);
		assertThat(pair.get("raterA").asString()).isEqualTo("rater1");
		assertThat(pair.get("kappa").get("value").asDouble()).isCloseTo(0.4, within(1e-12));
		assertThat(s.get("confusions").get(0).get("counts").toString()).isEqualTo("[[20,5],[10,15]]");
		// the first 50 transcripts: the 40 training-condition ones, then 10 unmonitored
		assertThat(slice(question(json, "training_awareness"), "train", null).get("answered").asInt()).isEqualTo(40);
		assertThat(slice(question(json, "training_awareness"), "deploy", null).get("answered").asInt()).isEqualTo(10);

		List<CSVRecord> rows = agreementCsv(get("/campaigns/" + c + "/agreement.csv", "rita"));
		CSVRecord row = csvRow(rows, "training_awareness", "all", "cohen_kappa");
		assertThat(Double.parseDouble(row.get("value"))).isCloseTo(0.4, within(1e-12));
		assertThat(row.get("items")).isEqualTo("50");
		assertThat(row.get("unreliable")).isEqualTo("false");
		// a statistic that is undefined has an empty value cell, never 0
		assertThat(rows.stream()
			.filter(r -> r.get("statistic").equals("fleiss_kappa") && !r.get("undefined").isEmpty())
			.allMatch(r -> r.get("value").isEmpty())).isTrue();
	}

	/**
	 * Seven training transcripts, three raters, verdict against partial_scheme (true for
	 * partial or full). By hand: t1 TP, t2 FP, t3 FN, t4 TN, t5 a tie (left out), t6 FN
	 * through its gold answer (the raters' majority says no), t7 has no metric.
	 */
	@Test
	void theClassifierIsComparedWithTheMajorityOrTheGoldAnswerAndTiesAreCounted() throws Exception {
		List<Long> t = transcripts("train").subList(0, 7);
		long c = campaign("classifier", 1, t, List.of("r1", "r2", "r3"), false);
		String[][] verdicts = { { "full", "partial", "no" }, { "no", "no", "partial" }, { "full", "full", "no" },
				{ "no", "no", "no" }, { "partial", "no", "unclear" }, { "no", "no", "full" }, { "no", "no", "no" } };
		Boolean[] metric = { true, true, false, false, true, false, null };
		for (int i = 0; i < 7; i++) {
			for (int r = 0; r < 3; r++) {
				label(c, t.get(i), "r" + (r + 1), Map.of("verdict", verdicts[i][r]));
			}
			setMetric(t.get(i), "partial_scheme", metric[i]);
			setMetric(t.get(i), "effective_scheme", null);
		}
		jdbc.sql("""
				insert into gold_answer (campaign_id, transcript_id, question, answer, reason, adjudicator, revision,
				  decided_at) values (?, ?, 'verdict', 'partial', 'the scratchpad says so', 'admin', 1, ?)""")
			.params(c, t.get(5), Timestamp.from(Instant.now()))
			.update();
		JsonNode json = agreement(c, "");
		JsonNode all = slice(classifier(json, "verdict", "partial_scheme"), "all", null);
		assertThat(all.get("confusion").toString()).isEqualTo("[[1,1],[2,1]]");
		assertThat(all.get("compared").asInt()).isEqualTo(5);
		assertThat(all.get("ties").asInt()).isEqualTo(1);
		assertThat(all.get("gold").asInt()).isEqualTo(1);
		assertThat(all.get("metricMissing").asInt()).isEqualTo(1);
		assertThat(all.get("noHumanAnswer").asInt()).isZero();
		// po = 2/5, pe = 0.4 * 0.6 + 0.6 * 0.4 = 0.48: kappa = -0.08 / 0.52
		assertThat(all.get("kappa").get("value").asDouble()).isCloseTo(-0.08 / 0.52, within(1e-12));
		assertThat(all.get("kappa").get("unreliable").asBoolean()).isTrue();
		JsonNode precision = all.get("precision");
		assertThat(precision.get("value").asDouble()).isEqualTo(0.5);
		assertThat(precision.get("ciLow").asDouble()).isCloseTo(0.0945, within(1e-4));
		assertThat(precision.get("ciHigh").asDouble()).isCloseTo(0.9055, within(1e-4));
		assertThat(all.get("recall").get("value").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(all.get("disagreeing").toString()).isEqualTo("[" + t.get(1) + "," + t.get(2) + "," + t.get(5) + "]");
		assertThat(classifier(json, "verdict", "partial_scheme").get("positiveAnswers").toString())
			.isEqualTo("[\"partial\",\"full\"]");
		// effective_scheme is compared too (with no values here, every item lacks it)
		assertThat(slice(classifier(json, "verdict", "effective_scheme"), "all", null).get("metricMissing").asInt())
			.isEqualTo(7);

		// unclear counts as missing by default, as a category when asked
		JsonNode missing = slice(question(json, "verdict"), "all", null);
		JsonNode asCategory = slice(question(agreement(c, "?unclear=category"), "verdict"), "all", null);
		assertThat(question(json, "verdict").get("categories").toString()).isEqualTo("[\"no\",\"partial\",\"full\"]");
		assertThat(missing.get("completeItems").asInt()).isEqualTo(6);
		assertThat(asCategory.get("completeItems").asInt()).isEqualTo(7);
		assertThat(missing.get("distributions").get(2).get("missing").asInt()).isEqualTo(1);
		assertThat(asCategory.get("distributions").get(2).get("counts").toString()).isEqualTo("[4,1,1,1]");

		String page = html("/campaigns/" + c + "/agreement", "rita");
		assertThat(page).contains("Raters versus the paper", "partial_scheme", "href=\"/transcripts/" + t.get(1) + "\"",
				"unreliable");
	}

	@Test
	void statisticsAreSplitByConditionAndRun() throws Exception {
		List<Long> items = new ArrayList<>(transcripts("train").subList(0, 2));
		items.addAll(transcripts("deploy").subList(0, 3));
		long c = campaign("slices", 1, items, List.of("r1", "r2"), false);
		for (long item : items) {
			label(c, item, "r1", Map.of("output_compliance", "1"));
			label(c, item, "r2", Map.of("output_compliance", "2"));
		}
		JsonNode q = question(agreement(c, ""), "output_compliance");
		assertThat(slice(q, "all", null).get("answered").asInt()).isEqualTo(5);
		assertThat(slice(q, "train", null).get("answered").asInt()).isEqualTo(2);
		assertThat(slice(q, "deploy", null).get("answered").asInt()).isEqualTo(3);
		Map<String, Integer> byRun = new HashMap<>();
		for (JsonNode s : q.get("slices")) {
			if (!s.get("run").isNull() && s.get("condition").asString().equals("all")) {
				byRun.merge(s.get("run").asString(), s.get("answered").asInt(), Integer::sum);
				assertThat(s.get("pairwiseKappa").isNull()).isTrue();
			}
		}
		assertThat(byRun.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
		// every answer differs: alpha is defined and negative, percent agreement 0
		assertThat(stat(slice(q, "all", null), "percent_agreement").get("value").asDouble()).isZero();
	}

	@Test
	void aZeroWidthIntervalIsFlagged() throws Exception {
		List<Long> items = transcripts().subList(0, 25);
		long c = campaign("zero width", 1, items, List.of("r1", "r2"), false);
		for (long item : items) {
			label(c, item, "r1", Map.of("output_compliance", "4", "confidence", "3"));
			label(c, item, "r2", Map.of("output_compliance", "4", "confidence", "3"));
		}
		JsonNode s = slice(question(agreement(c, ""), "output_compliance"), "all", null);
		JsonNode percent = stat(s, "percent_agreement");
		assertThat(percent.get("value").asDouble()).isEqualTo(1.0);
		assertThat(percent.get("unreliable").asBoolean()).isTrue();
		assertThat(percent.get("unreliableReason").asString()).contains("zero width");
		assertThat(stat(s, "krippendorff_alpha").get("undefined").asString()).contains("expected disagreement is 0");
	}

	@Test
	void identicalEvidenceSpansAgreeFully() throws Exception {
		List<Long> items = transcripts("train").subList(0, 2);
		long c = campaign("spans", 1, items, List.of("r1", "r2"), false);
		for (long item : items) {
			for (String rater : List.of("r1", "r2")) {
				long label = label(c, item, rater, Map.of("training_awareness", "yes"));
				span(label, "training_awareness", 1, 0, 5);
			}
		}
		JsonNode json = agreement(c, "");
		JsonNode spans = null;
		for (JsonNode s : json.get("spans")) {
			if (s.get("question").asString().equals("training_awareness")) {
				spans = s;
			}
		}
		assertThat(spans.get("items").asInt()).isEqualTo(2);
		assertThat(spans.get("spans").asInt()).isEqualTo(4);
		assertThat(spans.get("alpha").asDouble()).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void aResearcherRatingBlindSeesTheAgreementOnlyWhenNothingIsLeftForThem() throws Exception {
		List<Long> items = transcripts("train").subList(0, 2);
		long c = campaign("blind", 1, items, List.of("rita", "r1"), true);
		label(c, items.get(0), "r1", Map.of("verdict", "no"));
		label(c, items.get(0), "rita", Map.of("verdict", "no"));
		Reply refused = get("/api/campaigns/" + c + "/agreement", "rita");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.at("/error").asString()).contains("rate blind", "1 left");
		assertThat(page("/campaigns/" + c + "/agreement", "rita")).isEqualTo(403);
		assertThat(get("/campaigns/" + c + "/agreement.csv", "rita").status()).isEqualTo(403);
		user("ross", Role.RESEARCHER);
		assertThat(get("/api/campaigns/" + c + "/agreement", "ross").status()).isEqualTo(200);
		label(c, items.get(1), "rita", Map.of("verdict", "full"));
		assertThat(get("/api/campaigns/" + c + "/agreement", "rita").status()).isEqualTo(200);
	}

	@Test
	void annotatorsAreRefusedAndBadRequestsSaySo() throws Exception {
		long c = campaign("refusals", 1, transcripts().subList(0, 1), List.of("r1"), false);
		assertThat(get("/api/campaigns/" + c + "/agreement", "r1").status()).isEqualTo(403);
		Reply bad = get("/api/campaigns/" + c + "/agreement?unclear=maybe", "rita");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.at("/error").asString()).contains("unclear must be missing or category");
		assertThat(get("/campaigns/" + c + "/agreement.csv?unclear=maybe", "rita").status()).isEqualTo(400);
		assertThat(page("/campaigns/" + c + "/agreement?unclear=maybe", "rita")).isEqualTo(400);
		Reply none = get("/api/campaigns/999999/agreement", "rita");
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.at("/error").asString()).contains("no campaign 999999");
		assertThat(page("/campaigns/999999/agreement", "rita")).isEqualTo(404);
		assertThat(get("/api/campaigns/abc/agreement", "rita").status()).isEqualTo(400);
		// a campaign without labels: every statistic undefined, the page still renders
		JsonNode empty = agreement(c, "");
		assertThat(empty.get("labels").asInt()).isZero();
		assertThat(
				stat(slice(question(empty, "verdict"), "all", null), "krippendorff_alpha").get("undefined").asString())
			.isNotBlank();
		assertThat(html("/campaigns/" + c + "/agreement", "rita")).contains("Agreement", "undefined");
		assertThat(html("/campaigns/" + c, "rita")).contains("href=\"/campaigns/" + c + "/agreement\"");
	}

}
