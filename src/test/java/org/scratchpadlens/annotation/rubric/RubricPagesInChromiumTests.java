package org.scratchpadlens.annotation.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import org.scratchpadlens.support.Axe;
import org.scratchpadlens.support.Browser;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.PageChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rubric pages in Chromium: an admin reads the current version, opens the editor with
 * the keyboard, gets every problem of an invalid definition named (and nothing saved),
 * fixes it and publishes a changed version with the keyboard alone; the new version is
 * shown and the earlier one stays readable. An annotator reads the rubric without the
 * editor's link. Every page at 1280 and 390 px: no policy violation, no sideways
 * scrolling, no serious axe finding.
 */
@BrowserTest
class RubricPagesInChromiumTests extends FreshDatabase {

	static final String PASSWORD = "rubric-password-1";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	Rubrics rubrics;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeEach
	void open() {
		if (!accounts.exists("rubric-reader")) {
			accounts.create("rubric-reader", PASSWORD, Role.ANNOTATOR);
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
	}

	@AfterEach
	void close() {
		browser.close();
	}

	int versionsStored() {
		return jdbc.sql("select count(*) from rubric_version").query(Integer.class).single();
	}

	void keys(CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	/** Presses Tab until the element matching {@code css} has the focus. */
	void tabTo(String css) {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		for (int i = 0; i < 100; i++) {
			if (Boolean.TRUE.equals(js.executeScript(
					"return document.activeElement !== null && document.activeElement.matches(arguments[0])", css))) {
				return;
			}
			keys(Keys.TAB);
		}
		throw new AssertionError("Tab never reached " + css);
	}

	/**
	 * Puts the caret over the first {@code "text"} (a JSON string, quotes excluded) in
	 * the definition, as a person finding it would, so that typing replaces it.
	 */
	void selectInDefinition(String text) {
		Object found = ((JavascriptExecutor) browser.driver()).executeScript("""
				var area = document.getElementById('definition');
				var at = area.value.indexOf('"' + arguments[0] + '"');
				if (at < 0) { return false; }
				area.focus();
				area.setSelectionRange(at + 1, at + 1 + arguments[0].length);
				return true;""", text);
		assertThat(found).as("\"" + text + "\" in the definition").isEqualTo(true);
	}

	void replaceInDefinition(String text, String typed) {
		selectInDefinition(text);
		keys(typed);
	}

	void checkPage(String name, String waitFor) {
		WebDriver d = browser.driver();
		assertThat(PageChecks.policyViolations(d)).as(name).isEmpty();
		assertThat(PageChecks.sidewaysOverflow(d)).as(name + " at 1280 px: " + PageChecks.widerThanTheViewport(d))
			.isZero();
		assertThat(Axe.seriousViolations(d)).as(name).isEmpty();
		browser.screenshot("rubric-" + name + "-desktop");
		PageChecks.phone(d, 390, 844);
		try {
			browser.waitUpTo(Duration.ofSeconds(10))
				.until(driver -> ((JavascriptExecutor) driver)
					.executeScript("return document.documentElement.clientWidth")
					.equals(390L));
			assertThat(PageChecks.sidewaysOverflow(d)).as(name + " at 390 px: " + PageChecks.widerThanTheViewport(d))
				.isZero();
			assertThat(Axe.seriousViolations(d)).as(name + " on a phone").isEmpty();
			browser.screenshot("rubric-" + name + "-phone");
		}
		finally {
			PageChecks.desktop(d);
		}
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(waitFor)));
	}

	@Test
	void anAdminPublishesAChangedVersionWithTheKeyboardAfterAnInvalidOneIsRefused() {
		int before = rubrics.currentVersion();
		int stored = versionsStored();
		WebDriver d = browser.driver();
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		browser.open("/rubric");
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Rubric, version " + before);
		assertThat(d.findElement(By.cssSelector("#q-goal_guarding h3")).getText()).startsWith("Goal guarding");
		checkPage("current", "main.rubric-page");

		// to the editor with the keyboard
		tabTo("a.button[href='/rubric/edit']");
		keys(Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("definition")));
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Publish a new rubric version");
		assertThat(d.findElement(By.id("definition")).getDomProperty("value"))
			.contains("\"version\" : " + (before + 1));
		checkPage("edit", "#definition");

		// two mistakes: both are named, nothing is saved, and what was typed stays
		replaceInDefinition("train", "nowhere");
		replaceInDefinition("yes-no", "maybe");
		tabTo("#changeNote");
		keys("first try");
		tabTo("main form button[type=submit]");
		keys(Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
		String problems = d.findElement(By.id("problems")).getText();
		assertThat(problems).contains("Nothing was published.")
			.contains("'scope' must be train, deploy or both, not 'nowhere'.")
			.contains("'type' must be yes-no, choice, scale or text, not 'maybe'.");
		assertThat(d.findElements(By.cssSelector("#problems li")).size()).isGreaterThanOrEqualTo(2);
		assertThat(d.findElement(By.id("definition")).getDomProperty("value")).contains("\"nowhere\"")
			.contains("\"maybe\"");
		assertThat(d.findElement(By.id("changeNote")).getDomProperty("value")).isEqualTo("first try");
		assertThat(versionsStored()).isEqualTo(stored);
		assertThat(rubrics.currentVersion()).isEqualTo(before);
		checkPage("edit-problems", "#problems");

		// fixed, one title reworded, published with Enter from the button
		replaceInDefinition("nowhere", "train");
		replaceInDefinition("maybe", "yes-no");
		replaceInDefinition("Goal guarding", "Goal protection");
		tabTo("#changeNote");
		// Tab into a text field selects what it holds: typing replaces it
		keys("goal guarding renamed");
		tabTo("main form button[type=submit]");
		keys(Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), "Rubric, version " + (before + 1)));
		assertThat(d.findElement(By.cssSelector("main .notice")).getText())
			.startsWith("Version " + (before + 1) + " is published");
		assertThat(d.findElement(By.cssSelector("#q-goal_guarding h3")).getText()).startsWith("Goal protection");
		assertThat(d.findElement(By.cssSelector(".summary")).getText()).contains("goal guarding renamed");
		assertThat(d.findElement(By.cssSelector("table.versions")).getText()).contains("version " + (before + 1))
			.contains("goal guarding renamed");
		assertThat(versionsStored()).isEqualTo(stored + 1);
		assertThat(rubrics.current().rubric().question("goal_guarding").orElseThrow().title())
			.isEqualTo("Goal protection");
		assertThat(rubrics.current().changeNote()).isEqualTo("goal guarding renamed");
		checkPage("published", "main.rubric-page");

		// the earlier version, from the list of versions
		d.findElement(By.cssSelector("table.versions a[href='/rubric/versions/" + before + "']")).click();
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), "Rubric, version " + before));
		assertThat(d.findElement(By.cssSelector("main .warning")).getText())
			.contains("The current one is version " + (before + 1) + ".");
		assertThat(d.findElement(By.cssSelector("#q-goal_guarding h3")).getText()).startsWith("Goal guarding");
		checkPage("earlier", "main.rubric-page");
	}

	@Test
	void anAnnotatorReadsTheRubricWithoutTheEditor() {
		WebDriver d = browser.driver();
		browser.logIn("rubric-reader", PASSWORD);
		browser.open("/rubric");
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Rubric, version " + rubrics.currentVersion());
		assertThat(d.findElements(By.cssSelector("a[href='/rubric/edit']"))).isEmpty();
		assertThat(d.findElement(By.cssSelector("#q-training_awareness .definition")).getText()).isNotBlank();
		checkPage("annotator", "main.rubric-page");
	}

}
