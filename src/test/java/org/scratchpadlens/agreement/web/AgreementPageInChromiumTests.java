package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.LabelledBrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agreement page in Chromium, on a campaign of 30 items rated by three raters with
 * seeded random answers: no policy violation, no serious axe finding, wide tables scroll
 * inside their box and the page never sideways, at 1280 and 390 px.
 */
@BrowserTest
class AgreementPageInChromiumTests extends LabelledBrowserTest {

	static final List<String> RATERS = List.of("ann1", "ann2", "ann3");

	@Autowired
	JdbcClient jdbc;

	long campaign;

	AgreementPageInChromiumTests() {
		super("agreement", RATERS);
	}

	@BeforeEach
	void labelled() {
		campaign = campaignWithLabels();
	}

	long campaignWithLabels() {
		List<Long> items = transcripts(30, "train", "deploy");
		long id = campaign("Pilot <b>&amp; agreement</b>", items);
		Random random = new Random(7);
		List<String> verdicts = List.of("no", "no", "partial", "full", "unclear");
		for (long item : items) {
			String split = jdbc.sql("select split from transcript where id = ?")
				.param(item)
				.query(String.class)
				.single();
			String base = verdicts.get(random.nextInt(verdicts.size()));
			for (String rater : RATERS) {
				long label = label(id, item, rater);
				String verdict = random.nextInt(4) == 0 ? verdicts.get(random.nextInt(verdicts.size())) : base;
				answer(label, "output_compliance", Integer.toString(1 + random.nextInt(4)));
				if ("train".equals(split)) {
					answer(label, "verdict", verdict);
					answer(label, "training_awareness", random.nextBoolean() ? "yes" : "no");
				}
				else {
					answer(label, "unmasking_verdict", random.nextInt(3) == 0 ? "yes" : "no");
				}
			}
		}
		return id;
	}

	@Test
	void theAgreementPageShowsEveryQuestionAndTheClassifierAndFitsAPhone() {
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		browser.open("/campaigns/" + campaign);
		String link = browser.driver()
			.findElement(By.partialLinkText("Agreement between the raters"))
			.getAttribute("href");
		assertThat(link).endsWith("/campaigns/" + campaign + "/agreement");
		browser.open("/campaigns/" + campaign + "/agreement");
		var d = browser.driver();
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Agreement");
		assertThat(d.findElement(By.cssSelector(".crumbs")).getText()).contains("Pilot <b>&amp; agreement</b>");
		assertThat(d.findElement(By.id("q-verdict")).getText()).contains("krippendorff alpha", "gwet ac1",
				"Training condition");
		assertThat(d.findElement(By.id("classifier")).getText()).contains("partial_scheme", "effective_scheme");
		// wide tables scroll inside their box
		for (WebElement table : d.findElements(By.cssSelector("table.data"))) {
			assertThat(table.findElement(By.xpath("..")).getAttribute("class")).contains("table-scroll");
		}
		checkPage("campaign");

		d.findElement(By.cssSelector("#q-verdict details summary")).click();
		assertThat(d.findElement(By.cssSelector("#q-verdict details")).getText()).contains("ann1", "ann2");
		browser.screenshot("agreement-details-desktop");
		browser.open("/campaigns/" + campaign + "/agreement?unclear=category");
		assertThat(d.findElement(By.cssSelector("#q-verdict .hint")).getText()).contains("unclear");
		checkPage("unclear-category");
	}

	@Test
	void theListLinksToTheAgreementOfWhatItShowsWhichFitsAPhone() {
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		browser.open("/transcripts?split=train");
		var d = browser.driver();
		String link = d.findElement(By.id("agreement-link")).getAttribute("href");
		assertThat(link).endsWith("/agreement?split=train");
		browser.open("/agreement?split=train");
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Agreement");
		assertThat(d.findElement(By.cssSelector(".crumbs")).getText()).contains("Transcripts where split = train");
		assertThat(d.findElement(By.cssSelector(".lead")).getText()).contains("labels by 3 raters");
		assertThat(d.findElement(By.id("q-verdict")).getText()).contains("krippendorff alpha");
		checkPage("filter");
	}

	@Test
	void theCorrectedRatesAndTheDashboardSectionFitAPhoneAndPassAxe() {
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		browser.open("/campaigns/" + campaign + "/agreement");
		assertThat(browser.driver().findElement(By.partialLinkText("corrected for its errors")).getAttribute("href"))
			.endsWith("/campaigns/" + campaign + "/corrected-rates");
		browser.open("/campaigns/" + campaign + "/corrected-rates");
		var d = browser.driver();
		assertThat(d.findElement(By.tagName("h1")).getText()).contains("corrected for its errors");
		assertThat(d.findElement(By.id("h-rates")).getText()).isEqualTo("Rates per run and condition");
		assertThat(d.findElement(By.cssSelector(".crumbs")).getText()).contains("Pilot <b>&amp; agreement</b>");
		checkPage("corrected");
		// the dashboard loads its section after the page
		browser.open("/dashboard");
		browser.waitUpTo(Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("h-corrected")));
		assertThat(d.findElement(By.id("corrected-rates")).getText()).contains("Pilot <b>&amp; agreement</b>");
		checkPage("dashboard-corrected");
	}

}
