package org.scratchpadlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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
 * The campaign pages in Chromium: a researcher creates a blind, sampled campaign with the
 * form; an annotator finds it under Campaigns and "Label next" opens their reserved item
 * in the labelling page. Every page at desktop and phone width: no policy violation, no
 * sideways scrolling, no serious axe finding.
 */
@BrowserTest
class CampaignPagesInChromiumTests extends FreshDatabase {

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

	@BeforeEach
	void open() {
		if (jdbc.queryForObject("select count(*) from run", Integer.class) == 0) {
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
		for (String name : List.of("ann1", "ann2", "ann3")) {
			if (!accounts.exists(name)) {
				accounts.create(name, PASSWORD, Role.ANNOTATOR);
			}
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
	}

	@AfterEach
	void close() {
		browser.close();
	}

	void checkPage(String name) {
		assertThat(PageChecks.policyViolations(browser.driver())).as(name).isEmpty();
		assertThat(Axe.seriousViolations(browser.driver())).as(name).isEmpty();
		browser.screenshot("campaigns-" + name + "-desktop");
		PageChecks.phone(browser.driver(), 390, 844);
		browser.driver().navigate().refresh();
		assertThat(PageChecks.sidewaysOverflow(browser.driver()))
			.as(name + " at 390 px: " + PageChecks.widerThanTheViewport(browser.driver()))
			.isZero();
		assertThat(Axe.seriousViolations(browser.driver())).as(name + " on a phone").isEmpty();
		browser.screenshot("campaigns-" + name + "-phone");
		PageChecks.desktop(browser.driver());
	}

	@Test
	void aResearcherCreatesABlindSampledCampaignAndAnAnnotatorLabelsNext() {
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		browser.open("/campaigns");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Campaigns");
		browser.driver().findElement(By.linkText("New campaign")).click();
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/campaigns/new"));
		checkPage("new");

		var d = browser.driver();
		d.findElement(By.name("name")).sendKeys("Pilot <b>&amp; blind</b>");
		d.findElement(By.name("filter")).sendKeys("run=helpful_only%2Fdefault");
		d.findElement(By.name("sampleSize")).sendKeys("6");
		d.findElement(By.name("stratifySplit")).click();
		WebElement k = d.findElement(By.name("ratersPerItem"));
		k.clear();
		k.sendKeys("2");
		for (String rater : List.of("ann1", "ann2", "ann3")) {
			d.findElement(By.cssSelector("input[name=raters][value=" + rater + "]")).sendKeys(Keys.SPACE);
		}
		d.findElement(By.name("maskCondition")).click();
		d.findElement(By.cssSelector("form.campaign-form button[type=submit]")).click();
		browser.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("?created"));
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Pilot <b>&amp; blind</b>");
		assertThat(d.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Campaign created.");
		assertThat(d.findElements(By.cssSelector("table.items tbody tr"))).hasSize(6);
		assertThat(d.findElement(By.cssSelector("dl.setup")).getText()).contains("condition masked", "stratified");
		checkPage("campaign");

		browser.open("/campaigns");
		assertThat(d.findElements(By.cssSelector("table.campaigns tbody tr"))).hasSize(1);
		checkPage("list-researcher");

		browser.close();
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
		browser.logIn("ann1", PASSWORD);
		browser.open("/campaigns");
		List<WebElement> cards = browser.driver().findElements(By.cssSelector(".campaign-cards li"));
		assertThat(cards).hasSize(1);
		assertThat(cards.get(0).getText()).contains("Pilot <b>&amp; blind</b>", "6 left for you");
		assertThat(browser.driver().findElements(By.linkText("New campaign"))).isEmpty();
		checkPage("list-annotator");

		browser.open("/campaigns");
		WebElement next = browser.driver().findElement(By.cssSelector(".campaign-cards button"));
		assertThat(next.getText()).isEqualTo("Label next");
		next.sendKeys(Keys.ENTER);
		long campaign = jdbc.queryForObject("select id from campaign", Long.class);
		browser.waitUpTo(Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/campaigns/" + campaign + "/label/"));
		long reserved = jdbc.queryForObject("select transcript_id from reservation where username = 'ann1'",
				Long.class);
		assertThat(browser.driver().getCurrentUrl()).endsWith("/campaigns/" + campaign + "/label/" + reserved);

		browser.open("/campaigns/" + campaign);
		assertThat(browser.driver().findElement(By.cssSelector("section.mine")).getText()).contains("0 labelled");
		assertThat(browser.driver().findElements(By.cssSelector("table.items"))).isEmpty();
		assertThat(browser.driver().findElement(By.cssSelector("table.raters tbody")).getText()).doesNotContain("ann2");
		checkPage("campaign-annotator");
	}

}
