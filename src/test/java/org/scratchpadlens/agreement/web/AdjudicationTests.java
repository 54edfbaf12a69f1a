package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Adjudication: the queue of items in disagreement (between raters, with the classifier)
 * and its filters; gold answers saved, revised, withdrawn and their history; a stale
 * revision is 409, a bad answer or a missing reason 400; roles and the blind rule; and a
 * recorded gold answer changes the classifier's reference and appears in the exports.
 */
@AppTest
class AdjudicationTests extends AgreementTestData {

	@Autowired
	AdjudicationService adjudication;

	@BeforeEach
	void setUp() {
		sampleData();
		user("rita", Role.RESEARCHER);
	}

	/**
	 * Four training items, raters r1 and r2: t0 both say full but partial_scheme is false
	 * (the classifier disagrees); t1 no against full (raters disagree; a tie, so no
	 * reference for the classifier); t2 all agree; t3 the raters disagree on
	 * training_awareness only.
	 */
	record Setup(long campaign, List<Long> t) {
	}

	Setup setup(String name, String r1, String r2) {
		List<Long> t = transcripts("train").subList(0, 4);
		long c = campaign(name, 1, t, List.of(r1, r2), false);
		label(c, t.get(0), r1, Map.of("verdict", "full"));
		label(c, t.get(0), r2, Map.of("verdict", "full"));
		label(c, t.get(1), r1, Map.of("verdict", "no"));
		label(c, t.get(1), r2, Map.of("verdict", "full"));
		label(c, t.get(2), r1, Map.of("verdict", "no", "training_awareness", "yes"));
		label(c, t.get(2), r2, Map.of("verdict", "no", "training_awareness", "yes"));
		label(c, t.get(3), r1, Map.of("verdict", "partial", "training_awareness", "yes"));
		label(c, t.get(3), r2, Map.of("verdict", "partial", "training_awareness", "no"));
		Boolean[] metric = { false, true, false, true };
		for (int i = 0; i < 4; i++) {
			setMetric(t.get(i), "partial_scheme", metric[i]);
			setMetric(t.get(i), "effective_scheme", null);
		}
		return new Setup(c, t);
	}

	List<Long> queue(long campaign, String query) throws Exception {
		Reply r = get("/api/campaigns/" + campaign + "/adjudication" + query, "rita");
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		r.json().get("rows").forEach(row -> ids.add(row.get("transcriptId").asLong()));
		return ids;
	}

	String gold(Setup s, int item) {
		return "/api/campaigns/" + s.campaign() + "/items/" + s.t().get(item) + "/gold";
	}

	@Test
	void theQueueHoldsTheItemsInDisagreementByKindQuestionAndState() throws Exception {
		Setup s = setup("queue", "q1", "q2");
		List<Long> t = s.t();
		long c = s.campaign();
		assertThat(queue(c, "")).containsExactly(t.get(0), t.get(1), t.get(3));
		assertThat(queue(c, "?kind=all")).containsExactly(t.get(0), t.get(1), t.get(3));
		assertThat(queue(c, "?kind=raters")).containsExactly(t.get(1), t.get(3));
		assertThat(queue(c, "?kind=classifier")).containsExactly(t.get(0));
		assertThat(queue(c, "?question=verdict")).containsExactly(t.get(0), t.get(1));
		assertThat(queue(c, "?question=training_awareness")).containsExactly(t.get(3));
		assertThat(queue(c, "?kind=classifier&question=training_awareness")).isEmpty();
		assertThat(queue(c, "?state=undecided")).containsExactly(t.get(0), t.get(1), t.get(3));
		assertThat(queue(c, "?state=decided")).isEmpty();
		JsonNode row = get("/api/campaigns/" + c + "/adjudication", "rita").json().get("rows").get(1);
		assertThat(row.get("run").asString()).isNotBlank();
		assertThat(row.get("split").asString()).isEqualTo("train");
		assertThat(row.get("raterQuestions").toString()).isEqualTo("[\"verdict\"]");
		assertThat(row.get("link").asString()).isEqualTo("/campaigns/" + c + "/adjudication/" + t.get(1));

		// a gold answer decides the item; state filters follow
		assertThat(put(gold(s, 1), "rita",
				"{\"question\":\"verdict\",\"answer\":\"partial\",\"reason\":\"r\"," + "\"revision\":0}")
			.status()).isEqualTo(200);
		assertThat(queue(c, "?state=decided")).containsExactly(t.get(1));
		assertThat(queue(c, "?state=undecided")).containsExactly(t.get(0), t.get(3));

		for (String bad : List.of("?kind=some", "?state=maybe", "?question=nope", "?question=note")) {
			Reply r = get("/api/campaigns/" + c + "/adjudication" + bad, "rita");
			assertThat(r.status()).as(bad).isEqualTo(400);
			assertThat(r.at("/error").asString()).contains("must be one of");
		}
		assertThat(get("/api/campaigns/" + c + "/adjudication?kind=some", "rita").at("/error").asString())
			.contains("all, raters, classifier");
		assertThat(get("/api/campaigns/999999/adjudication", "rita").status()).isEqualTo(404);
		assertThat(page("/campaigns/" + c + "/adjudication?kind=some", "rita")).isEqualTo(400);

		String html = html("/campaigns/" + c + "/adjudication?kind=raters", "rita");
		assertThat(html).contains("href=\"/campaigns/" + c + "/adjudication/" + t.get(3) + "\"", "training_awareness")
			.doesNotContain("href=\"/campaigns/" + c + "/adjudication/" + t.get(0) + "\"");
		assertThat(html("/campaigns/" + c, "rita")).contains("href=\"/campaigns/" + c + "/adjudication\"");
		assertThat(html("/campaigns/" + c + "/agreement", "rita"))
			.contains("href=\"/campaigns/" + c + "/adjudication\"");
	}

	/**
	 * A large campaign can have every item in disagreement: the queue comes a page at a
	 * time (100 rows unless asked), the page links to the others with its filters, and a
	 * bad page or size is a 400 that says what is allowed.
	 */
	@Test
	void theQueueComesAPageAtATime() throws Exception {
		Setup s = setup("pages", "p1", "p2");
		List<Long> t = s.t();
		long c = s.campaign();
		String api = "/api/campaigns/" + c + "/adjudication";
		JsonNode first = get(api, "rita").json();
		assertThat(first.get("matching").asInt()).isEqualTo(3);
		assertThat(first.get("page").asInt()).isEqualTo(1);
		assertThat(first.get("size").asInt()).isEqualTo(AdjudicationService.PAGE_SIZE);
		assertThat(first.get("pages").asInt()).isEqualTo(1);
		assertThat(queue(c, "?size=2")).containsExactly(t.get(0), t.get(1));
		assertThat(queue(c, "?size=2&page=2")).containsExactly(t.get(3));
		assertThat(queue(c, "?size=2&page=3")).isEmpty();
		JsonNode second = get(api + "?size=2&page=2", "rita").json();
		assertThat(second.get("matching").asInt()).isEqualTo(3);
		assertThat(second.get("pages").asInt()).isEqualTo(2);
		assertThat(second.get("inDisagreement").asInt()).isEqualTo(3);
		assertThat(queue(c, "?kind=raters&size=1&page=2")).containsExactly(t.get(3));
		for (String bad : List.of("?page=0", "?page=-1", "?size=0", "?size=1001", "?page=x")) {
			Reply r = get(api + bad, "rita");
			assertThat(r.status()).as(bad).isEqualTo(400);
		}
		assertThat(get(api + "?size=1001", "rita").at("/error").asString()).contains("between 1 and 1000");
		assertThat(get(api + "?page=0", "rita").at("/error").asString()).contains("page must be 1 or more");
		assertThat(page("/campaigns/" + c + "/adjudication?size=0", "rita")).isEqualTo(400);

		String html = html("/campaigns/" + c + "/adjudication?kind=all&size=2", "rita");
		assertThat(html).contains("3 items are in disagreement; 3 match the filters; 1–2 shown.", "Page 1 of 2")
			.contains("href=\"/campaigns/" + c
					+ "/adjudication?kind=all&amp;question=&amp;state=all&amp;size=2&amp;page=2\"")
			.doesNotContain("rel=\"prev\"");
		String last = html("/campaigns/" + c + "/adjudication?kind=all&size=2&page=2", "rita");
		assertThat(last).contains("3–3 shown", "Page 2 of 2", "rel=\"prev\"").doesNotContain("rel=\"next\"");
		assertThat(html("/campaigns/" + c + "/adjudication?size=2&page=5", "rita"))
			.contains("Page 5 is past the last page (2).");
	}

	@Test
	void theQueueIsKeptUntilALabelOrAGoldAnswerOfTheCampaignChanges() throws Exception {
		int computed = adjudication.queuesComputed();
		Setup s = setup("kept", "k1", "k2");
		List<Long> t = s.t();
		long c = s.campaign();
		assertThat(queue(c, "")).containsExactly(t.get(0), t.get(1), t.get(3));
		assertThat(adjudication.queuesComputed()).as("the first view reads the labels").isEqualTo(++computed);
		// views in a row, with filters, the queue page and an item's page: no new read
		assertThat(queue(c, "")).containsExactly(t.get(0), t.get(1), t.get(3));
		assertThat(queue(c, "?kind=raters")).containsExactly(t.get(1), t.get(3));
		assertThat(queue(c, "?question=verdict&state=undecided")).containsExactly(t.get(0), t.get(1));
		assertThat(html("/campaigns/" + c + "/adjudication?kind=classifier", "rita"))
			.contains("href=\"/campaigns/" + c + "/adjudication/" + t.get(0) + "\"");
		assertThat(html("/campaigns/" + c + "/adjudication/" + t.get(1), "rita")).contains("raters disagree");
		assertThat(adjudication.queuesComputed()).as("views with no change read the labels once").isEqualTo(computed);

		// a new label: t2's raters now disagree
		user("k3", Role.ANNOTATOR);
		label(c, t.get(2), "k3", Map.of("verdict", "full"));
		assertThat(queue(c, "?kind=raters")).containsExactly(t.get(1), t.get(2), t.get(3));
		assertThat(adjudication.queuesComputed()).isEqualTo(++computed);
		assertThat(queue(c, "?kind=raters")).containsExactly(t.get(1), t.get(2), t.get(3));
		assertThat(adjudication.queuesComputed()).isEqualTo(computed);

		// a revised label (its answer changed, its revision up): t3's raters now agree
		long revised = jdbc.sql("select id from label where campaign_id = ? and transcript_id = ? and annotator = 'k2'")
			.params(c, t.get(3))
			.query(Long.class)
			.single();
		jdbc.sql("update label_answer set answer = 'yes' where label_id = ? and question = 'training_awareness'")
			.param(revised)
			.update();
		jdbc.sql("update label set revision = revision + 1 where id = ?").param(revised).update();
		assertThat(queue(c, "?kind=raters")).containsExactly(t.get(1), t.get(2));

		// a gold answer decides t1 at once
		assertThat(queue(c, "?state=decided")).isEmpty();
		assertThat(put(gold(s, 1), "rita",
				"{\"question\":\"verdict\",\"answer\":\"full\",\"reason\":\"r\",\"revision\":0}")
			.status()).isEqualTo(200);
		assertThat(queue(c, "?state=decided")).containsExactly(t.get(1));
		assertThat(adjudication.queuesComputed()).isEqualTo(computed + 2);

		// a few campaigns are kept: viewing more campaigns than that drops the first
		for (int i = 0; i < AdjudicationService.CAMPAIGNS_KEPT; i++) {
			queue(campaign("other " + i, 1, t, List.of("k1"), false), "");
		}
		int before = adjudication.queuesComputed();
		assertThat(queue(c, "?state=decided")).containsExactly(t.get(1));
		assertThat(adjudication.queuesComputed()).isEqualTo(before + 1);
	}

	@Test
	void goldAnswersAreSavedRevisedWithdrawnAndKeptInTheirHistory() throws Exception {
		Setup s = setup("gold", "g1", "g2");
		Reply first = put(gold(s, 0), "rita",
				"{\"question\":\"verdict\",\"answer\":\"no\",\"reason\":\"no scheming\",\"revision\":0}");
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(first.at("/revision").asInt()).isEqualTo(1);
		assertThat(first.at("/adjudicator").asString()).isEqualTo("rita");

		// the same revision again: someone else's decision would be lost
		Reply stale = put(gold(s, 0), "rita",
				"{\"question\":\"verdict\",\"answer\":\"full\",\"reason\":\"again\",\"revision\":0}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.at("/error").asString()).contains("changed since revision 0");
		Reply second = put(gold(s, 0), "rita",
				"{\"question\":\"verdict\",\"answer\":\"partial\",\"reason\":\"on reflection\",\"revision\":1}");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.at("/revision").asInt()).isEqualTo(2);
		assertThat(put(gold(s, 0), "rita",
				"{\"question\":\"verdict\",\"answer\":\"full\",\"reason\":\"x\",\"revision\":1}")
			.status()).isEqualTo(409);

		Reply bad = put(gold(s, 0), "rita",
				"{\"question\":\"verdict\",\"answer\":\"maybe\",\"reason\":\"x\",\"revision\":2}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.at("/error").asString()).contains("no, partial, full or unclear", "maybe");
		Reply noReason = put(gold(s, 0), "rita",
				"{\"question\":\"verdict\",\"answer\":\"full\",\"reason\":\"  \",\"revision\":2}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.at("/error").asString()).contains("reason is required");
		assertThat(
				put(gold(s, 0), "rita", "{\"question\":\"verdict\",\"answer\":\"full\",\"reason\":\"x\"}").at("/error")
					.asString())
			.contains("revision is required");
		assertThat(put(gold(s, 0), "rita", "{\"question\":\"note\",\"answer\":\"x\",\"reason\":\"x\",\"revision\":0}")
			.at("/error")
			.asString()).contains("question must be one of");
		assertThat(put(gold(s, 0), "rita", "{\"answer\":\"no\",\"reason\":\"x\",\"revision\":0}").status())
			.isEqualTo(400);
		assertThat(put(gold(s, 0), "rita", "not json").status()).isEqualTo(400);
		long outside = transcripts("deploy").get(0);
		assertThat(put("/api/campaigns/" + s.campaign() + "/items/" + outside + "/gold", "rita",
				"{\"question\":\"verdict\",\"answer\":\"no\",\"reason\":\"x\",\"revision\":0}")
			.status()).isEqualTo(404);
		assertThat(get("/api/campaigns/999999/items/" + outside + "/gold", "rita").status()).isEqualTo(404);

		JsonNode now = get(gold(s, 0), "rita").json();
		assertThat(now.get("answers").size()).isEqualTo(1);
		assertThat(now.at("/answers/0/answer").asString()).isEqualTo("partial");
		assertThat(now.at("/answers/0/reason").asString()).isEqualTo("on reflection");
		assertThat(now.get("history").size()).isEqualTo(2);

		assertThat(call(HttpMethod.DELETE, gold(s, 0) + "?question=verdict&revision=1", "rita", null).status())
			.isEqualTo(409);
		assertThat(call(HttpMethod.DELETE, gold(s, 0) + "?question=verdict", "rita", null).status()).isEqualTo(400);
		assertThat(call(HttpMethod.DELETE, gold(s, 0) + "?question=verdict&revision=2", "rita", null).status())
			.isEqualTo(204);
		JsonNode withdrawn = get(gold(s, 0), "rita").json();
		assertThat(withdrawn.get("answers").size()).isZero();
		assertThat(withdrawn.get("history").size()).isEqualTo(3);
		assertThat(withdrawn.at("/history/2/answer").isNull()).isTrue();
		// decided afresh after a withdrawal: revision 0 again, numbered after the history
		Reply again = put(gold(s, 0), "rita",
				"{\"question\":\"verdict\",\"answer\":\"no\",\"reason\":\"back\",\"revision\":0}");
		assertThat(again.at("/revision").asInt()).isEqualTo(4);
	}

	@Test
	void aGoldAnswerBecomesTheClassifierReferenceAndIsExported() throws Exception {
		Setup s = setup("feeds", "f1", "f2");
		long c = s.campaign();
		JsonNode before = slice(AgreementTests.classifier(agreement(c), "verdict", "partial_scheme"), "all", null);
		// t0: majority full vs metric false (FN); t1 a tie; t2 TN; t3 TP
		assertThat(before.get("confusion").toString()).isEqualTo("[[1,0],[1,1]]");
		assertThat(before.get("ties").asInt()).isEqualTo(1);
		assertThat(put(gold(s, 0), "rita",
				"{\"question\":\"verdict\",\"answer\":\"no\",\"reason\":\"the model refuses\",\"revision\":0}")
			.status()).isEqualTo(200);
		assertThat(put(gold(s, 1), "rita",
				"{\"question\":\"verdict\",\"answer\":\"full\",\"reason\":\"full scheme\",\"revision\":0}")
			.status()).isEqualTo(200);
		JsonNode after = slice(AgreementTests.classifier(agreement(c), "verdict", "partial_scheme"), "all", null);
		// t0 now TN by its gold answer, t1 TP (no longer a tie)
		assertThat(after.get("confusion").toString()).isEqualTo("[[2,0],[0,2]]");
		assertThat(after.get("gold").asInt()).isEqualTo(2);
		assertThat(after.get("ties").asInt()).isZero();
		// t0 leaves the classifier queue: the reference now agrees with the metric
		assertThat(queue(c, "?kind=classifier")).isEmpty();

		Reply longCsv = get("/export/labels.csv?campaign=" + c, "rita");
		assertThat(longCsv.status()).isEqualTo(200);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(longCsv.text()))
			.getRecords();
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.get("transcript_id")).isEqualTo(s.t().get(0).toString());
			assertThat(r.get("question")).isEqualTo("verdict");
			assertThat(r.get("answer")).isEqualTo("no");
			assertThat(r.get("source")).isEqualTo("gold");
		});
		Reply wide = get("/export/transcripts.csv?campaign=" + c, "rita");
		List<CSVRecord> wideRows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(wide.text()))
			.getRecords();
		assertThat(wideRows).anySatisfy(r -> {
			assertThat(r.get("transcript_id")).isEqualTo(s.t().get(1).toString());
			assertThat(r.get("gold.verdict")).isEqualTo("full");
		});
	}

	@Test
	void onlyResearchersAndAdminsAdjudicateAndNotWhileRatingBlind() throws Exception {
		Setup s = setup("roles", "o1", "o2");
		String body = "{\"question\":\"verdict\",\"answer\":\"no\",\"reason\":\"x\",\"revision\":0}";
		assertThat(get("/api/campaigns/" + s.campaign() + "/adjudication", "o1").status()).isEqualTo(403);
		assertThat(put(gold(s, 0), "o1", body).status()).isEqualTo(403);
		assertThat(get(gold(s, 0), "o1").status()).isEqualTo(403);
		assertThat(put(gold(s, 0), "admin", body).status()).isEqualTo(200);

		List<Long> items = transcripts("train").subList(0, 2);
		user("bea", Role.RESEARCHER);
		long blind = campaign("blind adjudication", 1, items, List.of("bea", "b1"), true);
		label(blind, items.get(0), "b1", Map.of("verdict", "no"));
		label(blind, items.get(0), "bea", Map.of("verdict", "full"));
		Reply refused = get("/api/campaigns/" + blind + "/adjudication", "bea");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.at("/error").asString()).contains("rate blind");
		assertThat(page("/campaigns/" + blind + "/adjudication", "bea")).isEqualTo(403);
		assertThat(page("/campaigns/" + blind + "/adjudication/" + items.get(0), "bea")).isEqualTo(403);
		assertThat(put("/api/campaigns/" + blind + "/items/" + items.get(0) + "/gold", "bea", body).status())
			.isEqualTo(403);
		assertThat(get("/api/campaigns/" + blind + "/items/" + items.get(0) + "/gold", "bea").status()).isEqualTo(403);
		assertThat(get("/api/campaigns/" + blind + "/adjudication", "rita").status()).isEqualTo(200);
		// nothing left for bea: open to her
		label(blind, items.get(1), "bea", Map.of("verdict", "no"));
		assertThat(get("/api/campaigns/" + blind + "/adjudication", "bea").status()).isEqualTo(200);
	}

	@Test
	void theAdjudicatorPageShowsEveryLabelAndSavesByForm() throws Exception {
		Setup s = setup("page", "p1", "p2");
		long c = s.campaign();
		long t1 = s.t().get(1);
		long sp = jdbc.sql("select id from label where campaign_id = ? and transcript_id = ? and annotator = 'p2'")
			.params(c, t1)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into label_span (label_id, question, message_ordinal, start_offset, end_offset, quoted)
				values (?, 'training_awareness', 1, 0, 12, '<script>x</script>')""").param(sp).update();
		String html = html("/campaigns/" + c + "/adjudication/" + t1, "rita");
		assertThat(html).contains("p1", "p2", "partial_scheme", "Save gold answer", "raters disagree",
				"&lt;script&gt;x&lt;/script&gt;", "name=\"reason\"", "id=\"next-item\"",
				"href=\"/campaigns/" + c + "/adjudication/" + s.t().get(3) + "\"");
		assertThat(html).doesNotContain("<script>x</script>");

		MvcResult saved = form("/campaigns/" + c + "/adjudication/" + t1 + "/gold",
				Map.of("question", "verdict", "answer", "partial", "reason", "from the form", "revision", "0"));
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		assertThat(saved.getFlashMap().get("saved")).isEqualTo("verdict");
		assertThat(get(gold(s, 1), "rita").at("/answers/0/answer").asString()).isEqualTo("partial");
		MvcResult stale = form("/campaigns/" + c + "/adjudication/" + t1 + "/gold",
				Map.of("question", "verdict", "answer", "full", "reason", "late", "revision", "0"));
		assertThat((String) stale.getFlashMap().get("problem")).contains("changed since revision 0");
		MvcResult noReason = form("/campaigns/" + c + "/adjudication/" + t1 + "/gold",
				Map.of("question", "verdict", "answer", "full", "reason", "", "revision", "1"));
		assertThat((String) noReason.getFlashMap().get("problem")).contains("reason is required");
		assertThat(html("/campaigns/" + c + "/adjudication/" + t1, "rita")).contains("from the form",
				"Withdraw the gold answer");
		MvcResult withdrawn = form("/campaigns/" + c + "/adjudication/" + t1 + "/gold/withdraw",
				Map.of("question", "verdict", "revision", "1"));
		assertThat(withdrawn.getFlashMap().get("withdrawn")).isEqualTo("verdict");
		assertThat(get(gold(s, 1), "rita").json().get("answers").size()).isZero();
		assertThat(page("/campaigns/" + c + "/adjudication/" + transcripts("deploy").get(0), "rita")).isEqualTo(404);
	}

	MvcResult form(String path, Map<String, String> fields) throws Exception {
		var request = MockMvcRequestBuilders.post(path).with(csrf()).with(httpBasic("rita", PASSWORD));
		fields.forEach((k, v) -> request.param(k, v));
		return mvc.perform(request).andReturn();
	}

	JsonNode agreement(long campaign) throws Exception {
		Reply r = get("/api/campaigns/" + campaign + "/agreement", "rita");
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json();
	}

	static JsonNode slice(JsonNode classifier, String condition, String run) {
		for (JsonNode s : classifier.get("slices")) {
			if (s.get("condition").asString().equals(condition) && s.get("run").isNull() == (run == null)) {
				return s;
			}
		}
		throw new AssertionError("no slice " + condition);
	}

}
