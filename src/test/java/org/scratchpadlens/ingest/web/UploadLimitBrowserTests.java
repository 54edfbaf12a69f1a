package org.scratchpadlens.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.scratchpadlens.support.Browser;
import org.scratchpadlens.support.BrowserAvailable;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An upload over the server's limit is refused with the limit and the command that has
 * none: in the page before sending, and by the server when the page's check is bypassed.
 */
@Tag("browser")
@ExtendWith(BrowserAvailable.class)
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.servlet.multipart.max-file-size=20KB", "spring.servlet.multipart.max-request-size=20KB" })
class UploadLimitBrowserTests extends FreshDatabase {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	Browser browser;

	Path large;

	@BeforeEach
	void open() throws Exception {
		browser = new Browser(port);
		browser.logIn("admin", "admin-test-password");
		large = TranscriptFiles.write(dir.resolve("7.json"),
				TranscriptFiles.transcript(true, "a long question ".repeat(4000), null));
		assertThat(Files.size(large)).isGreaterThan(20 * 1024);
		browser.open("/imports/new");
	}

	@AfterEach
	void close(TestInfo test) {
		browser.screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
		browser.close();
	}

	@Test
	void thePageSaysSoBeforeSendingAndDisablesTheButton() {
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("limited to 20 KB in all");
		WebElement warning = browser.driver().findElement(By.id("too-large"));
		assertThat(warning.isDisplayed()).isFalse();

		browser.driver().findElement(By.name("files")).sendKeys(large.toString());

		assertThat(warning.isDisplayed()).isTrue();
		assertThat(warning.getText()).contains("larger than this server's limit of 20 KB")
			.contains("java -jar target/scratchpad-lens.jar import PATH");
		assertThat(browser.driver().findElement(By.cssSelector("main form button[type=submit]")).isEnabled()).isFalse();
		browser.screenshot("upload-too-large");
	}

	@Test
	void theServerRefusesItWithTheSameMessageAndImportsNothing() {
		// a page without the script's check (an old tab, a script posting the form)
		((JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('upload').removeAttribute('data-max-bytes')");
		browser.driver().findElement(By.name("files")).sendKeys(large.toString());
		browser.driver().findElement(By.name("run")).sendKeys("helpful_only/uploaded");
		browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();

		WebElement error = browser.driver().findElement(By.cssSelector("p.error:not([hidden])"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Upload files");
		assertThat(error.getText()).contains("larger than this server's limit of 20 KB")
			.contains("nothing was imported");
		assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
		browser.screenshot("upload-refused-by-server");
	}

}
