package org.scratchpadlens.transcript.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transcript list in Chromium: ticking filters narrows the list and puts the state in
 * the address (the back button returns), search highlights its words, markup in names and
 * text stays text, a saved view reopens; accessible and phone-sized.
 */
@BrowserTest
class TranscriptListBrowserTests extends FreshDatabase {

	@LocalServerPort
	int port;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	static Path root;

	Browser browser;

	@BeforeEach
	void open() {
		if (jdbc.queryForObject("select count(*) from transcript", Integer.class) == 0) {
			ListData.write(root);
			TranscriptFiles.write(root.resolve("json_outputs/<img src=x onerror=alert(1)>/train/0.json"),
					TranscriptFiles.transcript(true,
							"<script>alert(1)</script> <img src=x onerror=alert(1)> and a zebra", null));
			imports.importNow(new ImportRequest(List.of(root), "cli", "test", null), ImportProgress.NONE);
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
	}

	@AfterEach
	void close(TestInfo test) {
		browser.screenshot("list-last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
		browser.close();
	}

	String summary() {
		return browser.driver().findElement(By.id("result-count")).getText();
	}

	WebElement box(String name, String value) {
		return browser.driver().findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
	}

	@Test
	void tickingFiltersNarrowsTheListAndTheBackButtonReturns() {
		browser.open("/transcripts");
		assertThat(summary()).startsWith("19 transcripts");
		String before = browser.driver().getCurrentUrl();

		WebElement train = box("split", "train");
		train.click();
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("split=train"));
		assertThat(summary()).startsWith("10 transcripts");
		box("metric.partial_scheme", "true").click();
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("metric.partial_scheme=true"));
		assertThat(summary()).startsWith("3 transcripts");
		assertThat(box("split", "train").isSelected()).isTrue();
		browser.screenshot("list-filtered");

		browser.driver().navigate().back();
		browser.waitUpTo(Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("partial_scheme"));
		assertThat(summary()).startsWith("10 transcripts");
		browser.driver().navigate().back();
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(before));
		assertThat(summary()).startsWith("19 transcripts");
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
	}

	@Test
	void aRangeAndASortFromTheKeyboard() {
		browser.open("/transcripts?split=train");
		WebElement min = browser.driver().findElement(By.name("metric.pm_score.min"));
		min.sendKeys("0", Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("metric.pm_score.min=0"));
		assertThat(summary()).startsWith("2 transcripts");
		assertThat(browser.driver().getCurrentUrl()).as("empty boxes stay out of the address").doesNotContain(".max=");
		browser.driver().findElement(By.linkText("pm_score")).click();
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("sort=pm_score"));
		List<String> scores = browser.driver()
			.findElements(By.cssSelector("td[data-label=pm_score]"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(scores).containsExactly("0.5", "1.5");
	}

	@Test
	void searchHighlightsItsWordsAndMarkupStaysText() {
		browser.open("/transcripts");
		WebElement q = browser.driver().findElement(By.id("q"));
		q.sendKeys("zebra", Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("q=zebra"));
		assertThat(summary()).startsWith("1 transcript");
		assertThat(browser.driver().findElement(By.cssSelector("mark")).getText()).isEqualTo("zebra");
		String page = browser.driver().findElement(By.tagName("main")).getText();
		assertThat(page).contains("<script>alert(1)</script>").contains("<img src=x onerror=alert(1)>");
		assertThat(browser.driver().findElements(By.cssSelector("main img"))).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("main script:not([src])"))).isEmpty();
		assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
	}

	@Test
	void aSavedViewReopensItsFilter() {
		browser.open("/transcripts?run=helpful_only/default&split=deploy");
		browser.driver().findElement(By.id("view-name")).sendKeys("helpful unmonitored", Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(15))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved the view"));
		browser.open("/transcripts");
		browser.driver().findElement(By.linkText("helpful unmonitored")).click();
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("split=deploy"));
		assertThat(summary()).startsWith("6 transcripts");
	}

	@Test
	void accessibleAndPhoneSized() {
		for (String page : List.of("/transcripts", "/transcripts?split=train&metric.partial_scheme=true&q=elephant",
				"/transcripts?metric.nope=true")) {
			browser.open(page);
			assertThat(Axe.seriousViolations(browser.driver())).as(page).isEmpty();
			PageChecks.phone(browser.driver(), 390, 844);
			browser.open(page);
			assertThat(Axe.seriousViolations(browser.driver())).as(page + " at 390 px").isEmpty();
			assertThat(PageChecks.sidewaysOverflow(browser.driver()))
				.as("%s wider than a phone: %s", page, PageChecks.widerThanTheViewport(browser.driver()))
				.isLessThanOrEqualTo(0);
			PageChecks.desktop(browser.driver());
		}
		PageChecks.phone(browser.driver(), 390, 844);
		browser.open("/transcripts?q=elephant");
		assertThat(browser.driver().findElement(By.cssSelector("details.sidebar")).getAttribute("open"))
			.as("filters start folded on a phone")
			.isNull();
		browser.screenshot("list-390px");
		PageChecks.desktop(browser.driver());
		((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
		browser.open("/transcripts?q=elephant");
		browser.screenshot("list-desktop");
	}

}
