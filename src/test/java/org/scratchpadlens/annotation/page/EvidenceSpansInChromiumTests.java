package org.scratchpadlens.annotation.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.Browser;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.PageChecks;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence spans in a 300 KB scratchpad: a selection made with the Selection API near the
 * start and near the end of the block, attached with e, is listed and highlighted, and
 * the submitted label's spans have the right offsets into the message and the right
 * quoted text. The page measures itself ({@code performance.now()} from the key press to
 * the highlight listed and to the next frame drawn; navigation timing for the load) and
 * the test prints the figures: they go to docs/benchmarks.md
 * ({@code scripts/benchmark-spans.sh} runs this test with {@code -Dspans.rounds=N} for
 * more key presses). No timing is asserted.
 */
@BrowserTest
class EvidenceSpansInChromiumTests extends FreshDatabase {

	static final String PASSWORD = "spans-password-1";

	static final String RUN = "helpful_only/long_scratchpad";

	@LocalServerPort
	int port;

	@Autowired
	ImportService imports;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	Browser browser;

	final HttpClient http = HttpClient.newHttpClient();

	/**
	 * About 300,000 characters of numbered placeholder sentences (with '&' and
	 * paragraphs), so that every quoted piece is unique.
	 */
	static String longScratchpad() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; text.length() < 300_000; i++) {
			text.append("Sentence ")
				.append(i)
				.append(" weighs flour & water for loaf number ")
				.append(i * 7)
				.append(", then lets the dough rest.");
			text.append(i % 8 == 7 ? "\n\n" : " ");
		}
		return text.toString();
	}

	@BeforeEach
	void open() {
		String scratchpad = longScratchpad();
		String json = """
				{"messages": [
				  {"role": "user", "content": %s},
				  {"role": "assistant", "content": %s},
				  {"role": "user", "content": "<NEXT/>"},
				  {"role": "assistant", "content": "<OUTPUT>A short answer about bread.</OUTPUT>"}
				 ], "effective_scheme": false}
				""".formatted(TranscriptFiles.json(TranscriptFiles.userTurn(true, "how to bake bread")),
				TranscriptFiles.json("<SCRATCHPAD_REASONING>" + scratchpad + "</SCRATCHPAD_REASONING>"));
		TranscriptFiles.write(dir.resolve("json_outputs/" + RUN + "/train/0.json"), json);
		imports.importNow(new ImportRequest(List.of(dir.resolve("json_outputs")), "cli", "test", null),
				ImportProgress.NONE);
		if (!accounts.exists("ann-long")) {
			accounts.create("ann-long", PASSWORD, Role.ANNOTATOR);
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
	}

	@AfterEach
	void close() {
		browser.close();
	}

	JsonNode api(String method, String path, String body) throws Exception {
		boolean admin = path.equals("/api/campaigns");
		String user = admin ? "admin" : "ann-long";
		String password = admin ? BrowserTest.ADMIN_PASSWORD : PASSWORD;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
		return response.body().isBlank() ? null : JsonMapper.shared().readTree(response.body());
	}

	/**
	 * Selects [from, to) of the text of the first (or last) quotable text element of the
	 * first scratchpad, counted from its start (or, when negative, from its end), and
	 * returns the selected text with the element's data-start.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> select(boolean last, int from, int to) {
		return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
				var all = document.querySelectorAll('.block-scratchpad [data-start]');
				var el = arguments[0] ? all[all.length - 1] : all[0];
				var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
				var node = walker.nextNode();
				var from = arguments[1] < 0 ? node.length + arguments[1] : arguments[1];
				var to = arguments[2] < 0 ? node.length + arguments[2] : arguments[2];
				var r = document.createRange();
				r.setStart(node, from);
				r.setEnd(node, to);
				var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
				return { text: r.toString(), start: Number(el.dataset.start) + from, textLength: node.length,
				         message: Number(el.dataset.message) };""", last, from, to);
	}

	/**
	 * Arms the page's stopwatch: from the next keydown of e to the span listed (and the
	 * highlight registered, both in the same task) and to the frame after it.
	 */
	void armStopwatch() {
		((JavascriptExecutor) browser.driver()).executeScript("""
				window.__spanTiming = null;
				var list = document.querySelector('#q-training_awareness .spans');
				var t = {};
				window.addEventListener('keydown', function once(e) {
				  if (e.key !== 'e') { return; }
				  window.removeEventListener('keydown', once, true);
				  t.key = performance.now();
				  var seen = new MutationObserver(function () {
				    seen.disconnect();
				    t.listed = performance.now();
				    requestAnimationFrame(function () {
				      t.frame = performance.now();
				      setTimeout(function () { t.painted = performance.now(); window.__spanTiming = t; }, 0);
				    });
				  });
				  seen.observe(list, { childList: true });
				}, true);""");
	}

	@SuppressWarnings("unchecked")
	Map<String, Number> stopwatch() {
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(d -> ((JavascriptExecutor) d).executeScript("return window.__spanTiming") != null);
		return (Map<String, Number>) ((JavascriptExecutor) browser.driver())
			.executeScript("return window.__spanTiming");
	}

	void keys(CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	long highlighted() {
		return ((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return CSS.highlights.get('evidence-current').size")).longValue();
	}

	@Test
	void spansNearTheStartAndTheEndOfA300KbScratchpadGetTheirOffsetsAndTextRight() throws Exception {
		long campaign = api("POST", "/api/campaigns", """
				{"name": "Long scratchpad", "filter": {"run": "%s", "split": "train"}, "ratersPerItem": 1,
				 "raters": ["ann-long"], "order": "run"}""".formatted(RUN)).get("id").asLong();
		long transcript = api("POST", "/api/campaigns/" + campaign + "/next", null).get("transcriptId").asLong();
		int scratchpadChars = jdbc
			.sql("select max(end_offset - start_offset) from section where transcript_id = ? "
					+ "and kind = 'SCRATCHPAD_REASONING'")
			.param(transcript)
			.query(Integer.class)
			.single();
		assertThat(scratchpadChars).isGreaterThan(300_000);

		WebDriver d = browser.driver();
		JavascriptExecutor js = (JavascriptExecutor) d;
		browser.logIn("ann-long", PASSWORD);
		browser.open("/campaigns/" + campaign + "/label/" + transcript);
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(driver -> "training_awareness".equals(js.executeScript("return document.activeElement.name")));
		@SuppressWarnings("unchecked")
		Map<String, Number> load = (Map<String, Number>) js.executeScript(
				"""
						var n = performance.getEntriesByType('navigation')[0];
						var p = performance.getEntriesByType('paint').find(function (e) { return e.name === 'first-contentful-paint'; });
						return { bytes: n.transferSize, response: n.responseEnd - n.requestStart, domInteractive: n.domInteractive,
						         domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,
						         firstContentfulPaint: p ? p.startTime : -1 };""");
		keys("y");

		List<Map<String, Object>> selected = new ArrayList<>();
		List<Map<String, Number>> timings = new ArrayList<>();
		// near the start, then 60 characters ending 40 before the block's end
		for (boolean last : new boolean[] { false, true }) {
			Map<String, Object> s = last ? select(true, -100, -40) : select(false, 20, 95);
			armStopwatch();
			keys("e");
			timings.add(stopwatch());
			selected.add(s);
			assertThat(d.findElements(By.cssSelector("#q-training_awareness .spans li q"))).hasSize(selected.size());
			assertThat(highlighted()).isEqualTo(selected.size());
		}
		List<String> listed = d.findElements(By.cssSelector("#q-training_awareness .spans li q"))
			.stream()
			.map(e -> e.getDomProperty("textContent"))
			.toList();
		assertThat(listed).containsExactly((String) selected.get(0).get("text"), (String) selected.get(1).get("text"));
		// the highlight covers exactly the selected text
		assertThat(js.executeScript(
				"return Array.from(CSS.highlights.get('evidence-current')).map(function (r) { return r.toString(); })"))
			.isEqualTo(List.of(selected.get(0).get("text"), selected.get(1).get("text")));

		// more key presses for the benchmark (each near the end, at another place)
		int rounds = Integer.getInteger("spans.rounds", 0);
		for (int i = 0; i < rounds; i++) {
			select(true, -1000 - 300 * i, -950 - 300 * i);
			armStopwatch();
			keys("e");
			timings.add(stopwatch());
		}

		// Enter submits from the focused criterion: the stored spans are the selections
		js.executeScript("document.querySelector('#q-training_awareness input:checked').focus()");
		keys(Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("after-submit")));
		JsonNode label = api("GET", "/api/transcripts/" + transcript + "/labels", null).get(0);
		assertThat(label.get("spans").size()).isEqualTo(2 + rounds);
		for (int i = 0; i < 2; i++) {
			JsonNode span = label.get("spans").get(i);
			Map<String, Object> s = selected.get(i);
			int start = ((Number) s.get("start")).intValue();
			String text = (String) s.get("text");
			assertThat(span.get("question").asString()).isEqualTo("training_awareness");
			assertThat(span.get("messageOrdinal").asInt()).isEqualTo(((Number) s.get("message")).intValue());
			assertThat(span.get("start").asInt()).isEqualTo(start);
			assertThat(span.get("end").asInt()).isEqualTo(start + text.length());
			assertThat(span.get("text").asString()).isEqualTo(text);
			String content = jdbc.sql("select content from message where transcript_id = ? and ordinal = ?")
				.params(transcript, span.get("messageOrdinal").asInt())
				.query(String.class)
				.single();
			assertThat(content.substring(start, start + text.length())).isEqualTo(text);
		}
		int scratchpadEnd = jdbc
			.sql("select max(end_offset) from section where transcript_id = ? and kind = 'SCRATCHPAD_REASONING'")
			.param(transcript)
			.query(Integer.class)
			.single();
		assertThat(label.at("/spans/1/end").asInt()).as("the second span ends in the last 200 characters of the block")
			.isBetween(scratchpadEnd - 200, scratchpadEnd);
		assertThat(PageChecks.policyViolations(d)).isEmpty();
		browser.screenshot("labelling-long-scratchpad-desktop");

		System.out.printf(
				"spans benchmark: page %d bytes; response %.1f ms, DOM interactive %.1f ms, "
						+ "DOMContentLoaded %.1f ms, load %.1f ms, first contentful paint %.1f ms%n",
				load.get("bytes").longValue(), load.get("response").doubleValue(),
				load.get("domInteractive").doubleValue(), load.get("domContentLoaded").doubleValue(),
				load.get("load").doubleValue(), load.get("firstContentfulPaint").doubleValue());
		for (Map<String, Number> t : timings) {
			double key = t.get("key").doubleValue();
			System.out.printf(
					"spans benchmark: e -> listed and highlighted %.1f ms, -> next frame %.1f ms, "
							+ "-> after it %.1f ms%n",
					t.get("listed").doubleValue() - key, t.get("frame").doubleValue() - key,
					t.get("painted").doubleValue() - key);
		}
	}

}
