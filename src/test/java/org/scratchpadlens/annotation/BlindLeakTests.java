package org.scratchpadlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Blind mode holds everywhere: an annotator in a blind campaign (metrics hidden, other
 * labels hidden, condition masked) walks every campaign and label endpoint and page, and
 * nothing names a metric, another rater's answers or the split; a researcher who rates in
 * it is blinded the same way until they submit; someone outside it sees nothing of it.
 */
@AppTest
class BlindLeakTests extends LabellingTestBase {

	static final String SECRET = "SECRET-answer-of-ann2";

	long campaign;

	long item;

	long otherItem;

	long ann2Label;

	@BeforeEach
	void setUp() throws Exception {
		sampleData();
		forgetCampaigns();
		user("rita", Role.RESEARCHER);
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
		user("outsider", Role.ANNOTATOR);
		Reply created = post("/api/campaigns", "rita", """
				{"name": "Blind", "filter": {"run": "helpful_only/default", "split": "train",
				 "metric.effective_scheme": ["true", "false", "missing"]},
				 "sample": {"size": 4, "stratifyBy": ["split", "effective_scheme"], "seed": 3},
				 "ratersPerItem": 3, "raters": ["ann1", "ann2", "rita"], "blind": true, "order": "run"}""");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		campaign = created.at("/id").asLong();
		item = post("/api/campaigns/" + campaign + "/next", "ann2", null).at("/transcriptId").asLong();
		Reply label = post("/api/transcripts/" + item + "/labels", "ann2", """
				{"campaignId": %d, "answers": {"note": "%s", "confidence": "3"}, "secondsSpent": 30}"""
			.formatted(campaign, SECRET));
		assertThat(label.status()).as(label.text()).isEqualTo(201);
		ann2Label = label.at("/id").asLong();
		otherItem = jdbc
			.sql("select transcript_id from campaign_item where campaign_id = ? and transcript_id <> ? "
					+ "order by position fetch first 1 rows only")
			.params(campaign, item)
			.query(Long.class)
			.single();
	}

	/** Everything that would give the blind rules away. */
	List<Pattern> leaks() {
		List<Pattern> leaks = new ArrayList<>();
		leaks.add(Pattern.compile(Pattern.quote(SECRET)));
		leaks.add(Pattern.compile("\\bann2\\b"));
		leaks.add(Pattern.compile("\\btrain\\b"));
		leaks.add(Pattern.compile("\\bdeploy\\b"));
		leaks.add(Pattern.compile("split"));
		jdbc.sql("select name from metric_name")
			.query(String.class)
			.list()
			.forEach(m -> leaks.add(Pattern.compile(Pattern.quote(m))));
		return leaks;
	}

	String noLeak(String what, MockHttpServletResponse response) throws Exception {
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		for (Pattern leak : leaks()) {
			assertThat(leak.matcher(text).find())
				.as(what + " (" + response.getStatus() + ") must not contain " + leak.pattern() + ":\n" + text)
				.isFalse();
		}
		return text;
	}

	MockHttpServletResponse page(HttpMethod method, String path, String user) throws Exception {
		var request = MockMvcRequestBuilders.request(method, path)
			.accept(MediaType.TEXT_HTML)
			.with(httpBasic(user, PASSWORD));
		if (method != HttpMethod.GET) {
			request.with(csrf());
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void anAnnotatorInABlindCampaignFindsNoLeakAnywhere() throws Exception {
		String c = "/api/campaigns/" + campaign;
		List<Object[]> calls = List.of(new Object[] { HttpMethod.GET, "/api/campaigns", null, 200 },
				new Object[] { HttpMethod.GET, c, null, 200 }, new Object[] { HttpMethod.POST, c + "/next", null, 200 },
				new Object[] { HttpMethod.GET, c + "/items/" + item + "/view", null, 200 },
				new Object[] { HttpMethod.PUT, c + "/items/" + item + "/draft",
						"{\"answers\": {\"confidence\": \"1\"}}", 204 },
				new Object[] { HttpMethod.GET, c + "/items/" + item + "/draft", null, 200 },
				new Object[] { HttpMethod.GET, "/api/transcripts/" + item + "/labels", null, 200 },
				new Object[] { HttpMethod.GET, "/api/labels/" + ann2Label, null, 404 },
				new Object[] { HttpMethod.GET, "/api/labels/" + ann2Label + "/history", null, 404 },
				new Object[] { HttpMethod.PUT, "/api/labels/" + ann2Label, "{\"revision\": 1}", 404 },
				new Object[] { HttpMethod.GET, c + "/items/" + otherItem + "/view", null, 200 },
				new Object[] { HttpMethod.POST, c + "/items/" + otherItem + "/skip", null, 204 },
				new Object[] { HttpMethod.GET, "/api/transcripts/" + item, null, 403 },
				new Object[] { HttpMethod.GET, "/api/transcripts?run=helpful_only/default", null, 403 },
				new Object[] { HttpMethod.GET, "/api/dashboard", null, 403 },
				new Object[] { HttpMethod.GET, "/api/runs", null, 403 });
		for (Object[] call : calls) {
			Reply r = call((HttpMethod) call[0], (String) call[1], "ann1", (String) call[2]);
			assertThat(r.status()).as(call[0] + " " + call[1] + ": " + r.text()).isEqualTo(call[3]);
			noLeak(call[0] + " " + call[1], r.response());
		}
		Reply view = get(c + "/items/" + item + "/view", "ann1");
		assertThat(view.at("/scope").asString()).isEqualTo("masked");
		assertThat(view.at("/hideMetrics").asBoolean()).isTrue();
		assertThat(view.at("/hideOtherLabels").asBoolean()).isTrue();
		get("/api/transcripts/" + item + "/labels", "ann1").json()
			.forEach(l -> assertThat(l.get("annotator").asString()).isEqualTo("ann1"));
		Reply progress = get(c, "ann1");
		assertThat(progress.at("/filter").isNull()).isTrue();
		assertThat(progress.at("/sample").isNull()).isTrue();
		assertThat(progress.at("/progress/itemLabels").size()).isZero();

		for (String path : List.of("/campaigns", "/campaigns/" + campaign)) {
			MockHttpServletResponse r = page(HttpMethod.GET, path, "ann1");
			assertThat(r.getStatus()).as(path).isEqualTo(200);
			noLeak(path, r);
		}
		MockHttpServletResponse next = page(HttpMethod.POST, "/campaigns/" + campaign + "/next", "ann1");
		assertThat(next.getRedirectedUrl()).isEqualTo("/campaigns/" + campaign + "/label/" + item);
		for (String path : List.of("/transcripts/" + item, "/dashboard", "/transcripts", "/campaigns/new")) {
			assertThat(page(HttpMethod.GET, path, "ann1").getStatus()).as(path).isEqualTo(403);
		}
	}

	@Test
	void onceTheyHaveSubmittedTheCampaignRevealsOtherLabels() throws Exception {
		assertThat(post("/api/campaigns/" + campaign + "/next", "ann1", null).at("/transcriptId").asLong())
			.isEqualTo(item);
		Reply mine = post("/api/transcripts/" + item + "/labels", "ann1",
				"{\"campaignId\": " + campaign + ", \"answers\": {\"confidence\": \"1\"}}");
		assertThat(mine.status()).isEqualTo(201);
		Reply labels = get("/api/transcripts/" + item + "/labels", "ann1");
		assertThat(labels.text()).contains(SECRET);
		assertThat(get("/api/labels/" + ann2Label, "ann1").status()).isEqualTo(200);
		Reply view = get("/api/campaigns/" + campaign + "/items/" + item + "/view", "ann1");
		assertThat(view.at("/hideOtherLabels").asBoolean()).isFalse();
		assertThat(view.at("/hideMetrics").asBoolean()).isFalse();
		assertThat(view.at("/myLabel/id").asLong()).isEqualTo(mine.at("/id").asLong());
		// the other items stay blind
		assertThat(get("/api/campaigns/" + campaign + "/items/" + otherItem + "/view", "ann1").at("/hideOtherLabels")
			.asBoolean()).isTrue();
	}

	@Test
	void aResearcherWhoRatesInTheCampaignIsBlindedUntilTheySubmit() throws Exception {
		get("/api/transcripts/" + item + "/labels", "rita").json()
			.forEach(l -> assertThat(l.get("annotator").asString()).isEqualTo("rita"));
		assertThat(get("/api/labels/" + ann2Label, "rita").status()).isEqualTo(404);
		Reply progress = get("/api/campaigns/" + campaign, "rita");
		assertThat(progress.at("/progress/itemLabels").size()).isZero();
		assertThat(progress.at("/filter").isNull()).isTrue();
		noLeak("the campaign as its researcher-rater", progress.response());

		post("/api/campaigns/" + campaign + "/next", "rita", null);
		assertThat(post("/api/transcripts/" + item + "/labels", "rita", "{\"campaignId\": " + campaign + "}").status())
			.isEqualTo(201);
		assertThat(get("/api/transcripts/" + item + "/labels", "rita").text()).contains(SECRET);
		// an admin who does not rate here sees everything
		assertThat(get("/api/transcripts/" + item + "/labels", "admin").text()).contains(SECRET);
		assertThat(get("/api/campaigns/" + campaign, "admin").at("/progress/itemLabels").size()).isEqualTo(4);
		assertThat(get("/api/campaigns/" + campaign, "admin").at("/filter").asString()).contains("split=train");
	}

	@Test
	void aResearcherWhoRatesBlindFindsNeitherTheMetricsNorTheItemsInBrowsingUntilTheySubmit() throws Exception {
		// the transcript's JSON and page leave the metrics out
		Reply json = get("/api/transcripts/" + item, "rita");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.at("/metricsHidden").asBoolean()).isTrue();
		assertThat(json.at("/metrics").size()).isZero();
		String page = page(HttpMethod.GET, "/transcripts/" + item, "rita").getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("The automated metrics are hidden").doesNotContain("partial_scheme");
		// the list leaves the campaign's items out, counts included, and says how many
		Reply list = get("/api/transcripts?run=helpful_only/default&split=train&size=500", "rita");
		List<Long> listed = new ArrayList<>();
		list.at("/items").forEach(i -> listed.add(i.get("id").asLong()));
		assertThat(listed).isNotEmpty().doesNotContain(item, otherItem);
		assertThat(list.at("/hiddenWhileRating").asLong()).isEqualTo(4);
		Reply admin = get("/api/transcripts?run=helpful_only/default&split=train&size=500", "admin");
		assertThat(admin.at("/total").asLong()).isEqualTo(list.at("/total").asLong() + 4);
		// the sidebar's counts leave them out as well
		Reply facets = get("/api/transcripts/facets?run=helpful_only/default&split=train", "rita");
		long train = 0;
		for (var field : facets.at("/fields")) {
			if (field.get("field").asString().equals("split")) {
				for (var v : field.get("values")) {
					if (v.get("value").asString().equals("train")) {
						train = v.get("count").asLong();
					}
				}
			}
		}
		assertThat(train).isEqualTo(list.at("/total").asLong());
		assertThat(page(HttpMethod.GET, "/transcripts?run=helpful_only/default", "rita")
			.getContentAsString(StandardCharsets.UTF_8)).contains("4 transcripts you rate in a blind campaign");

		// after their label on one item, that item's metrics are theirs to see
		post("/api/campaigns/" + campaign + "/next", "rita", null);
		assertThat(post("/api/transcripts/" + item + "/labels", "rita", "{\"campaignId\": " + campaign + "}").status())
			.isEqualTo(201);
		Reply after = get("/api/transcripts/" + item, "rita");
		assertThat(after.at("/metricsHidden").asBoolean()).isFalse();
		assertThat(after.at("/metrics").size()).isPositive();
		assertThat(
				get("/api/transcripts?run=helpful_only/default&split=train&size=500", "rita").at("/hiddenWhileRating")
					.asLong())
			.isEqualTo(3);
		// an annotator still cannot browse at all
		assertThat(get("/api/transcripts/" + item, "ann1").status()).isEqualTo(403);
	}

	/** The dashboard's figures of one run (the sample's), as this reader gets them. */
	tools.jackson.databind.JsonNode dashboardRun(Reply dashboard) {
		for (var run : dashboard.at("/runs")) {
			if (run.get("run").asString().equals("helpful_only/default")) {
				return run;
			}
		}
		throw new AssertionError("no helpful_only/default on the dashboard: " + dashboard.text());
	}

	@Test
	void aResearcherWhoRatesBlindGetsADashboardWithoutTheItemsAndIsToldSo() throws Exception {
		Reply admins = get("/api/dashboard", "admin");
		assertThat(admins.at("/blindLeftOut").asLong()).isZero();
		Reply ritas = get("/api/dashboard", "rita");
		assertThat(ritas.status()).isEqualTo(200);
		assertThat(ritas.at("/blindLeftOut").asLong()).isEqualTo(4);
		var all = dashboardRun(admins);
		var seen = dashboardRun(ritas);
		assertThat(seen.at("/splits/train/n").asLong()).isEqualTo(all.at("/splits/train/n").asLong() - 4);
		assertThat(seen.at("/splits/deploy/n").asLong()).isEqualTo(all.at("/splits/deploy/n").asLong());
		// what is counted is what the list shows her, behind the same filter
		assertThat(seen.at("/splits/train/n").asLong()).isEqualTo(
				get("/api/transcripts?run=helpful_only/default&split=train&size=1", "rita").at("/total").asLong());
		// the effective_scheme rate leaves out exactly the hidden items' values
		long hiddenTrue = jdbc.sql("""
				select count(*) from campaign_item i join metric m on m.transcript_id = i.transcript_id
				join metric_name n on n.id = m.metric_name_id and n.name = 'effective_scheme'
				where i.campaign_id = ? and m.value_type = 'boolean' and m.bool_value""")
			.param(campaign)
			.query(Long.class)
			.single();
		long hiddenKnown = jdbc.sql("""
				select count(*) from campaign_item i join metric m on m.transcript_id = i.transcript_id
				join metric_name n on n.id = m.metric_name_id and n.name = 'effective_scheme'
				where i.campaign_id = ? and m.value_type = 'boolean'""").param(campaign).query(Long.class).single();
		assertThat(seen.at("/splits/train/rates/effective_scheme/n").asLong())
			.isEqualTo(all.at("/splits/train/rates/effective_scheme/n").asLong() - hiddenKnown);
		assertThat(seen.at("/splits/train/rates/effective_scheme/successes").asLong())
			.isEqualTo(all.at("/splits/train/rates/effective_scheme/successes").asLong() - hiddenTrue);
		String page = page(HttpMethod.GET, "/dashboard", "rita").getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("4 transcripts you are rating blind are left out of these counts");
		assertThat(page(HttpMethod.GET, "/dashboard", "admin").getContentAsString(StandardCharsets.UTF_8))
			.doesNotContain("you are rating blind");

		// after her label on one item, that item counts again
		post("/api/campaigns/" + campaign + "/next", "rita", null);
		assertThat(post("/api/transcripts/" + item + "/labels", "rita", "{\"campaignId\": " + campaign + "}").status())
			.isEqualTo(201);
		Reply after = get("/api/dashboard", "rita");
		assertThat(after.at("/blindLeftOut").asLong()).isEqualTo(3);
		assertThat(dashboardRun(after).at("/splits/train/n").asLong())
			.isEqualTo(all.at("/splits/train/n").asLong() - 3);
		assertThat(page(HttpMethod.GET, "/dashboard", "rita").getContentAsString(StandardCharsets.UTF_8))
			.contains("3 transcripts you are rating blind are left out");
	}

	@Test
	void theRunsAndPairPagesShowNoHiddenMetricToAResearcherWhoRatesBlind() throws Exception {
		for (String path : List.of("/", "/api/runs")) {
			MockHttpServletResponse r = path.startsWith("/api") ? get(path, "rita").response()
					: page(HttpMethod.GET, path, "rita");
			assertThat(r.getStatus()).as(path).isEqualTo(200);
			String text = r.getContentAsString(StandardCharsets.UTF_8);
			for (String metric : List.of("partial_scheme", "effective_scheme")) {
				assertThat(text).as(path).doesNotContain(metric);
			}
		}
		// the pair page puts both transcripts' metrics side by side: the rated one's
		// stay hidden, its partner's (not an item) are shown
		MockHttpServletResponse pair = page(HttpMethod.GET, "/transcripts/" + item + "/side-by-side", "rita");
		assertThat(pair.getStatus()).isEqualTo(200);
		String text = pair.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Pattern.compile("The automated metrics are hidden").matcher(text).results().count()).isEqualTo(1);
		assertThat(page(HttpMethod.GET, "/transcripts/" + item + "/side-by-side", "admin")
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("The automated metrics are hidden");
	}

	@Test
	void someoneOutsideTheCampaignSeesNothingOfIt() throws Exception {
		String c = "/api/campaigns/" + campaign;
		assertThat(get(c, "outsider").status()).isEqualTo(403);
		assertThat(post(c + "/next", "outsider", null).status()).isEqualTo(403);
		assertThat(get(c + "/items/" + item + "/view", "outsider").status()).isEqualTo(403);
		assertThat(get(c + "/items/" + item + "/draft", "outsider").status()).isEqualTo(403);
		assertThat(post(c + "/items/" + item + "/skip", "outsider", null).status()).isEqualTo(403);
		assertThat(get("/api/campaigns", "outsider").json().size()).isZero();
		assertThat(get("/api/transcripts/" + item + "/labels", "outsider").json().size()).isZero();
		assertThat(get("/api/labels/" + ann2Label, "outsider").status()).isEqualTo(404);
		assertThat(get("/api/labels/" + ann2Label + "/history", "outsider").status()).isEqualTo(404);
		assertThat(page(HttpMethod.GET, "/campaigns/" + campaign, "outsider").getStatus()).isEqualTo(403);
		assertThat(page(HttpMethod.POST, "/campaigns/" + campaign + "/next", "outsider").getStatus()).isEqualTo(403);
		noLeak("the campaign list of an outsider", page(HttpMethod.GET, "/campaigns", "outsider"));
	}

}
