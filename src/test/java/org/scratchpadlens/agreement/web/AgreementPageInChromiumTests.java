package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agreement page in Chromium, on a campaign of 30 items rated by three raters with
 * seeded random answers: no policy violation, no serious axe finding, wide tables scroll
 * inside their box and the page never sideways, at 1280 and 390 px.
 */
@BrowserTest
class AgreementPageInChromiumTests extends FreshDatabase {

	static final String PASSWORD = "labels-password-1";

	static final List<String> RATERS = List.of("ann1", "ann2", "ann3");

	@LocalServerPort
	int port;

	@Autowired
	ImportService imports;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	long campaign;

	@BeforeEach
	void open() {
		if (jdbc.sql("select count(*) from run").query(Integer.class).single() == 0) {
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
		for (String name : RATERS) {
			if (!accounts.exists(name)) {
				accounts.create(name, PASSWORD, Role.ANNOTATOR);
			}
		}
		campaign = campaignWithLabels();
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
	}

	@AfterEach
	void close() {
		browser.close();
	}

	long campaignWithLabels() {
		List<Long> items = jdbc
			.sql("select id from transcript where is_current and (split = 'train' or split = 'deploy') order by id")
			.query(Long.class)
			.list()
			.subList(0, 30);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into campaign (name, created_by, created_at, rubric_version, raters_per_item, item_order,
				  order_seed, hide_metrics, hide_other_labels, mask_condition, reveal_after_submit,
				  reservation_seconds, filter_query, sample_json, matched_count, item_count)
				values ('Pilot <b>&amp; agreement</b>', 'admin', ?, 1, 3, 'run', 1, false, false, false, false, 1800,
				  '', null, 30, 30)""").param(now).update();
		long id = jdbc.sql("select max(id) from campaign").query(Long.class).single();
		RATERS.forEach(r -> jdbc.sql("insert into campaign_rater values (?, ?)").params(id, r).update());
		Random random = new Random(7);
		List<String> verdicts = List.of("no", "no", "partial", "full", "unclear");
		int position = 0;
		for (long item : items) {
			jdbc.sql("insert into campaign_item values (?, ?, ?, null, 3, true)").params(id, item, position++).update();
			String split = jdbc.sql("select split from transcript where id = ?")
				.param(item)
				.query(String.class)
				.single();
			String base = verdicts.get(random.nextInt(verdicts.size()));
			for (String rater : RATERS) {
				jdbc.sql("""
						insert into label (campaign_id, transcript_id, annotator, rubric_version, revision,
						  seconds_spent, created_at, updated_at) values (?, ?, ?, 1, 1, 30, ?, ?)""")
					.params(id, item, rater, now, now)
					.update();
				long label = jdbc.sql("select max(id) from label").query(Long.class).single();
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

	void answer(long label, String question, String answer) {
		jdbc.sql("insert into label_answer values (?, ?, ?)").params(label, question, answer).update();
	}

	void checkPage(String name) {
		assertThat(PageChecks.policyViolations(browser.driver())).as(name).isEmpty();
		assertThat(Axe.seriousViolations(browser.driver())).as(name).isEmpty();
		browser.screenshot("agreement-" + name + "-desktop");
		PageChecks.phone(browser.driver(), 390, 844);
		browser.driver().navigate().refresh();
		assertThat(PageChecks.sidewaysOverflow(browser.driver()))
			.as(name + " at 390 px: " + PageChecks.widerThanTheViewport(browser.driver()))
			.isZero();
		assertThat(Axe.seriousViolations(browser.driver())).as(name + " on a phone").isEmpty();
		browser.screenshot("agreement-" + name + "-phone");
		PageChecks.desktop(browser.driver());
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
