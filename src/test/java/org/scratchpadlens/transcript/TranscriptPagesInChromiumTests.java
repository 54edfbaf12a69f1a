package org.scratchpadlens.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.Axe;
import org.scratchpadlens.support.Browser;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.PageChecks;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transcript page in real Chromium under its Content-Security-Policy: the keys, the
 * pair and side-by-side view, hostile text shown and never run, a 300 KB scratchpad, and
 * accessibility at desktop and phone widths.
 */
@BrowserTest
class TranscriptPagesInChromiumTests extends FreshDatabase {

	static final String BIG_RUN = "big_run";

	@LocalServerPort
	int port;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	Browser browser;

	WebDriver driver;

	@BeforeEach
	void open() {
		TranscriptFixture.importInto(imports, jdbc, dir);
		if (jdbc.sql("select count(*) from run where path = ?").param(BIG_RUN).query(Long.class).single() == 0) {
			TranscriptFiles.write(dir.resolve("big/json_outputs/" + BIG_RUN + "/train/0.json"), bigTranscript());
			imports.importNow(
					new ImportRequest(List.of(dir.resolve("big/json_outputs")), "cli", "t", ImportDefaults.NONE),
					ImportProgress.NONE);
		}
		browser = new Browser(port);
		driver = browser.driver();
		PageChecks.recordPolicyViolations(driver);
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
	}

	@AfterEach
	void close(TestInfo test) {
		browser.screenshot("transcript-last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
		browser.close();
	}

	/**
	 * A transcript whose scratchpad is about 300 KB of prose full of '<', '>' and '&'.
	 */
	static String bigTranscript() {
		StringBuilder scratchpad = new StringBuilder();
		int line = 0;
		while (scratchpad.length() < 300_000) {
			scratchpad.append("Line ")
				.append(++line)
				.append(": if a < b && b > c then <maybe> the answer is <b>bold</b> & the loaf rises; ")
				.append("knead, rest, fold, shape, proof, bake.\n");
		}
		return """
				{"messages": [
				  {"role": "user", "content": %s},
				  {"role": "assistant", "content": %s}
				 ], "partial_scheme": false}
				""".formatted(TranscriptFiles.json(TranscriptFiles.userTurn(true, "a very long question")),
				TranscriptFiles.json("<SCRATCHPAD_REASONING>" + scratchpad
						+ "The end of the long scratchpad.</SCRATCHPAD_REASONING>\n<OUTPUT>Short.</OUTPUT>"));
	}

	long id(String split, String file) {
		return TranscriptFixture.id(jdbc, split, file);
	}

	String href(String id) {
		return driver.findElement(By.id(id)).getDomProperty("href");
	}

	void press(CharSequence key) {
		new Actions(driver).sendKeys(key).perform();
	}

	void waitForUrl(String url) {
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url));
	}

	@Test
	void theKeysWalkTheListTheyFollowThePairAndShowTheHelp() {
		long middle = id("train", "1.json");
		browser.open("/transcripts/" + middle + "?from=list");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Transcript 1.json");
		String next = href("next-link");
		String previous = href("prev-link");
		assertThat(next).endsWith("?from=list");

		press("j");
		waitForUrl(next);
		press("k");
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlToBe(next)));
		assertThat(driver.getCurrentUrl()).endsWith("/transcripts/" + middle + "?from=list");
		press("k");
		waitForUrl(previous);

		// the help: '?' shows it, Escape closes it, the button toggles it
		browser.open("/transcripts/" + id("train", "0.json"));
		assertThat(driver.findElement(By.id("key-help")).isDisplayed()).isFalse();
		press("?");
		browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("key-help")));
		assertThat(driver.findElement(By.id("key-help")).getText()).contains("next transcript in the list")
			.contains("the paired transcript");
		assertThat(driver.findElement(By.cssSelector(".help-toggle")).getDomAttribute("aria-expanded"))
			.isEqualTo("true");
		browser.screenshot("transcript-help");
		press(org.openqa.selenium.Keys.ESCAPE);
		browser.waitUpTo(Duration.ofSeconds(5))
			.until(ExpectedConditions.invisibilityOfElementLocated(By.id("key-help")));

		// keys typed into a field are not commands
		((JavascriptExecutor) driver).executeScript(
				"const i = document.createElement('input'); i.id = 'typing'; document.querySelector('main').prepend(i);");
		driver.findElement(By.id("typing")).sendKeys("p");
		assertThat(driver.getCurrentUrl()).endsWith("/transcripts/" + id("train", "0.json"));

		String pair = href("pair-link");
		driver.findElement(By.tagName("h1")).click();
		press("p");
		waitForUrl(pair);
		assertThat(driver.findElement(By.cssSelector(".block-input h3")).getText()).contains("unmonitored · paid tier");
		press("s");
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/side-by-side"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Same query, both conditions");
		assertThat(PageChecks.policyViolations(driver)).isEmpty();

		browser.open("/transcripts/987654321");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
		browser.open("/transcripts/abc");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not a valid request");
	}

	@Test
	void thePairLinkAndTheSideBySideViewWithTrainOnTheLeft() {
		long train = id("train", "0.json");
		browser.open("/transcripts/" + train);
		browser.screenshot("transcript-desktop");
		driver.findElement(By.id("pair-link")).click();
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.urlToBe(browserUrl("/transcripts/" + id("deploy", "0.json"))));
		driver.findElement(By.id("side-by-side-link")).click();
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/side-by-side"));
		var left = driver.findElement(By.cssSelector(".column-train"));
		var right = driver.findElement(By.cssSelector(".column-deploy"));
		assertThat(left.getText()).contains("train/0.json").contains("training · free tier");
		assertThat(right.getText()).contains("deploy/0.json").contains("unmonitored · paid tier");
		assertThat(left.getRect().getX()).isLessThan(right.getRect().getX());
		assertThat(left.getRect().getY()).isEqualTo(right.getRect().getY());
		browser.screenshot("transcript-side-by-side");

		PageChecks.phone(driver, 390, 844);
		driver.navigate().refresh();
		left = driver.findElement(By.cssSelector(".column-train"));
		right = driver.findElement(By.cssSelector(".column-deploy"));
		assertThat(left.getRect().getY()).as("stacked on a phone, train first").isLessThan(right.getRect().getY());
		assertThat(PageChecks.sidewaysOverflow(driver)).as("%s", PageChecks.widerThanTheViewport(driver))
			.isLessThanOrEqualTo(0);
		browser.screenshot("transcript-side-by-side-390px");
		PageChecks.desktop(driver);
		assertThat(PageChecks.policyViolations(driver)).isEmpty();
	}

	String browserUrl(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void hostileTextIsShownAsTextAndNothingRuns() {
		long id = id("train", TranscriptFixture.HOSTILE_FILE);
		for (String page : List.of("/transcripts/" + id, "/transcripts/" + id + "/side-by-side")) {
			browser.open(page);
			String text = driver.findElement(By.tagName("main")).getText();
			assertThat(text).contains("Say " + TranscriptFixture.SCRIPT + " and " + TranscriptFixture.IMG + " & more")
				.contains("Thinking " + TranscriptFixture.SCRIPT + " then " + TranscriptFixture.IMG)
				.contains("Out " + TranscriptFixture.SCRIPT + TranscriptFixture.IMG);
			assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
			assertThat(driver.findElements(By.tagName("img"))).isEmpty();
			assertThat(driver.findElements(By.cssSelector("main script")))
				.allSatisfy(s -> assertThat(s.getDomAttribute("src")).startsWith("/js/"));
			assertThat(PageChecks.policyViolations(driver)).as(page).isEmpty();
		}
		browser.open("/transcripts/" + id);
		assertThat(driver.findElement(By.tagName("h1")).getText())
			.isEqualTo("Transcript " + TranscriptFixture.HOSTILE_FILE);
		assertThat(driver.getTitle()).contains(TranscriptFixture.HOSTILE_FILE);
		browser.screenshot("transcript-hostile");
	}

	@Test
	void aScratchpadOf300KilobytesRendersAndThePageStaysResponsive() {
		long id = jdbc.sql("select t.id from transcript t join run r on r.id = t.run_id where r.path = ?")
			.param(BIG_RUN)
			.query(Long.class)
			.single();
		long start = System.nanoTime();
		browser.open("/transcripts/" + id);
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".block-output")));
		long loadedMillis = (System.nanoTime() - start) / 1_000_000;
		// interactive: a key works at once
		press("?");
		browser.waitUpTo(Duration.ofSeconds(2)).until(ExpectedConditions.visibilityOfElementLocated(By.id("key-help")));
		String scratchpad = (String) ((JavascriptExecutor) driver)
			.executeScript("return document.querySelector('.block-scratchpad .text').textContent");
		assertThat(scratchpad.length()).isGreaterThan(300_000);
		assertThat(scratchpad).startsWith("Line 1: if a < b && b > c then <maybe> the answer is <b>bold</b> & the")
			.endsWith("The end of the long scratchpad.");
		assertThat(driver.findElements(By.cssSelector(".block-scratchpad b"))).isEmpty();
		assertThat(loadedMillis).as("loaded and shown in %d ms", loadedMillis).isLessThan(8_000);
		PageChecks.phone(driver, 390, 844);
		driver.navigate().refresh();
		assertThat(PageChecks.sidewaysOverflow(driver)).isLessThanOrEqualTo(0);
		PageChecks.desktop(driver);
		assertThat(PageChecks.policyViolations(driver)).isEmpty();
	}

	@Test
	void noSeriousAccessibilityViolationsAndNoSidewaysScrollOnAPhone() throws IOException {
		long train = id("train", "0.json");
		for (String page : List.of("/transcripts/" + train, "/transcripts/" + train + "/side-by-side",
				"/transcripts/" + TranscriptFixture.firstVersion(jdbc), "/transcripts/" + id("train", "1.json"),
				"/transcripts/" + id("train", "2.json"), "/transcripts/" + id("deploy", "3.json"))) {
			browser.open(page);
			assertThat(Axe.seriousViolations(driver)).as(page).isEmpty();
			assertThat(PageChecks.sidewaysOverflow(driver)).as(page).isLessThanOrEqualTo(0);
			PageChecks.phone(driver, 390, 844);
			browser.open(page);
			assertThat(Axe.seriousViolations(driver)).as(page + " at 390 px").isEmpty();
			assertThat(PageChecks.sidewaysOverflow(driver))
				.as("%s at 390 px: %s", page, PageChecks.widerThanTheViewport(driver))
				.isLessThanOrEqualTo(0);
			PageChecks.desktop(driver);
		}
		PageChecks.phone(driver, 390, 844);
		browser.open("/transcripts/" + train);
		browser.screenshot("transcript-390px");
		PageChecks.desktop(driver);
		browser.open("/transcripts/" + TranscriptFixture.firstVersion(jdbc));
		Path shot = browser.screenshot("transcript-earlier-version");
		browser.open("/transcripts/" + train);
		shot = browser.screenshot("transcript");
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.copy(shot, Path.of("target", "screenshots", "transcript-for-docs.png"),
				StandardCopyOption.REPLACE_EXISTING);
		assertThat(PageChecks.policyViolations(driver)).isEmpty();
	}

}
