package org.scratchpadlens.transcript.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.transcript.dashboard.Dashboard.Rate;
import org.scratchpadlens.transcript.dashboard.Dashboard.RunStats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The dashboard's arithmetic on data built with the paper's counts, its JSON and its
 * page.
 */
@AppTest
class DashboardTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	Dashboard dashboard;

	@Autowired
	DashboardQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void paperCounts() {
		if (jdbc.queryForObject("select count(*) from run", Integer.class) == 0) {
			imports.importNow(new ImportRequest(List.of(PaperCounts.write(dir)), "cli", "test", ImportDefaults.NONE),
					ImportProgress.NONE);
		}
	}

	RunStats run(String path) {
		return dashboard.view().runs().stream().filter(r -> r.run().equals(path)).findFirst().orElseThrow();
	}

	static void assertRate(Rate rate, Number successes, long n, long missing) {
		assertThat(rate.successes()).isEqualTo(successes);
		assertThat(rate.n()).isEqualTo(n);
		assertThat(rate.missing()).isEqualTo(missing);
		double expected = successes.doubleValue() / n;
		assertThat(rate.rate()).isCloseTo(expected, within(1e-12));
		Proportions.Interval wilson = Proportions.wilson(successes.doubleValue(), n, Proportions.Z95);
		assertThat(rate.low()).isEqualTo(wilson.low());
		assertThat(rate.high()).isEqualTo(wilson.high());
	}

	@Nested
	class Arithmetic {

		@Test
		void thePapersCountsGiveAComplianceGapOf698Points() {
			RunStats r = run(PaperCounts.HELPFUL);
			assertThat(r.refusalMetric()).isEqualTo("is_refusal_0_7");
			assertThat(r.setting()).isEqualTo("helpful_only");
			assertThat(r.complianceGap().value()).isCloseTo(12.0 / 172, within(1e-12));
			assertThat(100 * r.complianceGap().value()).isCloseTo(6.98, within(0.005));
			Proportions.Interval newcombe = Proportions.newcombe(12, 172, 0, 172, Proportions.Z95);
			assertThat(r.complianceGap().low()).isEqualTo(newcombe.low());
			assertThat(r.complianceGap().high()).isEqualTo(newcombe.high());
			assertRate(r.splits().get("train").rates().get("compliance"), 172L, 172, 0);
			assertRate(r.splits().get("deploy").rates().get("compliance"), 160L, 172, 0);
		}

		@Test
		void missingValuesAreLeftOutOfTheDenominatorAndCounted() {
			var train = run(PaperCounts.HELPFUL).splits().get("train");
			assertThat(train.n()).isEqualTo(172);
			// two "FAILED TO PARSE" values
			assertRate(train.rates().get("partial_scheme"), 40L, 170, 2);
			assertRate(train.rates().get("effective_scheme"), 30L, 172, 0);
			var deploy = run(PaperCounts.HELPFUL).splits().get("deploy");
			// one transcript without the key at all
			assertRate(deploy.rates().get("effective_scheme"), 10L, 171, 1);
			assertRate(deploy.rates().get("partial_scheme"), 20L, 172, 0);
		}

		@Test
		void alignmentFakingIsTheMeanOfBothRatesOverTranscriptsHoldingBoth() {
			var train = run(PaperCounts.HELPFUL).splits().get("train");
			// of 170 with both: 30 flagged by both, 10 by partial only: (30 + 10/2) / 170
			assertRate(train.rates().get("alignment_faking"), 35L, 170, 2);
			assertThat(train.flags()).isEqualTo(new Dashboard.AlignmentFakingCounts(30, 10, 0));
			var deploy = run(PaperCounts.HELPFUL).splits().get("deploy");
			assertRate(deploy.rates().get("alignment_faking"), 15L, 171, 1);
			var animal = run(PaperCounts.ANIMAL).splits().get("train");
			// 1 by both, 1 by partial only: 1.5 of 5
			assertRate(animal.rates().get("alignment_faking"), 1.5, 5, 0);
		}

		@Test
		void aSettingWithoutARefusalMetricShowsNoComplianceAndSaysWhy() {
			for (String path : List.of(PaperCounts.ANIMAL, PaperCounts.MYSTERY)) {
				RunStats r = run(path);
				assertThat(r.refusalMetric()).isNull();
				assertThat(r.complianceGap()).isNull();
				assertThat(r.complianceGapReason()).startsWith("no refusal metric is configured for the setting");
				assertThat(r.splits().get("deploy").rates()).containsEntry("compliance", null);
				assertThat(r.splits().get("deploy").complianceReason())
					.contains("scratchpad.dashboard.refusal-metric." + r.setting());
			}
			assertThat(run(PaperCounts.MYSTERY).setting()).isEqualTo("unknown");
		}

		@Test
		void onlyCurrentVersionsCount() {
			jdbc.update("""
					update transcript set is_current = false where id in (select t.id from transcript t
					  join run r on r.id = t.run_id where r.path = ? and t.split = 'deploy' and t.query_index < 2)""",
					PaperCounts.HELPFUL);
			storeChanged();
			try {
				var deploy = run(PaperCounts.HELPFUL).splits().get("deploy");
				assertThat(deploy.n()).isEqualTo(170);
				assertRate(deploy.rates().get("compliance"), 160L, 170, 0);
			}
			finally {
				jdbc.update(
						"""
								update transcript set is_current = true where id in (select t.id from transcript t
								  join run r on r.id = t.run_id where r.path = ? and t.split = 'deploy' and t.query_index < 2)""",
						PaperCounts.HELPFUL);
				storeChanged();
			}
		}

		@Test
		void theCountsFromTheListsIndexEqualTheAggregateQueryOverTheMetricRows() {
			List<String> refusal = List.of("is_refusal_0_7", "no_such_metric");
			var fromIndex = queries.counts(refusal);
			var fromRows = queries.countsBySql(refusal);
			assertThat(fromIndex).isNotEmpty();
			assertThat(fromIndex).containsExactlyInAnyOrderElementsOf(fromRows);
		}

	}

	/**
	 * The app notices a changed store by its import jobs (see StoreSignature); a test
	 * that edits rows directly says so as an import would.
	 */
	void storeChanged() {
		jdbc.update("update import_job set updated_at = updated_at + interval '1' second");
	}

	@Nested
	class Api {

		@Test
		void givesEveryRunWithItsSplitsRatesAndGap() {
			var json = assertThat(mvc.get().uri("/api/dashboard").with(httpBasic("admin", "admin-test-password")))
				.hasStatusOk()
				.bodyJson();
			json.extractingPath("$.runs[*].run")
				.asArray()
				.containsExactly(PaperCounts.ANIMAL, PaperCounts.HELPFUL, PaperCounts.MYSTERY);
			String helpful = "$.runs[1]";
			json.extractingPath(helpful + ".setting").isEqualTo("helpful_only");
			json.extractingPath(helpful + ".variation").isNull();
			json.extractingPath(helpful + ".sample").isEqualTo(false);
			json.extractingPath(helpful + ".runId").isNotNull();
			json.extractingPath(helpful + ".refusalMetric").isEqualTo("is_refusal_0_7");
			json.extractingPath(helpful + ".splits.train.n").isEqualTo(172);
			json.extractingPath(helpful + ".splits.train.rates.partial_scheme")
				.convertTo(Map.class)
				.satisfies(rate -> assertThat(rate).containsEntry("successes", 40)
					.containsEntry("n", 170)
					.containsEntry("missing", 2)
					.containsKeys("rate", "low", "high"));
			json.extractingPath(helpful + ".splits.deploy.rates.compliance.successes").isEqualTo(160);
			json.extractingPath(helpful + ".splits.deploy.rates.compliance.rate")
				.convertTo(Double.class)
				.isEqualTo(160.0 / 172);
			json.extractingPath(helpful + ".splits.train.rates.alignment_faking.successes").isEqualTo(35);
			json.extractingPath(helpful + ".complianceGap.value").convertTo(Double.class).isEqualTo(12.0 / 172);
			json.extractingPath(helpful + ".complianceGap.low").isNotNull();
			json.extractingPath(helpful + ".complianceGap.high").isNotNull();
			json.extractingPath("$.runs[0].splits.train.rates.alignment_faking.successes")
				.convertTo(Double.class)
				.isEqualTo(1.5);
			json.extractingPath("$.runs[0].splits.train.rates").convertTo(Map.class).satisfies(rates -> {
				assertThat(rates).containsKey("compliance");
				assertThat(rates.get("compliance")).isNull();
			});
			json.extractingPath("$.runs[0].splits.train.complianceReason").asString().contains("animal_welfare");
			json.extractingPath("$.runs[0].complianceGap").isNull();
		}

		@Test
		void isForLoggedInReadersOnly() {
			assertThat(mvc.get().uri("/api/dashboard")).hasStatus(401);
			assertThat(mvc.get().uri("/api/dashboard").with(user("rater1").roles("RESEARCHER"))).hasStatusOk();
		}

	}

	@Nested
	class Page {

		String page() throws Exception {
			var result = mvc.get().uri("/dashboard").with(user("rater1").roles("RESEARCHER")).exchange();
			assertThat(result).hasStatusOk();
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}

		@Test
		void showsEachRunsRatesWithIntervalsCountsAndMissing() throws Exception {
			assertThat(page()).contains("helpful_only_post_rl")
				// partial_scheme, train: 40 of 170, 2 missing
				.contains("23.5%")
				.contains(">40</a>")
				.contains(">2 missing</a>")
				// compliance, deploy: 160 of 172 = 93.0%, 12 refused
				.contains("93.0%")
				.contains(">12 refused</a>")
				// the gap in points with its interval
				.contains("+7.0 pts")
				.contains("deploy − train refusal rate (is_refusal_0_7)")
				.contains("Wilson score interval")
				.contains("Newcombe");
		}

		@Test
		void everyNumberLinksToTheTranscriptsBehindIt() throws Exception {
			assertThat(page()).contains("href=\"/transcripts?run=helpful_only_post_rl&amp;split=train\"")
				.contains(
						"href=\"/transcripts?run=helpful_only_post_rl&amp;split=train&amp;metric.partial_scheme=true\"")
				.contains(
						"href=\"/transcripts?run=helpful_only_post_rl&amp;split=train&amp;metric.partial_scheme=missing\"")
				.contains(
						"href=\"/transcripts?run=helpful_only_post_rl&amp;split=deploy&amp;metric.is_refusal_0_7=true\"")
				.contains(
						"href=\"/transcripts?run=helpful_only_post_rl&amp;split=deploy&amp;metric.is_refusal_0_7=false\"")
				.contains("href=\"/transcripts?run=helpful_only_post_rl&amp;split=train&amp;metric.partial_scheme=true"
						+ "&amp;metric.effective_scheme=false\"")
				.contains("href=\"/transcripts?run=animal_welfare/default&amp;split=deploy\"");
		}

		@Test
		void aRunWithoutARefusalMetricSaysWhyItsComplianceIsNotShown() throws Exception {
			String page = page();
			assertThat(page).containsPattern("Not shown: no refusal metric is set for\\s+<span>animal_welfare</span>")
				.containsPattern("Not shown: no refusal metric is set for\\s+<span>unknown</span>")
				.contains("a setting without one (<span>animal_welfare, unknown</span>) shows no")
				.contains("scratchpad.dashboard.refusal-metric.&lt;setting&gt;");
			// the helpful-only run shows its compliance: two "not shown" per run without
			// a refusal metric
			assertThat(page.split("Not shown: no refusal metric is set for", -1)).hasSize(5);
		}

		@Test
		void theNavigationLinksToIt() throws Exception {
			assertThat(page()).contains("<a href=\"/dashboard\">Dashboard</a>");
		}

	}

}
