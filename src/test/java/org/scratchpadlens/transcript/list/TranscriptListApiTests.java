package org.scratchpadlens.transcript.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/transcripts}: every filter, sort, the cursor and every 400, on a store
 * whose counts are known ({@link ListData}).
 */
@AppTest
class TranscriptListApiTests extends FreshDatabase {

	static final String PASSWORD = "admin-test-password";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	static Path root;

	@BeforeEach
	void data() {
		if (jdbc.queryForObject("select count(*) from transcript", Integer.class) == 0) {
			ListData.importInto(imports, root);
		}
	}

	MvcTestResult get(String query) {
		return mvc.get().uri("/api/transcripts?" + query).with(httpBasic("admin", PASSWORD)).exchange();
	}

	JsonNode json(String query) {
		MvcTestResult result = get(query);
		assertThat(result).as(query).hasStatusOk();
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	List<String> keys(JsonNode reply) {
		List<String> keys = new ArrayList<>();
		reply.get("items")
			.forEach(i -> keys
				.add(i.get("run").asString() + "/" + i.get("split").asString() + "/" + i.get("queryIndex").asInt()));
		return keys;
	}

	@Test
	void withoutParametersListsEveryCurrentTranscriptInReadingOrder() {
		JsonNode reply = json("");
		assertThat(reply.get("total").asInt()).isEqualTo(18);
		assertThat(keys(reply))
			.startsWith("animal_welfare/default/train/0", "animal_welfare/default/train/1",
					"animal_welfare/default/train/2", "animal_welfare/default/deploy/0")
			.endsWith("helpful_only/default/deploy/5")
			.hasSize(18);
		assertThat(reply.get("next").isNull()).isTrue();
		JsonNode first = reply.get("items").get(0);
		assertThat(first.get("setting").asString()).isEqualTo("animal_welfare");
		assertThat(first.get("variation").asString()).isEqualTo("default");
		assertThat(first.get("id").asLong()).isPositive();
		assertThat(first.get("metrics").get("support_welfare_at_all").asBoolean()).isTrue();
		assertThat(first.get("metrics").has("is_refusal_0_7")).isTrue();
		assertThat(first.get("metrics").get("is_refusal_0_7").isNull()).as("FAILED TO PARSE is missing").isTrue();
	}

	@Test
	void theIssuesExampleFilter() {
		// helpful-only, default prompt, training, partial_scheme true but
		// effective_scheme false
		JsonNode reply = json("setting=helpful_only&run=helpful_only/default&variation=default&split=train"
				+ "&metric.partial_scheme=true&metric.effective_scheme=false");
		assertThat(keys(reply)).containsExactly("helpful_only/default/train/2", "helpful_only/default/train/4");
		assertThat(reply.get("total").asInt()).isEqualTo(2);
		assertThat(reply.get("items").get(0).get("metrics").get("partial_scheme").asBoolean()).isTrue();
		assertThat(reply.get("items").get(0).get("metrics").get("pm_score").asDouble()).isEqualTo(-0.5);
	}

	@Test
	void severalValuesOfOneParameterAreAlternatives() {
		assertThat(json("split=train&split=deploy").get("total").asInt()).isEqualTo(18);
		assertThat(json("run=helpful_only/default&metric.effective_scheme=true&metric.effective_scheme=missing")
			.get("total")
			.asInt()).isEqualTo(4);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			metric.pm_score.min=0                              | 4
			metric.pm_score.max=-0.5                           | 12
			metric.pm_score.min=-0.5&metric.pm_score.max=0.5   | 4
			metric.pm_score=missing                            | 2
			metric.is_refusal_0_7=missing                      | 18
			metric.is_refusal_0_7=true                         | 0
			run=no/such/run                                    | 0
			model=                                             | 18
			""")
	void numberRangesAndMissingValues(String query, int total) {
		assertThat(json(query).get("total").asInt()).as(query).isEqualTo(total);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			metric.no_such_metric=true              | no_such_metric
			metric.no_such_metric.min=1             | no_such_metric
			metric.partial_scheme=maybe             | metric.partial_scheme must be true, false or missing
			metric.partial_scheme.min=1             | 'partial_scheme' is a boolean metric
			metric.pm_score=true                    | 'pm_score' is a number metric
			metric.pm_score.min=abc                 | metric.pm_score.min must be a number
			metric.pm_score.min=2&metric.pm_score.max=1 | is greater than
			split=test                              | split must be train or deploy
			setting=cooking                         | setting must be
			size=0                                  | size must be between 1 and 500
			size=501                                | size must be between 1 and 500
			size=ten                                | size must be a whole number
			page=0                                  | page must be at least 1
			page=1&cursor=abc                       | either page or cursor
			cursor=not-a-cursor                     | cursor is not one this list gave out
			sort=no_such_metric                     | sort: there is no metric named 'no_such_metric'
			sort=random&seed=x                      | seed must be a whole number
			""")
	void aBadParameterIsA400NamingIt(String query, String message) {
		MvcTestResult result = get(query);
		assertThat(result).as(query).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.error").asString().contains(message);
	}

	@Test
	void sortsByAMetricEitherWayWithMissingValuesLast() {
		List<Double> up = new ArrayList<>();
		json("run=helpful_only/default&split=train&sort=pm_score").get("items")
			.forEach(
					i -> up.add(i.get("metrics").has("pm_score") ? i.get("metrics").get("pm_score").asDouble() : null));
		assertThat(up).containsExactly(-2.5, -1.5, -0.5, 0.5, 1.5, null);
		List<Double> down = new ArrayList<>();
		json("run=helpful_only/default&split=train&sort=-pm_score").get("items")
			.forEach(i -> down
				.add(i.get("metrics").has("pm_score") ? i.get("metrics").get("pm_score").asDouble() : null));
		assertThat(down).containsExactly(1.5, 0.5, -0.5, -1.5, -2.5, null);
		assertThat(keys(json("run=helpful_only/default&split=deploy&sort=-queryIndex"))).containsExactly(
				"helpful_only/default/deploy/5", "helpful_only/default/deploy/4", "helpful_only/default/deploy/3",
				"helpful_only/default/deploy/2", "helpful_only/default/deploy/1", "helpful_only/default/deploy/0");
		assertThat(keys(json("sort=-run")).get(0)).isEqualTo("helpful_only/default/deploy/5");
	}

	@Test
	void aRandomOrderIsTheSameForTheSameSeedAndAPermutation() {
		List<String> a = keys(json("sort=random&seed=7"));
		assertThat(keys(json("sort=random&seed=7"))).isEqualTo(a);
		assertThat(a).containsExactlyInAnyOrderElementsOf(keys(json("")));
		assertThat(keys(json("sort=random&seed=8"))).isNotEqualTo(a);
		assertThat(keys(json(""))).isNotEqualTo(a);
	}

	@Test
	void theCursorWalksTheWholeListOnceAndPagesAgree() {
		List<String> all = keys(json("sort=-pm_score"));
		List<String> walked = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode reply = json("sort=-pm_score&size=5" + (cursor == null ? "" : "&cursor=" + cursor));
			walked.addAll(keys(reply));
			cursor = reply.get("next").isNull() ? null : reply.get("next").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(walked).isEqualTo(all);
		assertThat(pages).isEqualTo(4);
		assertThat(keys(json("sort=-pm_score&size=5&page=4"))).isEqualTo(all.subList(15, 18));
		assertThat(json("sort=-pm_score&size=5&page=4").get("next").isNull()).isTrue();
		assertThat(keys(json("sort=-pm_score&size=5&page=9"))).isEmpty();
		// a cursor from one order is refused in another
		String first = json("sort=-pm_score&size=5").get("next").asString();
		assertThat(get("sort=pm_score&cursor=" + first)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("another order");
	}

	@Test
	void searchNeedsEveryWordAndQuotedPhrasesInOrder() {
		assertThat(keys(json("run=helpful_only/default&split=train&q=elephant")))
			.containsExactly("helpful_only/default/train/1", "helpful_only/default/train/2");
		assertThat(keys(json("run=helpful_only/default&split=train&q=PURPLE Elephant")))
			.containsExactly("helpful_only/default/train/1", "helpful_only/default/train/2");
		assertThat(keys(json("split=train&q=\"purple elephant\""))).containsExactly("helpful_only/default/train/1");
		assertThat(keys(json("split=train&q=\"elephant purple\""))).containsExactly("helpful_only/default/train/2");
		// phrases of common words (found through word pairs on PostgreSQL) still need
		// every word, in order, next to each other
		assertThat(keys(json("split=train&q=\"question 1 about a purple\"")))
			.containsExactly("helpful_only/default/train/1");
		assertThat(keys(json("split=train&q=\"about an elephant\""))).containsExactly("helpful_only/default/train/2");
		assertThat(json("split=train&q=\"about a elephant\"").get("total").asInt()).isZero();
		assertThat(json("split=train&q=\"a about\"").get("total").asInt()).isZero();
		assertThat(json("q=elephant zebra").get("total").asInt()).isZero();
		assertThat(json("q=hens").get("total").asInt()).isEqualTo(6);
		assertThat(json("q=\"\" -").get("total").asInt()).as("no words: no search").isEqualTo(18);
	}

	@Test
	void facetsCountEachValueAgainstTheOtherSelections() {
		MvcTestResult result = mvc.get()
			.uri("/api/transcripts/facets?split=train&metric.partial_scheme=true")
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(result).hasStatusOk();
		JsonNode facets = JSON.readTree(result.getResponse().getContentAsByteArray());
		Map<String, Integer> split = new java.util.TreeMap<>();
		facets.get("fields").forEach(f -> {
			if (f.get("field").asString().equals("split")) {
				f.get("values").forEach(v -> split.put(v.get("value").asString(), v.get("count").asInt()));
			}
		});
		// partial_scheme true: helpful-only 0, 2, 4 in each split
		assertThat(split).containsEntry("train", 3).containsEntry("deploy", 3);
		facets.get("metrics").forEach(m -> {
			if (m.get("name").asString().equals("partial_scheme")) {
				// train only: helpful-only 3 true, 3 false; animal welfare 3 false
				// ("False" in the template)
				assertThat(m.get("trueCount").asInt()).isEqualTo(3);
				assertThat(m.get("falseCount").asInt()).isEqualTo(6);
			}
			if (m.get("name").asString().equals("pm_score")) {
				assertThat(m.get("kind").asString()).isEqualTo("NUMBER");
				assertThat(m.get("min").asDouble()).isEqualTo(-2.5);
				assertThat(m.get("max").asDouble()).isEqualTo(1.5);
			}
		});
	}

}
