package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.Browser;
import org.scratchpadlens.support.Axe;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.PageChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages in real Chromium under their Content-Security-Policy: nothing they need is
 * blocked, the runs page saves only when asked to, the upload page fits a phone, Swagger
 * UI works and its "Try it out" passes CSRF; and the cookies a real server sets.
 */
@BrowserTest
class PagesInChromiumTests extends FreshDatabase {

	static final String PASSWORD = "admin-test-password";

	@LocalServerPort
	int port;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeEach
	void open() {
		if (jdbc.queryForObject("select count(*) from run", Integer.class) == 0) {
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
	}

	@AfterEach
	void close(TestInfo test) {
		browser.screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
		browser.close();
	}

	String settingOf(String run) {
		return jdbc.queryForObject("select setting from run where path = ?", String.class, run);
	}

	List<WebElement> rows() {
		return browser.driver().findElements(By.cssSelector("table.runs tbody tr"));
	}

	@Test
	void theRunsPageSavesASettingOnlyWhenSaveIsPressedAndWorksFromTheKeyboard() {
		browser.logIn("admin", PASSWORD);
		String firstRun = rows().get(0).findElement(By.tagName("code")).getText();
		String secondRun = rows().get(1).findElement(By.tagName("code")).getText();
		String firstBefore = settingOf(firstRun);
		String secondBefore = settingOf(secondRun);

		// arrow keys on the first row's choice only move the choice
		WebElement firstChoice = rows().get(0).findElement(By.name("setting"));
		firstChoice.sendKeys(Keys.ARROW_DOWN);
		assertThat(new Select(firstChoice).getFirstSelectedOption().getText()).isNotEqualTo(firstBefore);

		// the second row: a choice by keyboard, then Tab to its Save button and Enter
		WebElement secondChoice = rows().get(1).findElement(By.name("setting"));
		secondChoice.sendKeys(Keys.ARROW_DOWN);
		String chosen = new Select(secondChoice).getFirstSelectedOption().getText();
		assertThat(chosen).isNotEqualTo(secondBefore);
		secondChoice.sendKeys(Keys.TAB);
		WebElement save = browser.driver().switchTo().activeElement();
		assertThat(save.getText()).isEqualTo("Save");
		assertThat(save.getAttribute("aria-label")).isEqualTo("Save the setting of " + secondRun);
		save.sendKeys(Keys.ENTER);

		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Setting saved."));
		assertThat(settingOf(secondRun)).isEqualTo(chosen);
		assertThat(settingOf(firstRun)).as("the first row was never saved").isEqualTo(firstBefore);
		assertThat(new Select(rows().get(0).findElement(By.name("setting"))).getFirstSelectedOption().getText())
			.isEqualTo(firstBefore);
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
		browser.screenshot("runs-saved");
		jdbc.update("update run set setting = ? where path = ?", secondBefore, secondRun);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/imports", "/imports/new", "/login?logout" })
	void everyPageHasNoSeriousAccessibilityViolations(String page) {
		browser.logIn("admin", PASSWORD);
		browser.open(page);
		assertThat(Axe.seriousViolations(browser.driver())).as(page).isEmpty();
		PageChecks.phone(browser.driver(), 390, 844);
		browser.open(page);
		assertThat(Axe.seriousViolations(browser.driver())).as(page + " at 390 px").isEmpty();
		PageChecks.desktop(browser.driver());
	}

	@Test
	void theUploadPageFitsAPhoneWithoutScrollingSideways() {
		browser.logIn("admin", PASSWORD);

		PageChecks.phone(browser.driver(), 390, 844);
		browser.open("/imports/new");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Upload files");
		assertThat(PageChecks.sidewaysOverflow(browser.driver()))
			.as("wider than a 390 px phone: %s", PageChecks.widerThanTheViewport(browser.driver()))
			.isLessThanOrEqualTo(0);
		browser.screenshot("upload-390px");

		PageChecks.desktop(browser.driver());
		browser.open("/imports/new");
		assertThat(PageChecks.sidewaysOverflow(browser.driver())).isLessThanOrEqualTo(0);
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
		browser.screenshot("upload-desktop");
	}

	@Test
	void theUndoButtonAsksFirstAndNothingHappensWhenTheAnswerIsNo() {
		long job = jdbc.queryForObject("select max(id) from import_job", Long.class);
		browser.logIn("admin", PASSWORD);
		browser.open("/imports/" + job);

		browser.driver().findElement(By.cssSelector("form.danger-zone button")).click();
		var question = browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText()).startsWith("Undo this import?");
		question.dismiss();

		assertThat(browser.driver().getCurrentUrl()).endsWith("/imports/" + job);
		assertThat(jdbc.queryForObject("select status from import_job where id = ?", String.class, job))
			.isNotEqualTo("undone");
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
	}

	@Test
	void swaggerUiWorksUnderItsPolicyAndTryItOutChangesASetting() {
		String run = "animal_welfare/default";
		long id = jdbc.queryForObject("select id from run where path = ?", Long.class, run);
		assertThat(settingOf(run)).isEqualTo("animal_welfare");
		browser.logIn("admin", PASSWORD);
		browser.open("/api/docs");

		WebElement operation = browser.waitUpTo(Duration.ofSeconds(20))
			.until(ExpectedConditions.elementToBeClickable(By.id("operations-Runs-setSetting")));
		assertThat(operation.getText()).contains("/api/runs/{id}/setting");
		operation.findElement(By.cssSelector(".opblock-summary")).click();
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Runs-setSetting .try-out__btn")))
			.click();
		operation.findElement(By.cssSelector("tr[data-param-name=id] input")).sendKeys(Long.toString(id));
		// the body is the documented example, {"setting": "helpful_only"}
		assertThat(operation.findElement(By.cssSelector("textarea.body-param__text")).getAttribute("value"))
			.contains("helpful_only");
		operation.findElement(By.cssSelector(".execute")).click();

		By status = By.cssSelector("#operations-Runs-setSetting .live-responses-table tbody .response-col_status");
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.textMatches(status, java.util.regex.Pattern.compile("\\d{3}")));
		assertThat(browser.driver().findElement(status).getText()).as("not 403: the CSRF token went along")
			.startsWith("204");
		assertThat(settingOf(run)).isEqualTo("helpful_only");
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
		browser.screenshot("swagger-ui-try-it-out");
		jdbc.update("update run set setting = 'animal_welfare' where id = ?", id);
	}

	@Test
	void theSessionAndCsrfCookiesAreSameSiteLax() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String csrfCookie = cookie(page, "XSRF-TOKEN");
		assertThat(csrfCookie).contains("SameSite=Lax").doesNotContain("HttpOnly");

		var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD + "&_csrf="
					+ URLEncoder.encode(ErrorResponseTests.csrfToken(page.body()), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(cookie(login, "JSESSIONID")).contains("SameSite=Lax").contains("HttpOnly");
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no " + name + " cookie in " + response.headers().allValues("Set-Cookie")));
	}

}
