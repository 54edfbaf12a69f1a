package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.scratchpadlens.support.Axe;
import org.scratchpadlens.support.Browser;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.PageChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: an admin adds a person on the People page; the person logs in, lands where
 * annotators start, and changes their password on their account page, then logs in with
 * it. Every page on the way passes axe-core, breaks no Content-Security-Policy rule and
 * does not scroll sideways at 1280 or 390 px (screenshots under target/screenshots).
 */
@BrowserTest
class PeopleInChromiumTests extends FreshDatabase {

	@LocalServerPort
	int port;

	@Autowired
	PeopleService people;

	Browser browser;

	@BeforeEach
	void open() {
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
	}

	@AfterEach
	void close(TestInfo test) {
		browser.screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
		browser.close();
	}

	WebElement find(String css) {
		return browser.driver().findElement(By.cssSelector(css));
	}

	void waitFor(String css) {
		browser.waitUpTo(Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	@Test
	void anAdminAddsAPersonWhoLogsInAndChangesTheirPassword() {
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		find("header nav a[href='/users']").click();
		waitFor("form#add-person");
		checkPage("people");

		find("#add-person input[name=username]").sendKeys("ines.m");
		find("#add-person input[name=role][value=ANNOTATOR]").click();
		find("#add-person input[name=password]").sendKeys("initial passphrase", Keys.ENTER);
		waitFor("p.notice");
		assertThat(find("p.notice").getText()).startsWith("Added ines.m as annotator.");
		assertThat(find("table.people").getText()).contains("ines.m", "annotator", "never");
		browser.screenshot("people-added-desktop");

		find("table.people a[href='/users/ines.m']").click();
		waitFor("form#role-form");
		checkPage("person");
		// deactivation asks first; saying no changes nothing
		find("#deactivate-form button").click();
		browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		assertThat(browser.driver().switchTo().alert().getText()).startsWith("Deactivate ines.m?");
		browser.driver().switchTo().alert().dismiss();
		assertThat(people.get("ines.m").active()).isTrue();

		logOut();
		browser.logIn("ines.m", "initial passphrase");
		assertThat(browser.driver().getCurrentUrl()).as("an annotator starts at their campaigns")
			.endsWith("/campaigns");
		find("header a.who").click();
		waitFor("form#own-password");
		assertThat(find("header nav").getText()).doesNotContain("Runs", "Transcripts", "People");
		checkPage("own-password");

		find("#own-password input[name=currentPassword]").sendKeys("initial passphrase");
		find("#own-password input[name=newPassword]").sendKeys("my own passphrase");
		find("#own-password input[name=repeatPassword]").sendKeys("my own passphrase", Keys.ENTER);
		waitFor("p.notice");
		assertThat(find("p.notice").getText()).startsWith("Your password is changed.");
		assertThat(Axe.seriousViolations(browser.driver())).isEmpty();
		browser.screenshot("own-password-changed-desktop");

		logOut();
		browser.logIn("ines.m", "my own passphrase");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/campaigns");
		assertThat(people.get("ines.m").lastLoginAt()).isNotNull();
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
	}

	void logOut() {
		find("form.logout button").click();
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/login?logout"));
	}

	/**
	 * axe-core, no policy violations and no sideways scrolling, at 1280 and 390 px, with
	 * a screenshot of each.
	 */
	void checkPage(String name) {
		String path = browser.driver().getCurrentUrl();
		assertThat(Axe.seriousViolations(browser.driver())).as(path).isEmpty();
		assertThat(PageChecks.sidewaysOverflow(browser.driver())).as(path).isLessThanOrEqualTo(0);
		assertThat(PageChecks.policyViolations(browser.driver())).as(path).isEmpty();
		browser.screenshot(name + "-desktop");
		PageChecks.phone(browser.driver(), 390, 844);
		browser.driver().navigate().refresh();
		assertThat(Axe.seriousViolations(browser.driver())).as(path + " at 390 px").isEmpty();
		assertThat(PageChecks.sidewaysOverflow(browser.driver()))
			.as("%s wider than a 390 px phone: %s", path, PageChecks.widerThanTheViewport(browser.driver()))
			.isLessThanOrEqualTo(0);
		browser.screenshot(name + "-390px");
		PageChecks.desktop(browser.driver());
		browser.driver().navigate().refresh();
	}

}
