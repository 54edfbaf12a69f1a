package org.scratchpadlens.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/transcripts/{id}}: every field, and the 404 and 400 answers. */
@AppTest
class TranscriptApiTests extends FreshDatabase {

	static final String PASSWORD = "admin-test-password";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void transcripts() {
		TranscriptFixture.importInto(imports, jdbc, dir);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> get(long id) throws Exception {
		var result = mvc.get().uri("/api/transcripts/{id}", id).with(httpBasic("admin", PASSWORD)).exchange();
		assertThat(result).hasStatusOk().hasContentType("application/json");
		return JSON.readValue(result.getMvcResult().getResponse().getContentAsString(), Map.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void answersEveryFieldOfATranscript() throws Exception {
		long id = TranscriptFixture.id(jdbc, "train", "0.json");
		long first = TranscriptFixture.firstVersion(jdbc);
		long pair = TranscriptFixture.id(jdbc, "deploy", "0.json");
		long promptId = jdbc.sql("select system_prompt_id from transcript where id = ?")
			.param(id)
			.query(Long.class)
			.single();
		Map<String, Object> t = get(id);

		assertThat(t).containsOnlyKeys("id", "run", "setting", "variation", "model", "split", "queryIndex", "fileName",
				"version", "current", "currentId", "versions", "pairId", "systemPromptId", "hasOutput", "cutOff",
				"messages", "metrics", "metricsHidden");
		assertThat(t).containsEntry("id", (int) id)
			.containsEntry("run", TranscriptFixture.RUN)
			.containsEntry("setting", "unknown")
			.containsEntry("variation", "default")
			.containsEntry("model", null)
			.containsEntry("split", "train")
			.containsEntry("queryIndex", 0)
			.containsEntry("fileName", "0.json")
			.containsEntry("version", 2)
			.containsEntry("current", true)
			.containsEntry("currentId", (int) id)
			.containsEntry("pairId", (int) pair)
			.containsEntry("metricsHidden", false)
			.containsEntry("systemPromptId", (int) promptId)
			.containsEntry("hasOutput", true)
			.containsEntry("cutOff", false);

		List<Map<String, Object>> versions = (List<Map<String, Object>>) t.get("versions");
		assertThat(versions).extracting(v -> v.get("id")).containsExactly((int) first, (int) id);
		assertThat(versions).extracting(v -> v.get("version")).containsExactly(1, 2);
		assertThat(versions)
			.allSatisfy(v -> assertThat((String) v.get("importedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*"));

		List<Map<String, Object>> messages = (List<Map<String, Object>>) t.get("messages");
		assertThat(messages).extracting(m -> m.get("role"))
			.containsExactly("system", "user", "assistant", "user", "assistant");
		assertThat(messages).extracting(m -> m.get("ordinal")).containsExactly(0, 1, 2, 3, 4);
		assertThat(messages.get(0)).containsEntry("content", null)
			.containsEntry("systemPromptId", (int) promptId)
			.containsEntry("sections", List.of());
		Map<String, Object> input = messages.get(1);
		assertThat(input).containsEntry("systemPromptId", null);
		String content = (String) input.get("content");
		List<Map<String, Object>> sections = (List<Map<String, Object>>) input.get("sections");
		assertThat(sections).extracting(s -> s.get("kind")).containsExactly("INPUT", "is_free_tier_user", "user_input");
		assertThat(sections).extracting(s -> s.get("depth")).containsExactly(0, 1, 1);
		assertThat(sections).extracting(s -> s.get("ordinal")).containsExactly(0, 1, 2);
		assertThat(sections).allSatisfy(s -> {
			assertThat(s).containsOnlyKeys("ordinal", "kind", "depth", "start", "end", "closed", "text");
			assertThat(s.get("text")).isEqualTo(content.substring((int) s.get("start"), (int) s.get("end")));
			assertThat(s).containsEntry("closed", true);
		});
		assertThat(sections.get(1)).containsEntry("text", "True");
		assertThat(((String) sections.get(2).get("text")).strip()).isEqualTo("how to knead dough");
		List<Map<String, Object>> second = (List<Map<String, Object>>) messages.get(4).get("sections");
		assertThat(second).extracting(s -> s.get("kind"))
			.containsExactly("SCRATCHPAD_REASONING", "DRAFT_OUTPUT", "OUTPUT");
		assertThat(second).extracting(s -> s.get("depth")).containsExactly(0, 1, 0);
		assertThat(second.get(1)).containsEntry("text", "An answer.");

		Map<String, Map<String, Object>> metrics = (Map<String, Map<String, Object>>) t.get("metrics");
		assertThat(metrics).containsOnlyKeys("partial_scheme", "effective_scheme", "pm_score", "is_refusal_0_7",
				"made_compromise", "reasoning_says_probably_monitored", "awareness_not_used_for_training",
				"brand_new_metric");
		assertThat(metrics.get("partial_scheme"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("value", false, "type", "boolean", "raw", "\"False\""));
		assertThat(metrics.get("effective_scheme"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("value", false, "type", "boolean", "raw", "false"));
		assertThat(metrics.get("pm_score"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("value", -1.25, "type", "number", "raw", "-1.25"));
		assertThat(metrics.get("is_refusal_0_7")).containsEntry("value", null)
			.containsEntry("type", "missing")
			.containsEntry("raw", "\"FAILED TO PARSE\"");
		assertThat(metrics.get("reasoning_says_probably_monitored")).containsEntry("value", true);
		assertThat(metrics.get("brand_new_metric")).containsEntry("value", 3.5).containsEntry("type", "number");
	}

	@Test
	void anEarlierVersionNamesTheCurrentOne() throws Exception {
		long current = TranscriptFixture.id(jdbc, "train", "0.json");
		Map<String, Object> t = get(TranscriptFixture.firstVersion(jdbc));
		assertThat(t).containsEntry("version", 1)
			.containsEntry("current", false)
			.containsEntry("currentId", (int) current);
	}

	@Test
	void aTranscriptWithoutPairOrOutputSaysSo() throws Exception {
		Map<String, Object> t = get(TranscriptFixture.id(jdbc, "train", "1.json"));
		assertThat(t).containsEntry("pairId", null)
			.containsEntry("systemPromptId", null)
			.containsEntry("hasOutput", false)
			.containsEntry("cutOff", true)
			.containsEntry("queryIndex", 1);
		Map<String, Object> hostile = get(TranscriptFixture.id(jdbc, "train", TranscriptFixture.HOSTILE_FILE));
		assertThat(hostile).containsEntry("fileName", TranscriptFixture.HOSTILE_FILE).containsEntry("queryIndex", null);
	}

	@Test
	void anUnknownIdIsNotFound() {
		assertThat(mvc.get().uri("/api/transcripts/987654321").with(httpBasic("admin", PASSWORD))).hasStatus(404)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("There is no transcript 987654321.");
	}

	@Test
	void anIdThatIsNoNumberIsABadRequest() {
		assertThat(mvc.get().uri("/api/transcripts/abc").with(httpBasic("admin", PASSWORD))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("'abc' is not a valid");
	}

}
