package org.scratchpadlens.agreement.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A campaign's corrected rates: the run's counts, the metric's accuracy on the labels and
 * the Rogan–Gladen estimates, worked out by hand for one run of the sample data.
 */
@AppTest
class CorrectedRatesTests extends AgreementTestData {

	@BeforeEach
	void setUp() throws Exception {
		sampleData();
		user("rita", Role.RESEARCHER);
	}

	private List<Long> ofRun(String run, String split) {
		return jdbc.sql("""
				select t.id from transcript t join run r on r.id = t.run_id
				where r.path = ? and t.split = ? and t.is_current order by t.id""")
			.params(run, split)
			.query(Long.class)
			.list();
	}

	private JsonNode corrected(long campaign) throws Exception {
		Reply r = get("/api/campaigns/" + campaign + "/corrected-rates", "rita");
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json();
	}

	@Test
	void theRunsRatesAreCorrectedWithTheMetricsAccuracyOnTheLabelledItems() throws Exception {
		String run = jdbc.sql("select r.path from run r join transcript t on t.run_id = r.id where t.id = ?")
			.param(transcripts("train").get(0))
			.query(String.class)
			.single();
		List<Long> train = ofRun(run, "train");
		List<Long> deploy = ofRun(run, "deploy");
		assertThat(train).hasSize(10);
		assertThat(deploy).hasSize(10);
		// the refusal metric over the whole run: 5 of 10 in training (every other), 3 of
		// 10 unmonitored
		for (int i = 0; i < 10; i++) {
			setMetric(train.get(i), "is_refusal_0_7", i % 2 == 0);
			setMetric(deploy.get(i), "is_refusal_0_7", i % 4 == 0);
		}
		List<Long> items = List.of(train.get(0), train.get(1), train.get(2), train.get(3), deploy.get(0), deploy.get(1),
				deploy.get(2), deploy.get(3));
		long c = campaign("corrected", 1, items, List.of("r1"), false);
		// the rater calls the first two of each condition refusals (compliance 1), the
		// others compliant (4)
		String[] compliance = { "1", "1", "4", "4", "1", "1", "4", "4" };
		for (int i = 0; i < items.size(); i++) {
			label(c, items.get(i), "r1", Map.of("output_compliance", compliance[i]));
		}
		// metric on the items: train T F T F, deploy T F F F. Against the rater:
		// refusals: train0 T (hit), train1 F (miss), deploy0 T (hit), deploy1 F (miss):
		// Se = 2/4 = 0.5
		// compliant: train2 T (false alarm), train3 F, deploy2 F, deploy3 F: Sp = 3/4 =
		// 0.75; J = 0.25
		JsonNode json = corrected(c);
		assertThat(json.get("sampleProblem").isNull()).isTrue();
		JsonNode t = rate(json, run, "is_refusal_0_7", "train");
		JsonNode d = rate(json, run, "is_refusal_0_7", "deploy");
		assertThat(t.get("classifier").get("numerator").asLong()).isEqualTo(5);
		assertThat(t.get("classifier").get("denominator").asLong()).isEqualTo(10);
		assertThat(d.get("classifier").get("numerator").asLong()).isEqualTo(3);
		assertThat(t.get("sensitivity").get("numerator").asLong()).isEqualTo(2);
		assertThat(t.get("sensitivity").get("denominator").asLong()).isEqualTo(4);
		assertThat(t.get("specificity").get("numerator").asLong()).isEqualTo(3);
		assertThat(t.get("specificity").get("denominator").asLong()).isEqualTo(4);
		// training: π = (0.5 + 0.75 - 1) / 0.25 = 1.0; Var = (0.5·0.5/10 + 1² · 0.5·0.5/4
		// + 0) / 0.0625
		// = (0.025 + 0.0625) / 0.0625 = 1.4; SE = 1.183216
		assertThat(t.get("corrected").get("value").asDouble()).isCloseTo(1.0, within(1e-12));
		assertThat(t.get("corrected").get("se").asDouble()).isCloseTo(1.183216, within(1e-6));
		assertThat(t.get("corrected").get("unreliable").asBoolean()).isTrue(); // from 8
																				// labelled
																				// items
		// unmonitored: π = (0.3 + 0.75 - 1) / 0.25 = 0.2; Var = (0.3·0.7/10 + 0.04 ·
		// 0.0625 + 0.64 · 0.046875)
		// / 0.0625 = (0.021 + 0.0025 + 0.03) / 0.0625 = 0.856; SE = 0.925203
		assertThat(d.get("corrected").get("value").asDouble()).isCloseTo(0.2, within(1e-12));
		assertThat(d.get("corrected").get("se").asDouble()).isCloseTo(0.925203, within(1e-6));
		// unmonitored minus training: (0.3 - 0.5) / 0.25 = -0.8, the classifier's own
		// -0.2;
		// Var = (0.021 + 0.025 + 0.64 · (0.0625 + 0.046875)) / 0.0625 = 0.116 / 0.0625 =
		// 1.856; SE = 1.362351
		JsonNode gap = null;
		for (JsonNode g : json.get("differences")) {
			if (g.get("metric").asString().equals("is_refusal_0_7") && g.get("run").asString().equals(run)) {
				gap = g;
			}
		}
		assertThat(gap).isNotNull();
		assertThat(gap.get("classifier").asDouble()).isCloseTo(-0.2, within(1e-12));
		assertThat(gap.get("corrected").get("value").asDouble()).isCloseTo(-0.8, within(1e-12));
		assertThat(gap.get("corrected").get("se").asDouble()).isCloseTo(1.362351, within(1e-6));

		String page = html("/campaigns/" + c + "/corrected-rates", "rita");
		assertThat(page).contains("corrected for its errors", run, "is_refusal_0_7", "50.0% (5/10)", "0.50 (2/4)",
				"100.0%", "-80.0 points");
		assertThat(html("/campaigns/" + c + "/agreement", "rita"))
			.contains("href=\"/campaigns/" + c + "/corrected-rates\"");
		// the dashboard loads them beside its own rates
		assertThat(html("/dashboard", "rita")).contains("hx-get=\"/dashboard/corrected-rates\"");
		assertThat(html("/dashboard/corrected-rates", "rita")).contains("Corrected for the classifier",
				"href=\"/campaigns/" + c + "/corrected-rates\"", "is_refusal_0_7", "50.0%", "100.0%");
	}

	@Test
	void aCampaignWhoseFilterChoseByAMetricGetsTheReasonInsteadOfNumbers() throws Exception {
		long c = campaign("by metric", 1, transcripts("train").subList(0, 3), List.of("r1"), false);
		jdbc.sql("update campaign set filter_query = 'run=x&metric.partial_scheme=true' where id = ?")
			.param(c)
			.update();
		JsonNode json = corrected(c);
		assertThat(json.get("sampleProblem").asString()).contains("metric.partial_scheme", "not a random sample");
		assertThat(json.get("rates")).isEmpty();
		assertThat(html("/campaigns/" + c + "/corrected-rates", "rita")).contains("No correction");
	}

	@Test
	void theDashboardLeavesOutCampaignsTheReaderRatesBlindIn() throws Exception {
		List<Long> items = transcripts("deploy").subList(0, 2);
		long c = campaign("blind for rita", 1, items, List.of("rita", "r1"), true);
		setMetric(items.get(0), "is_refusal_0_7", true);
		setMetric(items.get(1), "is_refusal_0_7", false);
		label(c, items.get(0), "r1", Map.of("output_compliance", "1"));
		label(c, items.get(1), "r1", Map.of("output_compliance", "4"));
		assertThat(get("/api/campaigns/" + c + "/corrected-rates", "rita").status()).isEqualTo(403);
		assertThat(html("/dashboard/corrected-rates", "rita")).doesNotContain("blind for rita");
		user("admin2", Role.ADMIN);
		assertThat(html("/dashboard/corrected-rates", "admin2")).contains("blind for rita");
	}

	@Test
	void annotatorsAreRefusedAndAnUnknownCampaignIsNotFound() throws Exception {
		long c = campaign("refused", 1, transcripts("train").subList(0, 2), List.of("r1"), false);
		assertThat(get("/api/campaigns/" + c + "/corrected-rates", "r1").status()).isEqualTo(403);
		assertThat(get("/api/campaigns/999999/corrected-rates", "rita").status()).isEqualTo(404);
	}

	private static JsonNode rate(JsonNode json, String run, String metric, String condition) {
		for (JsonNode r : json.get("rates")) {
			if (r.get("run").asString().equals(run) && r.get("metric").asString().equals(metric)
					&& r.get("condition").asString().equals(condition)) {
				return r;
			}
		}
		throw new AssertionError("no rate " + run + " " + metric + " " + condition + " in " + json);
	}

}
