package org.scratchpadlens.transcript.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard in real Chromium under its Content-Security-Policy: both charts draw
 * (from the JSON API, with Chart.js from its webjar), nothing is blocked, axe finds
 * nothing serious, and a phone does not scroll sideways.
 */
@BrowserTest
class DashboardInChromiumTests extends FreshDatabase {

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
		if (jdbc.queryForObject("select count(*) from run", Integer.class) == 0) {
			imports.importNow(new ImportRequest(List.of(PaperCounts.write(dir)), "cli", "test", ImportDefaults.NONE),
					ImportProgress.NONE);
			// the sample runs too, as a first start shows them (tagged sample)
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
	}

	@AfterEach
	void close() {
		browser.close();
	}

	/** Waits until both canvases report the number of runs they drew. */
	void waitForCharts() {
		browser.waitUpTo(Duration.ofSeconds(20))
			.until(ExpectedConditions.attributeToBeNotEmpty(browser.driver().findElement(By.id("af-chart")),
					"data-drawn"));
		browser.waitUpTo(Duration.ofSeconds(20))
			.until(ExpectedConditions.attributeToBeNotEmpty(browser.driver().findElement(By.id("compliance-chart")),
					"data-drawn"));
	}

	boolean canvasHasInk(String id) {
		return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript("""
				const c = document.getElementById(arguments[0]);
				const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
				for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) return true; }
				return false;""", id);
	}

	@Test
	void bothChartsDrawUnderThePolicyAndThePageIsAccessibleAtDesktopWidth() {
		browser.open("/dashboard");
		waitForCharts();
		long runs = jdbc.queryForObject("select count(*) from run", Long.class);
		assertThat(browser.driver().findElement(By.id("af-chart")).getAttribute("data-drawn"))
			.isEqualTo(Long.toString(runs));
		// compliance: only the runs whose setting has a refusal metric (helpful-only)
		long helpful = jdbc.queryForObject("select count(*) from run where setting = 'helpful_only'", Long.class);
		assertThat(browser.driver().findElement(By.id("compliance-chart")).getAttribute("data-drawn"))
			.isEqualTo(Long.toString(helpful));
		assertThat(canvasHasInk("af-chart")).isTrue();
		assertThat(canvasHasInk("compliance-chart")).isTrue();
		assertThat(browser.driver().findElements(By.cssSelector(".chart-box .error"))).isEmpty();
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
		assertThat(Axe.seriousViolations(browser.driver())).isEmpty();
		assertThat(PageChecks.sidewaysOverflow(browser.driver())).isLessThanOrEqualTo(0);
		browser.screenshot("dashboard-desktop");
	}

	@Test
	void onAPhoneTheChartsStackAndThePageDoesNotScrollSideways() {
		PageChecks.phone(browser.driver(), 390, 844);
		browser.open("/dashboard");
		waitForCharts();
		assertThat(PageChecks.sidewaysOverflow(browser.driver()))
			.as("wider than a 390 px phone: %s", PageChecks.widerThanTheViewport(browser.driver()))
			.isLessThanOrEqualTo(0);
		assertThat(Axe.seriousViolations(browser.driver())).isEmpty();
		assertThat(PageChecks.policyViolations(browser.driver())).isEmpty();
		browser.screenshot("dashboard-390px");
		((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('table').scrollIntoView()");
		browser.screenshot("dashboard-390px-table");
		PageChecks.desktop(browser.driver());
	}

	@Test
	void theNumbersAreReachableFromTheKeyboardAndLeadToTheFilteredList() {
		browser.open("/dashboard");
		WebElement refused = browser.driver()
			.findElement(By.cssSelector("tbody[data-run='helpful_only_post_rl'] td.compliance a.refusals"));
		assertThat(refused.getText()).isIn("0 refused", "12 refused");
		assertThat(refused.getAttribute("href")).contains("/transcripts?run=helpful_only_post_rl&split=")
			.contains("&metric.is_refusal_0_7=true");
		// tab order reaches the table's links (nothing in the charts traps the focus)
		WebElement nav = browser.driver().findElement(By.cssSelector("nav a[href='/dashboard']"));
		assertThat(nav.getText()).isEqualTo("Dashboard");
		refused.sendKeys("");
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(refused);
	}

}
