package org.scratchpadlens.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchpadlens.document.DocumentFixtures.PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.file.Path;

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

/** {@code /api/prompts}: where each prompt is used, one prompt, and the diff of two. */
@AppTest
class PromptApiTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	long alpha;

	long beta;

	long gamma;

	@BeforeEach
	void prompts() {
		DocumentFixtures.importInto(imports, jdbc, dir);
		alpha = DocumentFixtures.promptId(jdbc, "prompt_alpha.txt");
		beta = DocumentFixtures.promptId(jdbc, "prompt_beta.txt");
		gamma = DocumentFixtures.promptId(jdbc, "prompt_diff_gamma.patch");
	}

	MvcTestResult get(String uri, Object... vars) {
		return mvc.get().uri(uri, vars).with(httpBasic("admin", PASSWORD)).exchange();
	}

	@Test
	void listsEveryPromptWithItsFilesAndTheRunsThatCarryIt() {
		MvcTestResult result = get("/api/prompts");
		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.prompts.length()").isEqualTo(4);
		String prompt = "$.prompts[?(@.id == %d)]".formatted(alpha);
		assertThat(result).bodyJson()
			.extractingPath(prompt + ".chars")
			.asArray()
			.containsExactly(DocumentFixtures.ALPHA.length());
		assertThat(result).bodyJson()
			.extractingPath(prompt + ".beginning")
			.asArray()
			.singleElement()
			.asString()
			.startsWith("line 1\nline 2\n");
		assertThat(result).bodyJson()
			.extractingPath(prompt + ".files[*].fileName")
			.asArray()
			.containsExactly("prompt_alpha.txt");
		assertThat(result).bodyJson()
			.extractingPath(prompt + ".runs[*].run")
			.asArray()
			.containsExactly("helpful_only/alpha_run");
		assertThat(result).bodyJson().extractingPath(prompt + ".runs[*].transcripts").asArray().containsExactly(2);
		// per variation: its files; per run: the prompts its transcripts carry
		assertThat(result).bodyJson()
			.extractingPath("$.variations[*].variation")
			.asArray()
			.containsExactly("alpha", "beta", "gamma", "xss");
		assertThat(result).bodyJson()
			.extractingPath("$.variations[?(@.variation == 'gamma')].files[0].kind")
			.asArray()
			.containsExactly("diff");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"runs": [{"run": "helpful_only/alpha_run", "variation": "alpha_run", "sample": false,
				           "prompts": [{"promptId": %d, "transcripts": 2}]}]}""".formatted(alpha));
	}

	@Test
	void onePromptWithItsTextAndUses() {
		assertThat(get("/api/prompts/{id}", alpha)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"id": %d, "chars": %d, "lines": 20, "patch": false, "content": %s,
							 "files": [{"variation": "alpha", "kind": "prompt", "fileName": "prompt_alpha.txt", "promptId": %d}],
							 "runs": [{"run": "helpful_only/alpha_run", "transcripts": 2}]}"""
						.formatted(alpha, DocumentFixtures.ALPHA.length(),
								tools.jackson.databind.json.JsonMapper.shared()
									.writeValueAsString(DocumentFixtures.ALPHA),
								alpha));
		assertThat(get("/api/prompts/{id}", gamma)).bodyJson().extractingPath("$.patch").isEqualTo(true);
	}

	@Test
	void theDiffOfAKnownPairIsWhatDiffUPrints() {
		MvcTestResult result = get("/api/prompts/diff?a={a}&b={b}", alpha, beta);
		assertThat(result).hasStatusOk()
			.bodyJson()
			.extractingPath("$.unified")
			.isEqualTo(DocumentFixtures.ALPHA_TO_BETA);
		assertThat(result).bodyJson()
			.isLenientlyEqualTo("""
					{"a": {"id": %d, "name": "a/prompt_alpha.txt"}, "b": {"id": %d, "name": "b/prompt_beta.txt"},
					 "identical": false, "context": 3,
					 "hunks": [
					   {"header": "@@ -2,7 +2,7 @@", "oldStart": 2, "oldLines": 7, "newStart": 2, "newLines": 7,
					    "lines": [
					      {"type": "context", "text": "line 2", "oldLine": 2, "newLine": 2},
					      {"type": "context", "text": "line 3", "oldLine": 3, "newLine": 3},
					      {"type": "context", "text": "line 4", "oldLine": 4, "newLine": 4},
					      {"type": "removed", "text": "line 5", "oldLine": 5, "newLine": null},
					      {"type": "added", "text": "line five", "oldLine": null, "newLine": 5},
					      {"type": "context", "text": "line 6", "oldLine": 6, "newLine": 6},
					      {"type": "context", "text": "line 7", "oldLine": 7, "newLine": 7},
					      {"type": "context", "text": "line 8", "oldLine": 8, "newLine": 8}]},
					   {"header": "@@ -15,6 +15,5 @@", "oldStart": 15, "oldLines": 6, "newStart": 15, "newLines": 5,
					    "lines": [
					      {"type": "context", "text": "line 15", "oldLine": 15, "newLine": 15},
					      {"type": "context", "text": "line 16", "oldLine": 16, "newLine": 16},
					      {"type": "context", "text": "line 17", "oldLine": 17, "newLine": 17},
					      {"type": "removed", "text": "line 18", "oldLine": 18, "newLine": null},
					      {"type": "context", "text": "line 19", "oldLine": 19, "newLine": 18},
					      {"type": "context", "text": "line 20", "oldLine": 20, "newLine": 19}]}]}""".formatted(alpha,
					beta));
	}

	@Test
	void aPromptAgainstItselfIsIdentical() {
		assertThat(get("/api/prompts/diff?a={a}&b={a}", alpha, alpha)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"identical\": true, \"unified\": \"\", \"hunks\": []}");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			/api/prompts/diff?b=1           | 400 | The parameter 'a' is missing; a whole number is expected.
			/api/prompts/diff?a=1           | 400 | The parameter 'b' is missing; a whole number is expected.
			/api/prompts/diff?a=x&b=1       | 400 | 'x' is not a valid value for a; a whole number is expected.
			/api/prompts/diff?a=1&b=1.5     | 400 | '1.5' is not a valid value for b; a whole number is expected.
			/api/prompts/abc                | 400 | 'abc' is not a valid prompt id; a whole number is expected.
			/api/prompts/999999             | 404 | There is no system prompt 999999.
			""")
	void badAndUnknownIdsAre400And404(String uri, int status, String error) {
		assertThat(get(uri)).hasStatus(status).bodyJson().isStrictlyEqualTo("{\"error\": \"" + error + "\"}");
	}

	@Test
	void aDiffWithAnUnknownPromptIsA404() {
		assertThat(get("/api/prompts/diff?a={a}&b=999999", alpha)).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"There is no system prompt 999999.\"}");
		assertThat(get("/api/prompts/diff?a=999998&b={b}", beta)).hasStatus(404);
	}

}
