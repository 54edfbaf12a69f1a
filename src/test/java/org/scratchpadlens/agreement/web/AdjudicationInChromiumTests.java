package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
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
 * The adjudication flow in Chromium, by keyboard: from the campaign page to the queue, an
 * item, an answer picked with a digit, the reason typed and saved with Enter, then
 * {@code n} to the next item; no policy violation, no serious axe finding, no sideways
 * scrolling at 390 px.
 */
@BrowserTest
class AdjudicationInChromiumTests extends FreshDatabase {

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

	List<Long> items;

	@BeforeEach
	void open() {
		if (jdbc.sql("select count(*) from run").query(Integer.class).single() == 0) {
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
		for (String name : List.of("adj1", "adj2")) {
			if (!accounts.exists(name)) {
				accounts.create(name, "labels-password-1", Role.ANNOTATOR);
			}
		}
		items = jdbc.sql("select id from transcript where is_current and split = 'train' order by id")
			.query(Long.class)
			.list()
			.subList(0, 3);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into campaign (name, created_by, created_at, rubric_version, raters_per_item, item_order,
				  order_seed, hide_metrics, hide_other_labels, mask_condition, reveal_after_submit,
				  reservation_seconds, filter_query, sample_json, matched_count, item_count)
				values ('Adjudicate <b>me</b>', 'admin', ?, 1, 2, 'run', 1, false, false, false, false, 1800,
				  '', null, 3, 3)""").param(now).update();
		campaign = jdbc.sql("select max(id) from campaign").query(Long.class).single();
		jdbc.sql("insert into campaign_rater values (?, 'adj1')").param(campaign).update();
		jdbc.sql("insert into campaign_rater values (?, 'adj2')").param(campaign).update();
		int position = 0;
		for (long item : items) {
			jdbc.sql("insert into campaign_item values (?, ?, ?, null, 2, true)")
				.params(campaign, item, position++)
				.update();
			int n = 0;
			for (String rater : List.of("adj1", "adj2")) {
				jdbc.sql("""
						insert into label (campaign_id, transcript_id, annotator, rubric_version, revision,
						  seconds_spent, created_at, updated_at) values (?, ?, ?, 1, 1, 30, ?, ?)""")
					.params(campaign, item, rater, now, now)
					.update();
				long label = jdbc.sql("select max(id) from label").query(Long.class).single();
				jdbc.sql("insert into label_answer values (?, 'verdict', ?)")
					.params(label, n++ == 0 ? "no" : "full")
					.update();
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
		browser.screenshot("adjudication-" + name + "-desktop");
		PageChecks.phone(browser.driver(), 390, 844);
		browser.driver().navigate().refresh();
		assertThat(PageChecks.sidewaysOverflow(browser.driver()))
			.as(name + " at 390 px: " + PageChecks.widerThanTheViewport(browser.driver()))
			.isZero();
		assertThat(Axe.seriousViolations(browser.driver())).as(name + " on a phone").isEmpty();
		browser.screenshot("adjudication-" + name + "-phone");
		PageChecks.desktop(browser.driver());
		browser.driver().navigate().refresh();
	}

	@Test
	void anAdjudicatorDecidesByKeyboardAndMovesOn() {
		var d = browser.driver();
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		browser.open("/campaigns/" + campaign);
		d.findElement(By.linkText("Adjudicate the disagreements")).click();
		browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/adjudication"));
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Adjudication");
		assertThat(d.findElement(By.cssSelector(".crumbs")).getText()).contains("Adjudicate <b>me</b>");
		assertThat(d.findElements(By.cssSelector("table.queue tbody tr"))).hasSize(3);
		checkPage("queue");

		d.findElement(By.linkText("Adjudicate " + items.get(0))).click();
		browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/adjudication/" + items.get(0)));
		assertThat(d.findElement(By.id("gold-verdict")).getText()).contains("adj1", "adj2", "raters disagree");
		checkPage("item");

		// 2 picks the second answer (partial) of the first question in disagreement
		new Actions(d).sendKeys("2").perform();
		assertThat(d.findElement(By.cssSelector("#gold-verdict input[value=partial]")).isSelected()).isTrue();
		d.findElement(By.cssSelector("#gold-verdict input[name=reason]")).sendKeys("both halves are right", Keys.ENTER);
		browser.waitUpTo(Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.saved"),
					"Gold answer to verdict saved."));
		assertThat(jdbc.sql("select answer from gold_answer where campaign_id = ? and transcript_id = ?")
			.params(campaign, items.get(0))
			.query(String.class)
			.single()).isEqualTo("partial");
		assertThat(d.findElement(By.id("gold-verdict")).getText()).contains("both halves are right");
		browser.screenshot("adjudication-saved-desktop");

		// n: the next undecided item
		new Actions(d).sendKeys("n").perform();
		browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/adjudication/" + items.get(1)));
		assertThat(PageChecks.policyViolations(d)).isEmpty();
	}

}
