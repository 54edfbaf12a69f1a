package org.scratchpadlens.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What scripts see of the store: runs with their counts, pairs, settings, import jobs,
 * the OpenAPI description.
 */
@AppTest
class RunApiTests extends FreshDatabase {

	static final String PASSWORD = "admin-test-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	RunQueries runs;

	@TempDir
	Path dir;

	@BeforeEach
	void sampleData() {
		if (runs.summaries().isEmpty()) {
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
	}

	long runId(String path) {
		return runs.summaries().stream().filter(r -> r.run().equals(path)).findFirst().orElseThrow().id();
	}

	@Test
	void listsEveryRunWithSettingVariationModelAndCountsPerSplit() {
		var json = assertThat(mvc.get().uri("/api/runs").with(httpBasic("admin", PASSWORD))).hasStatusOk().bodyJson();
		json.extractingPath("$[*].run")
			.asArray()
			.contains("animal_welfare/default", "animal_welfare_post_rl", "helpful_only/default",
					"helpful_only_post_rl");
		json.extractingPath("$[?(@.run == 'animal_welfare/default')]")
			.asArray()
			.singleElement()
			.satisfies(run -> assertThat(asMap(run)).containsEntry("run", "animal_welfare/default")
				.containsEntry("setting", "animal_welfare")
				.containsEntry("variation", "default")
				.containsEntry("model", null)
				.containsEntry("train", 10)
				.containsEntry("deploy", 10)
				.containsKey("id"));
		json.extractingPath("$[?(@.run == 'helpful_only_post_rl')]")
			.asArray()
			.singleElement()
			.satisfies(run -> assertThat(asMap(run)).containsEntry("setting", "helpful_only")
				.containsEntry("variation", null)
				.containsEntry("model", null)
				.containsEntry("train", 10)
				.containsEntry("deploy", 10));
	}

	@SuppressWarnings("unchecked")
	private static java.util.Map<String, Object> asMap(Object json) {
		return (java.util.Map<String, Object>) json;
	}

	@Test
	void pairsTrainAndDeployByQueryIndex() {
		assertThat(
				mvc.get().uri("/api/runs/{id}/pairs", runId("helpful_only/default")).with(httpBasic("admin", PASSWORD)))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"run": "helpful_only/default", "unpaired_train": 0, "unpaired_deploy": 0,
							 "pairs": [{"query_index": 0, "train_file": "0.json", "deploy_file": "0.json", "matched_by": "query_index"},
							           {"query_index": 1}, {"query_index": 2}, {"query_index": 3}, {"query_index": 4},
							           {"query_index": 5}, {"query_index": 6}, {"query_index": 7}, {"query_index": 8},
							           {"query_index": 9, "train_file": "9.json", "deploy_file": "9.json"}]}""");
	}

	@Test
	void fallsBackToIdenticalUserInputWhenFileNamesAreNotIndexes() {
		TranscriptFiles.write(dir.resolve("json_outputs/helpful_only/named/train/first.json"),
				TranscriptFiles.transcript(true, "the same question", null));
		TranscriptFiles.write(dir.resolve("json_outputs/helpful_only/named/deploy/second.json"),
				TranscriptFiles.transcript(false, "the same question", null));
		TranscriptFiles.write(dir.resolve("json_outputs/helpful_only/named/deploy/third.json"),
				TranscriptFiles.transcript(false, "another question", null));
		imports.importNow(new ImportRequest(List.of(dir.resolve("json_outputs")), "cli", "test", ImportDefaults.NONE),
				ImportProgress.NONE);

		assertThat(
				mvc.get().uri("/api/runs/{id}/pairs", runId("helpful_only/named")).with(httpBasic("admin", PASSWORD)))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"run": "helpful_only/named", "unpaired_train": 0, "unpaired_deploy": 1,
					 "pairs": [{"query_index": null, "train_file": "first.json", "deploy_file": "second.json",
					            "matched_by": "user_input"}]}""");
	}

	@Test
	void anAdminCorrectsARunsSettingAndABadValueIsRefused() {
		long id = runId("helpful_only_post_rl");

		assertThat(mvc.put()
			.uri("/api/runs/{id}/setting", id)
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"setting\": \"sideways\"}")).hasStatus(400).bodyText().contains("setting must be one of");
		assertThat(mvc.put()
			.uri("/api/runs/{id}/setting", id)
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"setting\": \"unknown\"}")).hasStatus(204);

		assertThat(runs.summaries()).filteredOn(r -> r.id() == id)
			.singleElement()
			.satisfies(r -> assertThat(r.setting()).isEqualTo("unknown"));
		runs.setSetting(id, "helpful_only");
	}

	@Test
	void countsWhatTheStoreHolds() {
		assertThat(mvc.get().uri("/api/runs/totals").with(httpBasic("admin", PASSWORD))).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.synthetic_documents").isEqualTo(14);
				assertThat(json).extractingPath("$.prompt_files").isEqualTo(3);
				assertThat(json).extractingPath("$.system_prompts").isEqualTo(4);
			});
	}

	@Test
	void unknownRunsAndJobsAreNotFound() {
		assertThat(mvc.get().uri("/api/runs/999999/pairs").with(httpBasic("admin", PASSWORD))).hasStatus(404)
			.bodyJson()
			.isEqualTo("{\"error\": \"There is no run 999999.\"}");
		assertThat(mvc.get().uri("/api/imports/999999").with(httpBasic("admin", PASSWORD))).hasStatus(404)
			.bodyJson()
			.isEqualTo("{\"error\": \"There is no import job 999999.\"}");
		assertThat(mvc.put()
			.uri("/api/runs/999999/setting")
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"setting\": \"unknown\"}")).hasStatus(404)
			.bodyJson()
			.isEqualTo("{\"error\": \"There is no run 999999.\"}");
	}

	@Test
	void anIdThatIsNotANumberIsExplained() {
		assertThat(mvc.get().uri("/api/imports/abc").with(httpBasic("admin", PASSWORD))).hasStatus(400)
			.bodyJson()
			.isEqualTo("{\"error\": \"'abc' is not a valid import id; a whole number is expected.\"}");
		assertThat(mvc.get().uri("/api/runs/abc/pairs").with(httpBasic("admin", PASSWORD))).hasStatus(400)
			.bodyJson()
			.isEqualTo("{\"error\": \"'abc' is not a valid run id; a whole number is expected.\"}");
		assertThat(mvc.get().uri("/api/imports/1/files?limit=ten").with(httpBasic("admin", PASSWORD))).hasStatus(400)
			.bodyJson()
			.isEqualTo("{\"error\": \"'ten' is not a valid value for limit; a whole number is expected.\"}");
	}

	@Test
	void aBodyThatIsNotJsonIsExplainedWithWhatIsExpected() {
		long id = runId("helpful_only_post_rl");
		var malformed = mvc.put()
			.uri("/api/runs/{id}/setting", id)
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"setting\": helpful_only");
		assertThat(malformed).hasStatus(400).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(malformed).bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("not valid JSON")
			.contains("{\"setting\": \"helpful_only\"}")
			.doesNotContain("Exception")
			.doesNotContain("tools.jackson");

		assertThat(mvc.put()
			.uri("/api/runs/{id}/setting", id)
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("no body")
			.contains("{\"setting\": \"helpful_only\"}");

		assertThat(mvc.put()
			.uri("/api/runs/{id}/setting", id)
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.content("helpful_only")).hasStatus(415)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("Content-Type: application/json");
	}

	@Test
	void anUnknownOutcomeListsTheKnownOnes() throws Exception {
		assertThat(mvc.get().uri("/api/imports/999999/files?outcome=lost").with(httpBasic("admin", PASSWORD)))
			.hasStatus(404);
		long job = com.jayway.jsonpath.JsonPath.<Integer>read(mvc.get()
			.uri("/api/imports")
			.with(httpBasic("admin", PASSWORD))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$[-1].id");
		assertThat(mvc.get().uri("/api/imports/{id}/files?outcome=lost", job).with(httpBasic("admin", PASSWORD)))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("'lost'")
			.contains("imported")
			.contains("prompt_unchanged");
	}

	@Test
	void listsImportJobsWithTheirCounts() {
		assertThat(mvc.get().uri("/api/imports").with(httpBasic("admin", PASSWORD))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[-1:].transcripts_imported")
			.asArray()
			.containsExactly(80);
	}

	@Test
	void listsWhatHappenedToEachFileOfAnImportAPageAtATime() throws Exception {
		long job = com.jayway.jsonpath.JsonPath.<Integer>read(mvc.get()
			.uri("/api/imports")
			.with(httpBasic("admin", PASSWORD))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$[-1].id");

		assertThat(mvc.get()
			.uri("/api/imports/{id}/files?outcome=imported&limit=5", job)
			.with(httpBasic("admin", PASSWORD))).hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.total").isEqualTo(80);
				assertThat(json).extractingPath("$.files.length()").isEqualTo(5);
				assertThat(json).extractingPath("$.files[0].outcome").isEqualTo("imported");
			});
		assertThat(mvc.get()
			.uri("/api/imports/{id}/files?outcome=prompt_imported", job)
			.with(httpBasic("admin", PASSWORD))).bodyJson().extractingPath("$.total").isEqualTo(3);
		assertThat(mvc.get().uri("/api/imports/{id}/files?limit=0", job).with(httpBasic("admin", PASSWORD)))
			.hasStatus(400);
	}

	@Test
	void describesTheApiAsOpenApi() {
		assertThat(mvc.get().uri("/api/openapi").with(httpBasic("admin", PASSWORD))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/runs", "/api/runs/{id}/pairs", "/api/imports", "/api/imports/{id}");
	}

}
