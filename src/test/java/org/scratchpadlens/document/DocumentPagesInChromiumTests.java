package org.scratchpadlens.document;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
 * The document and prompt pages in Chromium under their Content-Security-Policy:
 * filtering and searching with the address as the state (the back button works), a
 * document and a prompt whose text is markup that never runs, a diff of two prompts;
 * axe-core and no sideways scrolling at 1280 and 390 px.
 */
@BrowserTest
class DocumentPagesInChromiumTests extends FreshDatabase {

	@LocalServerPort
	int port;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	Browser browser;

	@BeforeEach
	void open() {
		if (jdbc.queryForObject("select count(*) from synthetic_document", Integer.class) == 0) {
			DocumentFixtures.importInto(imports, jdbc, dir);
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
	}

	@AfterEach
	void close(TestInfo test) {
		browser.screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
		browser.close();
	}

	String summary() {
		return browser.driver().findElement(By.cssSelector("p.summary")).getText();
	}

	void assertNothingRan() {
		assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
	}

	@Test
	void filtersAndSearchesTheDocumentListAndTheBackButtonUndoesEachStep() {
		browser.open("/documents");
		assertThat(summary()).startsWith("1–21 of 21 documents");

		browser.driver()
			.findElement(
					By.xpath("//aside//h2[text()='Setting']/following-sibling::ul//a[span[text()='helpful_only']]"))
			.click();
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("setting=helpful_only"));
		assertThat(summary()).startsWith("1–11 of 11 documents");

		WebElement search = browser.driver().findElement(By.id("doc-q"));
		search.sendKeys("\"free tier\"", Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q="));
		assertThat(browser.driver().getCurrentUrl()).contains("setting=helpful_only");
		assertThat(summary()).startsWith("1–2 of 2 documents");
		List<WebElement> hits = browser.driver().findElements(By.cssSelector("ol.doc-list mark"));
		assertThat(hits).isNotEmpty().allSatisfy(m -> assertThat(m.getText()).isEqualToIgnoringCase("free tier"));
		assertNothingRan();
		browser.screenshot("documents-search-desktop");

		browser.driver().navigate().back();
		browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("q="));
		assertThat(summary()).startsWith("1–11 of 11 documents");
		browser.driver().navigate().back();
		browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/documents"));
		assertThat(summary()).startsWith("1–21 of 21 documents");
	}

	@Test
	void aChosenFilterIsRemovedFromItsChipAndATypeIsFoundByTyping() {
		browser.open("/documents?setting=animal_welfare");
		assertThat(summary()).startsWith("1–9 of 9 documents");
		browser.driver().findElement(By.cssSelector("ul.chosen a")).click();
		browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/documents"));
		assertThat(summary()).startsWith("1–21 of 21 documents");

		WebElement type = browser.driver().findElement(By.id("type-pick"));
		type.sendKeys("opinion column", Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("type=opinion+column"));
		assertThat(browser.driver().findElements(By.cssSelector("ol.doc-list > li")))
			.allSatisfy(li -> assertThat(li.findElement(By.tagName("h3")).getText()).startsWith("opinion column"));
	}

	@Test
	void aDocumentWhoseTextIsMarkupShowsItAndRunsNothing() {
		browser.open("/documents?setting=animal_welfare");
		assertThat(browser.driver().findElement(By.cssSelector("ol.doc-list")).getText())
			.contains(DocumentFixtures.SCRIPT, DocumentFixtures.IMG);
		assertNothingRan();

		browser.driver()
			.findElement(By.xpath("//ol[@class='doc-list']//h3/a[contains(., '" + DocumentFixtures.SCRIPT + "')]"))
			.click();
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/documents/\\d+$"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith(DocumentFixtures.SCRIPT);
		assertThat(browser.driver().findElement(By.cssSelector(".doc-text")).getText()).isEqualTo("Before "
				+ DocumentFixtures.SCRIPT + " and " + DocumentFixtures.IMG + " after & more.\nA second line.");
		assertThat(browser.driver().findElement(By.cssSelector("dl.doc-metadata")).getText())
			.contains("<script>alert(2)</script>");
		assertThat(browser.driver().findElements(By.cssSelector("main script, main img"))).isEmpty();
		assertNothingRan();
		browser.screenshot("document-markup-desktop");
	}

	@Test
	void opensAPromptAndDiffsItAgainstAnother() {
		long alpha = DocumentFixtures.promptId(jdbc, "prompt_alpha.txt");
		long beta = DocumentFixtures.promptId(jdbc, "prompt_beta.txt");
		browser.open("/prompts");
		browser.driver()
			.findElement(By.xpath("//table[contains(@class,'prompt-table')]//a[text()='#" + alpha + "']"))
			.click();
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/prompts/" + alpha));
		assertThat(browser.driver().findElements(By.cssSelector("ol.lines li"))).hasSize(20);

		new Select(browser.driver().findElement(By.name("b"))).selectByValue(Long.toString(beta));
		browser.driver().findElement(By.cssSelector("form.compare button")).click();
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/prompts/diff"));
		// removed and added lines differ by their marker too, not by colour alone
		assertThat(browser.driver().findElements(By.cssSelector("tr.removed td.text"))).extracting(WebElement::getText)
			.containsExactly("line 5", "line 18");
		assertThat(browser.driver().findElements(By.cssSelector("tr.removed td.marker span:first-child")))
			.extracting(WebElement::getText)
			.containsExactly("-", "-");
		assertThat(browser.driver().findElements(By.cssSelector("tr.added td.text"))).extracting(WebElement::getText)
			.containsExactly("line five");
		assertThat(browser.driver().findElements(By.cssSelector("tr.added td.marker span:first-child")))
			.extracting(WebElement::getText)
			.containsExactly("+");
		assertThat(browser.driver().findElement(By.linkText("download as .patch")).getAttribute("href"))
			.endsWith("/prompts/diff.patch?a=" + alpha + "&b=" + beta);
		assertNothingRan();
		browser.screenshot("prompts-diff-desktop");
		PageChecks.phone(browser.driver(), 390, 844);
		browser.driver().navigate().refresh();
		browser.screenshot("prompts-diff-390px");
		PageChecks.desktop(browser.driver());
	}

	@Test
	void aPromptWhoseTextIsMarkupShowsItAndRunsNothing() {
		long xss = DocumentFixtures.promptId(jdbc, "prompt_xss.txt");
		browser.open("/prompts/" + xss);
		assertThat(browser.driver().findElement(By.cssSelector("ol.lines")).getText())
			.isEqualTo("A prompt with " + DocumentFixtures.SCRIPT + "\nand " + DocumentFixtures.IMG + " & more.");
		assertNothingRan();
		browser.open("/prompts/diff?a=" + DocumentFixtures.promptId(jdbc, "prompt_alpha.txt") + "&b=" + xss);
		assertThat(browser.driver().findElement(By.cssSelector("table.diff")).getText())
			.contains(DocumentFixtures.SCRIPT);
		assertNothingRan();
	}

	@Test
	void aBadParameterGetsAnErrorPageThatSaysWhich() {
		browser.open("/documents?size=0");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not a valid request");
		assertThat(browser.driver().findElement(By.cssSelector("main p")).getText())
			.isEqualTo("size must be a whole number from 1 to 500; '0' is not.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "documents", "documents-search", "document", "document-markup", "prompts", "prompt",
			"prompt-patch", "prompts-diff" })
	void everyPageIsAccessibleAndFitsAPhone(String name) {
		String path = switch (name) {
			case "documents" -> "/documents";
			case "documents-search" -> "/documents?setting=helpful_only&q=%22free+tier%22";
			case "document" -> "/documents/" + DocumentFixtures.documentId(jdbc, "CAMBRIDGE");
			case "document-markup" -> "/documents/" + DocumentFixtures.documentId(jdbc, "Before ");
			case "prompts" -> "/prompts";
			case "prompt" -> "/prompts/" + DocumentFixtures.promptId(jdbc, "prompt_default_with_examples.txt");
			case "prompt-patch" -> "/prompts/" + DocumentFixtures.promptId(jdbc, "prompt_diff_cut_examples.patch");
			case "prompts-diff" -> "/prompts/diff?a=" + DocumentFixtures.promptId(jdbc, "prompt_default.txt") + "&b="
					+ DocumentFixtures.promptId(jdbc, "prompt_default_with_examples.txt");
			default -> throw new IllegalArgumentException(name);
		};
		browser.open(path);
		assertThat(Axe.seriousViolations(browser.driver())).as(path).isEmpty();
		assertThat(PageChecks.sidewaysOverflow(browser.driver())).as(path).isLessThanOrEqualTo(0);
		browser.screenshot(name + "-desktop");
		PageChecks.phone(browser.driver(), 390, 844);
		browser.open(path);
		assertThat(Axe.seriousViolations(browser.driver())).as(path + " at 390 px").isEmpty();
		assertThat(PageChecks.sidewaysOverflow(browser.driver()))
			.as("%s wider than a 390 px phone: %s", path, PageChecks.widerThanTheViewport(browser.driver()))
			.isLessThanOrEqualTo(0);
		browser.screenshot(name + "-390px");
		PageChecks.desktop(browser.driver());
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
	}

}
