package org.scratchpadlens.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The prompt pages: the list per variation and run, one prompt, a diff and its download.
 */
@AppTest
class PromptPageTests extends FreshDatabase {

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

	@BeforeEach
	void prompts() {
		DocumentFixtures.importInto(imports, jdbc, dir);
		alpha = DocumentFixtures.promptId(jdbc, "prompt_alpha.txt");
		beta = DocumentFixtures.promptId(jdbc, "prompt_beta.txt");
	}

	MvcTestResult page(String uri, Object... vars) {
		return mvc.get().uri(uri, vars).with(user("rater1").roles("RESEARCHER")).exchange();
	}

	String html(String uri, Object... vars) {
		MvcTestResult result = page(uri, vars);
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	@Test
	void listsThePromptsPerPromptPerVariationAndPerRun() {
		String html = html("/prompts");
		assertThat(html).contains("4 distinct prompts")
			.contains("<h2 id=\"by-variation\">Prompt files by variation</h2>", "<h2 id=\"by-run\">Prompts by run</h2>")
			.containsPattern(
					"<th scope=\"row\" rowspan=\"1\">alpha</th>\\s*<td><code class=\"path\">prompt_alpha.txt</code></td>\\s*<td>prompt</td>\\s*<td><a href=\"/prompts/"
							+ alpha + "\">")
			.contains("helpful_only/<wbr>alpha_run")
			.containsPattern("<a href=\"/prompts/" + alpha + "\">#" + alpha + "</a>\\s*<span>\\(2\\)</span>")
			.contains("<span class=\"tag\">patch</span>")
			.contains("action=\"/prompts/diff\"");
	}

	@Test
	void aPromptShowsItsNumberedLinesWhereItIsUsedAndACompareChoice() {
		String html = html("/prompts/{id}", alpha);
		assertThat(html).contains("System prompt #" + alpha)
			.contains("<li>line 1</li>", "<li>line 20</li>")
			.contains("20 lines")
			.contains("prompt_alpha.txt")
			.contains("<code>helpful_only/alpha_run</code>")
			.contains("2 transcripts")
			.contains("<input type=\"hidden\" name=\"a\" value=\"" + alpha + "\">")
			.contains("<option value=\"" + beta + "\">#" + beta + " · prompt_beta.txt</option>")
			.doesNotContain("<option value=\"" + alpha + "\"");
	}

	@Test
	void aStoredPatchIsShownAsAPatch() {
		long gamma = DocumentFixtures.promptId(jdbc, "prompt_diff_gamma.patch");
		String html = html("/prompts/{id}", gamma);
		assertThat(html).contains("<h2>Patch</h2>")
			.contains("<li class=\"file\"><span>--- a/prompt_alpha.txt</span></li>")
			.contains("<li class=\"hunk\"><span>@@ -1,2 +1,2 @@</span></li>")
			// inside a hunk a line starting "---" is a removed line, not a header
			.contains(
					"<li class=\"removed\"><span class=\"visually-hidden\">removed: </span><span>--- a line that starts like a header</span></li>")
			.contains(
					"<li class=\"added\"><span class=\"visually-hidden\">added: </span><span>+++ and its replacement</span></li>")
			.contains("<li class=\"context\"><span> line 2</span></li>");
	}

	@Test
	void theDiffMarksRemovedAndAddedLinesWithMarkersAndOffersTheFile() {
		String html = html("/prompts/diff?a={a}&b={b}", alpha, beta);
		assertThat(html).contains("2 hunks, with 3 lines of context")
			.contains("<td colspan=\"4\">@@ -2,7 +2,7 @@</td>")
			.containsPattern("<tr class=\"removed\">\\s*<td class=\"ln\">5</td>\\s*<td class=\"ln\"></td>\\s*"
					+ "<td class=\"marker\"><span>-</span><span class=\"visually-hidden\">removed</span></td>\\s*"
					+ "<td class=\"text\"><del>line 5</del></td>")
			.containsPattern("<tr class=\"added\">\\s*<td class=\"ln\"></td>\\s*<td class=\"ln\">5</td>\\s*"
					+ "<td class=\"marker\"><span>\\+</span><span class=\"visually-hidden\">added</span></td>\\s*"
					+ "<td class=\"text\"><ins>line five</ins></td>")
			.contains("href=\"/prompts/diff.patch?a=" + alpha + "&amp;b=" + beta + "\"")
			.contains("href=\"/prompts/diff?a=" + beta + "&amp;b=" + alpha + "\">swap</a>");
		assertThat(html("/prompts/diff?a={a}&b={a}", alpha, alpha)).contains("The two prompts are the same")
			.doesNotContain("download as .patch");
	}

	@Test
	void thePatchDownloadIsPlainTextAsDiffUPrintsIt() {
		MvcTestResult result = page("/prompts/diff.patch?a={a}&b={b}", alpha, beta);
		assertThat(result).hasStatusOk().hasContentType("text/plain;charset=UTF-8");
		assertThat(result).headers()
			.hasValue("Content-Disposition", "attachment; filename=\"prompt-" + alpha + "-vs-" + beta + ".patch\"");
		assertThat(result).bodyText().isEqualTo(DocumentFixtures.ALPHA_TO_BETA);
	}

	@Test
	void markupInAPromptIsShownAsText() {
		long xss = DocumentFixtures.promptId(jdbc, "prompt_xss.txt");
		String html = html("/prompts/{id}", xss);
		assertThat(html).contains("<li>A prompt with &lt;script&gt;alert(1)&lt;/script&gt;</li>")
			.contains("<li>and &lt;img src=x onerror=alert(1)&gt; &amp; more.</li>")
			.doesNotContain("<script>alert", "<img src=x");
		assertThat(html("/prompts/diff?a={a}&b={b}", alpha, xss)).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert", "<img src=x");
		assertThat(html("/prompts")).doesNotContain("<script>alert", "<img src=x");
	}

	@Test
	void unknownAndMissingPromptsAre404And400Pages() {
		assertThat(page("/prompts/999999")).hasStatus(404);
		assertThat(page("/prompts/abc")).hasStatus(400);
		assertThat(page("/prompts/diff?a={a}&b=999999", alpha)).hasStatus(404);
		assertThat(page("/prompts/diff?a={a}", alpha)).hasStatus(400);
		assertThat(page("/prompts/diff?a=x&b=1")).hasStatus(400);
		assertThat(page("/prompts/diff.patch?a={a}&b=999999", alpha)).hasStatus(404);
		assertThat(page("/prompts/diff.patch?b=1")).hasStatus(400);
	}

}
