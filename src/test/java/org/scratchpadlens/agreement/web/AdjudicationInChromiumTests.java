package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.LabelledBrowserTest;
import org.scratchpadlens.support.PageChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The adjudication flow in Chromium, by keyboard: from the campaign page to the queue, an
 * item, an answer picked with a digit, the reason typed and saved with Enter, then
 * {@code n} to the next item; no policy violation, no serious axe finding, no sideways
 * scrolling at 390 px.
 */
@BrowserTest
class AdjudicationInChromiumTests extends LabelledBrowserTest {

	@Autowired
	JdbcClient jdbc;

	long campaign;

	List<Long> items;

	AdjudicationInChromiumTests() {
		super("adjudication", List.of("adj1", "adj2"));
	}

	/** Three training items on which adj1 says no and adj2 full. */
	@BeforeEach
	void disagreements() {
		items = transcripts(3, "train");
		campaign = campaign("Adjudicate <b>me</b>", items);
		for (long item : items) {
			answer(label(campaign, item, "adj1"), "verdict", "no");
			answer(label(campaign, item, "adj2"), "verdict", "full");
		}
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
