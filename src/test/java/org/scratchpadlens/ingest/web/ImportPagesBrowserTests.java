package org.scratchpadlens.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.scratchpadlens.support.Browser;
import org.scratchpadlens.support.BrowserAvailable;
import org.scratchpadlens.support.OwnDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The import flow as a person does it, in real Chromium: log in, see the sample runs,
 * upload, watch, undo.
 */
@Tag("browser")
@ExtendWith(BrowserAvailable.class)
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "scratchpad.sample-data.enabled=true")
class ImportPagesBrowserTests extends OwnDatabase {

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	Browser browser;

	@BeforeEach
	void open() {
		browser = new Browser(port);
	}

	@AfterEach
	void close(org.junit.jupiter.api.TestInfo test) {
		// the last page each test saw, pass or fail, for a person to look at
		browser.screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
		browser.close();
	}

	@Test
	void aNewUserLogsInAndSeesTheSampleRuns() {
		browser.open("/");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/login");

		browser.logIn("admin", "admin-test-password");

		List<String> runs = browser.driver()
			.findElements(By.cssSelector("table.data tbody tr td:first-child code"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(runs).contains("animal_welfare/default", "animal_welfare_post_rl", "helpful_only/default",
				"helpful_only_post_rl");
		WebElement first = browser.driver().findElements(By.cssSelector("table.data tbody tr")).get(0);
		List<String> cells = first.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(cells.get(0)).as("the run, marked as sample data").isEqualTo("animal_welfare/default sample");
		assertThat(new Select(first.findElement(By.name("setting"))).getFirstSelectedOption().getText())
			.as("an admin sees the setting as a choice")
			.isEqualTo("animal_welfare");
		assertThat(cells.subList(2, 6)).containsExactly("default", "—", "10", "10");
		assertThat(browser.driver().findElement(By.cssSelector(".summary")).getText()).startsWith("80 transcripts")
			.contains("14 synthetic documents")
			.contains("3 prompt files");
		browser.screenshot("runs");

		new Select(first.findElement(By.name("setting"))).selectByValue("unknown");
		first.findElement(By.cssSelector("form.setting button")).click();

		assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText()).isEqualTo("Setting saved.");
		WebElement again = browser.driver().findElements(By.cssSelector("table.data tbody tr")).get(0);
		assertThat(new Select(again.findElement(By.name("setting"))).getFirstSelectedOption().getText())
			.isEqualTo("unknown");

		// the samples go in one action, after a question
		browser.driver().findElement(By.cssSelector("form.samples button")).click();
		browser.driver().switchTo().alert().accept();

		assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
			.startsWith("The sample data was removed: 80 transcript versions");
		assertThat(browser.driver().findElements(By.cssSelector("form.samples"))).isEmpty();
		assertThat(browser.driver().findElement(By.cssSelector(".lead")).getText()).startsWith("The store is empty.");
	}

	@Test
	void anUploadShowsProgressThenTheReportWithEveryRejectedFileAndCanBeUndone() throws Exception {
		Path good = TranscriptFiles.write(dir.resolve("5.json"),
				TranscriptFiles.transcript(true, "a pie recipe", null));
		Path bad = TranscriptFiles.write(dir.resolve("<img src=x onerror=alert(1)>.json"), "{\"messages\": [");
		browser.logIn("admin", "admin-test-password");
		browser.open("/imports/new");

		browser.driver().findElement(By.name("files")).sendKeys(good + "\n" + bad);
		browser.driver().findElement(By.name("run")).sendKeys("helpful_only/uploaded");
		browser.driver().findElement(By.cssSelector("select[name=split] option[value=train]")).click();
		browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();

		browser.waitUpTo(Duration.ofSeconds(30))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#progress .status"),
					"completed with rejections"));
		String page = browser.driver().findElement(By.id("progress")).getText();
		assertThat(page).contains("Transcripts new\n1");
		WebElement rejected = browser.driver().findElement(By.cssSelector("table.rejected tbody tr"));
		assertThat(rejected.getText()).startsWith("<img src=x onerror=alert(1)>.json").contains("truncated JSON");
		assertThat(rejected.findElements(By.tagName("img"))).as("file names are text, never markup").isEmpty();
		browser.screenshot("import-report");

		browser.driver().findElement(By.cssSelector("form.danger-zone button")).click();
		browser.driver().switchTo().alert().accept();

		assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText()).contains("was undone")
			.contains("removed 1 transcript version,");
		assertThat(browser.driver().findElement(By.cssSelector("table.data tbody tr")).getText())
			.as("the newest job stays listed, as undone")
			.contains("undone");
		browser.screenshot("imports-after-undo");
		browser.open("/");
		assertThat(browser.driver().getPageSource()).doesNotContain("helpful_only/uploaded");
		assertThat(Files.exists(good)).isTrue();
	}

}
