package org.scratchpadlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;

/**
 * Creating campaigns through the API: every parameter, every refusal, what each role sees
 * of them.
 */
@AppTest
class CampaignApiTests extends LabellingTestBase {

	@BeforeEach
	void setUp() {
		sampleData();
		user("rita", Role.RESEARCHER);
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
		user("ann3", Role.ANNOTATOR);
	}

	String body(String filter, String sample, String extra) {
		return """
				{"name": "Pilot", "filter": %s, %s "ratersPerItem": 2, "raters": ["ann1", "ann2"] %s}"""
			.formatted(filter, sample == null ? "" : "\"sample\": " + sample + ",", extra == null ? "" : ", " + extra);
	}

	@Test
	void allMatchingTranscriptsBecomeItemsInReadingOrder() throws Exception {
		Reply created = post("/api/campaigns", "rita",
				body("{\"run\": \"helpful_only/default\", \"split\": \"train\"}", null, "\"order\": \"run\""));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.at("/items").asInt()).isEqualTo(10);
		assertThat(created.at("/matched").asInt()).isEqualTo(10);
		assertThat(created.at("/order").asString()).isEqualTo("run");
		assertThat(created.at("/createdBy").asString()).isEqualTo("rita");
		assertThat(created.at("/rubricVersion").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(created.at("/filter").asString()).isEqualTo("run=helpful_only%2Fdefault&split=train");
		assertThat(created.at("/blind/hideMetrics").asBoolean()).isFalse();
		assertThat(created.at("/blind/revealAfterSubmit").asBoolean()).isTrue();
		assertThat(created.at("/reservationMinutes").asInt()).isEqualTo(30);

		Reply campaign = get("/api/campaigns/" + created.at("/id").asLong(), "rita");
		assertThat(campaign.status()).isEqualTo(200);
		List<Long> items = new ArrayList<>();
		campaign.at("/progress/itemLabels").forEach(i -> items.add(i.get("transcriptId").asLong()));
		List<Long> expected = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			expected.add(transcriptId("helpful_only/default", "train", i));
		}
		assertThat(items).containsExactlyElementsOf(expected);
		assertThat(campaign.at("/progress/needed").asInt()).isEqualTo(20);
		assertThat(campaign.at("/progress/labels").asInt()).isZero();
		assertThat(campaign.at("/raters").toString()).contains("ann1", "ann2");
	}

	@Test
	void aStratifiedSampleIsProportionalAndTheSameForTheSameSeed() throws Exception {
		String sample = "{\"size\": 8, \"stratifyBy\": [\"run\", \"split\"], \"seed\": 42}";
		Reply a = post("/api/campaigns", "rita", body("{}", sample, null));
		Reply b = post("/api/campaigns", "rita", body("{}", sample, null));
		Reply c = post("/api/campaigns", "rita",
				body("{}", "{\"size\": 8, \"stratifyBy\": [\"run\", \"split\"], \"seed\": 43}", null));
		assertThat(a.status()).as(a.text()).isEqualTo(201);
		assertThat(a.at("/items").asInt()).isEqualTo(8);
		assertThat(a.at("/matched").asInt()).isEqualTo(80);
		// 8 strata of 10 each: one transcript from each
		assertThat(a.at("/sample/strata").size()).isEqualTo(8);
		a.at("/sample/strata").forEach(s -> assertThat(s.get("sampled").asInt()).isEqualTo(1));
		assertThat(a.at("/sample/method").asString()).contains("largest remainder");
		assertThat(items(a)).isEqualTo(items(b)).isNotEqualTo(items(c));
	}

	@Test
	void largestRemainderGivesTheLeftOverToTheLargestFractions() throws Exception {
		// 80 transcripts in two splits of 40: a sample of 5 gives 2.5 each; the tie goes
		// to the
		// stratum named first (deploy), so deploy 3, train 2
		Reply a = post("/api/campaigns", "rita", body("{}", "{\"size\": 5, \"stratifyBy\": [\"split\"]}", null));
		assertThat(a.status()).as(a.text()).isEqualTo(201);
		assertThat(a.at("/sample/strata/0/stratum").asString()).isEqualTo("deploy");
		assertThat(a.at("/sample/strata/0/sampled").asInt()).isEqualTo(3);
		assertThat(a.at("/sample/strata/1/sampled").asInt()).isEqualTo(2);
		long train = jdbc.sql("""
				select count(*) from campaign_item i join transcript t on t.id = i.transcript_id
				where i.campaign_id = ? and t.split = 'train'""")
			.param(a.at("/id").asLong())
			.query(Long.class)
			.single();
		assertThat(train).isEqualTo(2);
	}

	@Test
	void stratifiesByABooleanMetricAndRefusesOthers() throws Exception {
		Reply a = post("/api/campaigns", "rita",
				body("{}", "{\"size\": 10, \"stratifyBy\": [\"effective_scheme\"], \"seed\": 1}", null));
		assertThat(a.status()).as(a.text()).isEqualTo(201);
		assertThat(a.at("/sample/strata").toString()).contains("effective_scheme=");
		Reply number = post("/api/campaigns", "rita",
				body("{}", "{\"size\": 10, \"stratifyBy\": [\"pm_score\"]}", null));
		assertThat(number.status()).isEqualTo(400);
		assertThat(number.at("/error").asString()).contains("'pm_score' is not a boolean metric");
		Reply unknown = post("/api/campaigns", "rita",
				body("{}", "{\"size\": 10, \"stratifyBy\": [\"colour\"]}", null));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.at("/error").asString()).contains("'colour'");
	}

	@Test
	void pairsKeptTogetherAreSampledAndQueuedTogether() throws Exception {
		Reply a = post("/api/campaigns", "rita",
				body("{\"run\": \"helpful_only/default\"}", "{\"size\": 6, \"seed\": 5, \"keepPairs\": true}", null));
		assertThat(a.status()).as(a.text()).isEqualTo(201);
		assertThat(a.at("/items").asInt()).isEqualTo(6);
		List<String[]> rows = jdbc.sql("""
				select t.split, t.query_index from campaign_item i join transcript t on t.id = i.transcript_id
				where i.campaign_id = ? order by i.position""")
			.param(a.at("/id").asLong())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		for (int i = 0; i < rows.size(); i += 2) {
			assertThat(rows.get(i)[0]).isEqualTo("train");
			assertThat(rows.get(i + 1)[0]).isEqualTo("deploy");
			assertThat(rows.get(i + 1)[1]).isEqualTo(rows.get(i)[1]);
		}
	}

	@Test
	void theFilterMayBeAQueryStringAndListsAreAlternatives() throws Exception {
		Reply a = post("/api/campaigns", "rita", body("\"run=helpful_only%2Fdefault&split=deploy\"", null, null));
		assertThat(a.status()).as(a.text()).isEqualTo(201);
		assertThat(a.at("/items").asInt()).isEqualTo(10);
		Reply b = post("/api/campaigns", "rita", body(
				"{\"run\": [\"helpful_only/default\", \"animal_welfare/default\"], \"split\": \"train\"}", null, null));
		assertThat(b.at("/items").asInt()).isEqualTo(20);
	}

	@Test
	void blindIsTrueFalseOrAnObject() throws Exception {
		Reply on = post("/api/campaigns", "rita", body("{}", null, "\"blind\": true"));
		assertThat(on.at("/blind/hideMetrics").asBoolean()).isTrue();
		assertThat(on.at("/blind/hideOtherLabels").asBoolean()).isTrue();
		assertThat(on.at("/blind/maskCondition").asBoolean()).isTrue();
		Reply off = post("/api/campaigns", "rita", body("{}", null, "\"blind\": false"));
		assertThat(off.at("/blind/hideMetrics").asBoolean()).isFalse();
		Reply some = post("/api/campaigns", "rita",
				body("{}", null,
						"\"blind\": {\"hideMetrics\": true, \"maskCondition\": false}, \"revealAfterSubmit\": false, "
								+ "\"reservationMinutes\": 5, \"seed\": 9"));
		assertThat(some.status()).as(some.text()).isEqualTo(201);
		assertThat(some.at("/blind/hideMetrics").asBoolean()).isTrue();
		assertThat(some.at("/blind/hideOtherLabels").asBoolean()).isFalse();
		assertThat(some.at("/blind/revealAfterSubmit").asBoolean()).isFalse();
		assertThat(some.at("/reservationMinutes").asInt()).isEqualTo(5);
		assertThat(some.at("/seed").asLong()).isEqualTo(9);
	}

	@Test
	void everyBadParameterIsA400NamingIt() throws Exception {
		long before = jdbc.sql("select count(*) from campaign").query(Long.class).single();
		assertRefused("{\"filter\": {}, \"ratersPerItem\": 1, \"raters\": [\"ann1\"]}", "name");
		assertRefused(body("{}", null, "\"ratersPerItem\": 0").replace("\"ratersPerItem\": 2, ", ""),
				"ratersPerItem must be between 1");
		assertRefused("{\"name\": \"x\", \"filter\": {}, \"ratersPerItem\": 1, \"raters\": []}", "raters");
		assertRefused("{\"name\": \"x\", \"filter\": {}, \"ratersPerItem\": 1, \"raters\": [\"nobody\"]}",
				"no account named nobody");
		assertRefused("{\"name\": \"x\", \"filter\": {}, \"ratersPerItem\": 3, \"raters\": [\"ann1\"]}",
				"only 1 raters");
		assertRefused(body("{\"split\": \"both\"}", null, null), "split must be train or deploy");
		assertRefused(body("{\"colour\": \"red\"}", null, null), "'colour' is not a filter");
		assertRefused(body("{\"sort\": \"run\"}", null, null), "'sort' is not a filter");
		assertRefused(body("{\"metric.nonsense\": \"true\"}", null, null), "no metric named 'nonsense'");
		assertRefused(body("{\"run\": \"no/such/run\"}", null, null), "selects no current transcripts");
		assertRefused(body("42", null, null), "filter must be an object");
		assertRefused(body("{}", "{\"size\": 0}", null), "sample.size must be at least 1");
		assertRefused(body("{}", null, "\"order\": \"sideways\""), "order must be random or run");
		assertRefused(body("{}", null, "\"reservationMinutes\": 0"), "reservationMinutes");
		assertRefused(body("{}", null, "\"blind\": \"yes\""), "blind must be");
		assertRefused(body("{}", null, "\"blind\": {\"hideEverything\": true}"), "hideEverything");
		assertRefused(body("{}", null, "\"blind\": {\"hideMetrics\": 1}"), "blind.hideMetrics");
		Reply notJson = post("/api/campaigns", "rita", "{name");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from campaign").query(Long.class).single()).isEqualTo(before);
	}

	void assertRefused(String body, String said) throws Exception {
		Reply r = post("/api/campaigns", "rita", body);
		assertThat(r.status()).as(body + " -> " + r.text()).isEqualTo(400);
		assertThat(r.at("/error").asString()).as(body).contains(said);
	}

	@Test
	void onlyResearchersAndAdminsCreateCampaigns() throws Exception {
		assertThat(post("/api/campaigns", "ann1", body("{}", null, null)).status()).isEqualTo(403);
		assertThat(post("/api/campaigns", "admin", body("{}", null, null)).status()).isEqualTo(201);
	}

	@Test
	void anAnnotatorListsAndOpensOnlyTheirOwnCampaigns() throws Exception {
		long theirs = post("/api/campaigns", "rita", body("{}", null, null)).at("/id").asLong();
		long other = post("/api/campaigns", "rita",
				"{\"name\": \"Other\", \"filter\": {}, \"ratersPerItem\": 1, \"raters\": [\"ann3\"]}")
			.at("/id")
			.asLong();
		Reply list = get("/api/campaigns", "ann1");
		Set<Long> ids = new HashSet<>();
		list.json().forEach(c -> ids.add(c.get("id").asLong()));
		assertThat(ids).contains(theirs).doesNotContain(other);
		list.json().forEach(c -> assertThat(c.get("raters").toString()).isEqualTo("[\"ann1\"]"));
		assertThat(get("/api/campaigns/" + other, "ann1").status()).isEqualTo(403);
		assertThat(get("/api/campaigns/" + other, "ann1").at("/error").asString()).contains("not a rater");
		assertThat(get("/api/campaigns/999999", "ann1").status()).isEqualTo(404);
		Reply researcher = get("/api/campaigns", "rita");
		assertThat(researcher.json().size()).isGreaterThan(list.json().size());

		Reply mine = get("/api/campaigns/" + theirs, "ann1");
		assertThat(mine.at("/raters").toString()).isEqualTo("[\"ann1\"]");
		assertThat(mine.at("/progress/raters").size()).isEqualTo(1);
		assertThat(mine.at("/progress/mine/state").asString()).isEqualTo("available");
		assertThat(mine.at("/progress/itemLabels").size()).isZero();
		assertThat(mine.at("/filter").isNull()).isTrue();
	}

	private List<Long> items(Reply campaign) {
		return jdbc.sql("select transcript_id from campaign_item where campaign_id = ? order by position")
			.param(campaign.at("/id").asLong())
			.query(Long.class)
			.list();
	}

}
