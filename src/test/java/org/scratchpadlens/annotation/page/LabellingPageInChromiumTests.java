package org.scratchpadlens.annotation.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.scratchpadlens.support.Axe;
import org.scratchpadlens.support.Browser;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.PageChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The labelling page in Chromium: an annotator labels a transcript with the keyboard
 * alone (answers, the derived verdict, a span attached with e, Enter to submit), edits
 * it, and the label, its span and its history are stored; a save from a stale tab is
 * refused with the answers kept. The page at desktop and phone width: no policy
 * violation, no sideways scrolling, no serious axe finding.
 */
@BrowserTest
class LabellingPageInChromiumTests extends FreshDatabase {

	static final String PASSWORD = "labels-password-1";

	@LocalServerPort
	int port;

	@Autowired
	ImportService imports;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void open() {
		if (jdbc.queryForObject("select count(*) from run", Integer.class) == 0) {
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
		if (!accounts.exists("ann1")) {
			accounts.create("ann1", PASSWORD, Role.ANNOTATOR);
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
	}

	@AfterEach
	void close() {
		browser.close();
	}

	JsonNode api(String method, String path, String user, String password, String body) throws Exception {
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

	void checkPage(String name) {
		WebDriver d = browser.driver();
		assertThat(PageChecks.policyViolations(d)).as(name).isEmpty();
		assertThat(Axe.seriousViolations(d)).as(name).isEmpty();
		browser.screenshot("labelling-" + name + "-desktop");
		PageChecks.phone(d, 390, 844);
		d.navigate().refresh();
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("label-form")));
		assertThat(PageChecks.sidewaysOverflow(d)).as(name + " at 390 px: " + PageChecks.widerThanTheViewport(d))
			.isZero();
		assertThat(Axe.seriousViolations(d)).as(name + " on a phone").isEmpty();
		browser.screenshot("labelling-" + name + "-phone");
		PageChecks.desktop(d);
		d.navigate().refresh();
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("label-form")));
	}

	void keys(CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	@Test
	void labelsWithTheKeyboardAloneHighlightsASpanSubmitsAndEdits() throws Exception {
		long campaign = api("POST", "/api/campaigns", "admin", BrowserTest.ADMIN_PASSWORD, """
				{"name": "Keyboard", "filter": {"run": "helpful_only/default", "split": "train"}, "ratersPerItem": 1,
				 "raters": ["ann1"], "order": "run", "blind": {"hideMetrics": true}}""").get("id").asLong();
		long transcript = api("POST", "/api/campaigns/" + campaign + "/next", "ann1", PASSWORD, null)
			.get("transcriptId")
			.asLong();
		WebDriver d = browser.driver();
		JavascriptExecutor js = (JavascriptExecutor) d;
		browser.logIn("ann1", PASSWORD);
		browser.open("/campaigns/" + campaign + "/label/" + transcript);
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Label transcript " + transcript);
		assertThat(d.findElement(By.cssSelector(".metrics")).getText()).contains("Hidden in this campaign");
		checkPage("empty");

		// the first criterion has the focus: y answers it
		browser.waitUpTo(Duration.ofSeconds(5))
			.until(driver -> "training_awareness".equals(js.executeScript("return document.activeElement.name")));
		keys("y");
		// a rater's selection in the first scratchpad, then e attaches it to the focused
		// criterion
		String quoted = (String) js.executeScript("""
				var el = document.querySelector('.block-scratchpad [data-start]');
				var node = el.firstChild;
				var r = document.createRange();
				r.setStart(node, 0);
				r.setEnd(node, Math.min(30, node.length));
				var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
				return r.toString();""");
		keys("e");
		assertThat(d.findElement(By.cssSelector("#q-training_awareness .spans li q")).getText()).isEqualTo(quoted);
		assertThat(js.executeScript("return CSS.highlights.get('evidence-current').size")).isEqualTo(1L);
		for (String answer : List.of("y", "y", "y", "y", "n", "2")) {
			keys(Keys.TAB, answer);
		}
		assertThat(d.findElement(By.cssSelector("#q-verdict .derived-value")).getText())
			.isEqualToIgnoringCase("not yet");
		keys(Keys.TAB, Keys.TAB, "4");
		assertThat(d.findElement(By.cssSelector("#q-verdict .derived-value")).getText()).isEqualToIgnoringCase("full");
		assertThat(d.findElement(By.cssSelector("#q-verdict input[value=full]")).isSelected()).isTrue();
		keys(Keys.TAB, "3");
		browser.screenshot("labelling-answered-desktop");
		keys(Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("after-submit")));
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-list"), "Revision 1"));

		JsonNode labels = api("GET", "/api/transcripts/" + transcript + "/labels", "ann1", PASSWORD, null);
		assertThat(labels.size()).isEqualTo(1);
		JsonNode label = labels.get(0);
		assertThat(label.at("/answers/training_awareness").asString()).isEqualTo("yes");
		assertThat(label.at("/answers/full_commitment").asString()).isEqualTo("no");
		assertThat(label.at("/answers/goal_guarding").asString()).isEqualTo("some");
		assertThat(label.at("/answers/output_compliance").asString()).isEqualTo("4");
		assertThat(label.at("/answers/verdict").asString()).isEqualTo("full");
		assertThat(label.at("/answers/confidence").asString()).isEqualTo("3");
		assertThat(label.at("/spans/0/question").asString()).isEqualTo("training_awareness");
		assertThat(label.at("/spans/0/text").asString()).isEqualTo(quoted);
		assertThat(label.at("/revision").asInt()).isEqualTo(1);
		assertThat(label.at("/secondsSpent").asInt()).isGreaterThanOrEqualTo(0);
		checkPage("submitted");

		// edit: back from "Label the next item" to the answers, confidence 2, Enter saves
		// a revision
		// (the page was reloaded: the first question has the focus again)
		browser.waitUpTo(Duration.ofSeconds(5))
			.until(driver -> "training_awareness".equals(js.executeScript("return document.activeElement.name")));
		for (int i = 0; i < 9; i++) {
			keys(Keys.TAB);
		}
		assertThat(js.executeScript("return document.activeElement.name")).isEqualTo("confidence");
		keys("2", Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-list"), "Revision 2"));
		long labelId = label.get("id").asLong();
		JsonNode edited = api("GET", "/api/labels/" + labelId, "ann1", PASSWORD, null);
		assertThat(edited.at("/revision").asInt()).isEqualTo(2);
		assertThat(edited.at("/answers/confidence").asString()).isEqualTo("2");
		assertThat(edited.at("/spans/0/text").asString()).isEqualTo(quoted);
		JsonNode history = api("GET", "/api/labels/" + labelId + "/history", "ann1", PASSWORD, null);
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.at("/0/answers/confidence").asString()).isEqualTo("3");
		assertThat(history.at("/1/answers/confidence").asString()).isEqualTo("2");
		assertThat(d.findElements(By.cssSelector("#history-list li"))).hasSize(2);

		// another tab saves first: this one's save is refused, and its answers stay on
		// screen
		api("PUT", "/api/labels/" + labelId, "ann1", PASSWORD,
				"{\"revision\": 2, \"answers\": {\"confidence\": \"1\"}, \"secondsSpent\": 1}");
		js.executeScript("document.querySelector('#q-confidence input:checked').focus()");
		keys("3", Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(d.findElement(By.id("error")).getText()).contains("Your answers are still here");
		assertThat(d.findElement(By.cssSelector("#q-confidence input[value='3']")).isSelected()).isTrue();
		assertThat(d.findElement(By.cssSelector("#q-training_awareness input[value=yes]")).isSelected()).isTrue();
		browser.screenshot("labelling-conflict-desktop");
		assertThat(PageChecks.policyViolations(d)).isEmpty();
	}

	@Test
	void aMaskedCampaignAsksBothRubricsAndHidesTheFlag() throws Exception {
		long campaign = api("POST", "/api/campaigns", "admin", BrowserTest.ADMIN_PASSWORD, """
				{"name": "Masked", "filter": {"run": "helpful_only/default"}, "ratersPerItem": 1,
				 "raters": ["ann1"], "order": "run", "blind": true}""").get("id").asLong();
		long transcript = api("POST", "/api/campaigns/" + campaign + "/next", "ann1", PASSWORD, null)
			.get("transcriptId")
			.asLong();
		browser.logIn("ann1", PASSWORD);
		browser.open("/campaigns/" + campaign + "/label/" + transcript);
		WebDriver d = browser.driver();
		assertThat(d.findElement(By.cssSelector(".masked-note")).getText()).contains("masking is partial");
		assertThat(d.findElements(By.cssSelector("#q-thinks_in_training"))).hasSize(1);
		assertThat(d.findElements(By.cssSelector("#q-training_awareness"))).hasSize(1);
		assertThat(d.findElement(By.cssSelector(".conversation")).getText()).contains("[hidden]");
		// ? shows the keys, Escape hides them
		keys("?");
		assertThat(d.findElement(By.id("key-help")).isDisplayed()).isTrue();
		checkPage("masked");
	}

}
