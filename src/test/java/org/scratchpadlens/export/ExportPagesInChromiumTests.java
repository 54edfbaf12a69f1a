package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.scratchpadlens.annotation.campaign.CampaignRequest;
import org.scratchpadlens.annotation.campaign.CampaignService;
import org.scratchpadlens.support.BrowserTest;
import org.scratchpadlens.support.LabelledBrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In Chromium: the list page's "Export CSV" link exports exactly what the list shows (its
 * href carries the list's query, and the file has the list's rows); a campaign page links
 * its exports and its import page, which reports an import and its problems. Pages at
 * desktop and phone width, with axe.
 */
@BrowserTest
class ExportPagesInChromiumTests extends LabelledBrowserTest {

	@Autowired
	JdbcTemplate jdbc;

	ExportPagesInChromiumTests() {
		super("export", List.of("ann1"));
	}

	/** Import pages answer a form's POST: reloading them would post again. */
	@Override
	protected boolean reloadAtEachWidth() {
		return false;
	}

	/** The text at this address, fetched by the page (with its session). */
	String fetch(String href) {
		return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));""", href);
	}

	@Test
	void theListsExportLinkExportsWhatTheListShows() {
		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		String query = "run=helpful_only%2Fdefault&split=deploy";
		browser.open("/transcripts?" + query);
		var link = browser.driver().findElement(By.id("export-csv"));
		assertThat(link.getText()).isEqualTo("Export CSV");
		String href = link.getDomAttribute("href");
		assertThat(href).isEqualTo("/export/transcripts.csv?" + query);
		String csv = fetch(href);
		long shown = jdbc.queryForObject("""
				select count(*) from transcript t join run r on r.id = t.run_id
				where r.path = 'helpful_only/default' and t.split = 'deploy' and t.is_current""", Long.class);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("transcript_id,run,setting");
		assertThat(lines).hasSize((int) shown + 1);
		assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",deploy,"));
		assertThat(browser.driver().findElement(By.id("export-labels")).getDomAttribute("href"))
			.isEqualTo("/export/labels.csv?" + query);
		checkPage("list");
	}

	@Test
	void aCampaignLinksItsExportsAndItsImportPageReports() throws Exception {
		jdbc.update("delete from label_answer");
		jdbc.update("delete from label_revision");
		jdbc.update("delete from label");
		long campaign = createCampaign();
		long item = jdbc.queryForObject(
				"select transcript_id from campaign_item where campaign_id = ? order by position fetch first 1 rows only",
				Long.class, campaign);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("""
				insert into label (campaign_id, transcript_id, annotator, rubric_version, revision, seconds_spent,
				  created_at, updated_at) values (?, ?, 'ann1', 1, 1, 5, ?, ?)""", campaign, item, now, now);
		jdbc.update("""
				insert into label_answer (label_id, question, answer)
				select id, 'training_awareness', 'yes' from label where campaign_id = ?""", campaign);

		browser.logIn("admin", BrowserTest.ADMIN_PASSWORD);
		browser.open("/campaigns/" + campaign);
		var d = browser.driver();
		assertThat(d.findElement(By.id("export-campaign-labels")).getDomAttribute("href"))
			.isEqualTo("/export/labels.csv?campaign=" + campaign);
		String csv = fetch("/export/labels.csv?campaign=" + campaign);
		assertThat(csv.lines()).hasSize(2);
		d.findElement(By.linkText("Import edited labels")).click();
		browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/import"));
		assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Import labels");
		checkPage("import");

		// the same file back: nothing changes
		Path file = Files.createTempFile("labels", ".csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		d.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
		d.findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUpTo(Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-report")));
		assertThat(d.findElement(By.cssSelector(".import-report .notice")).getText())
			.isEqualTo("Imported: 0 new labels, 0 revised, 1 unchanged (1 rows, 0 gold rows left alone).");
		checkPage("import-done");

		// a file with problems: each row's line and what is wrong, nothing stored
		String bad = csv + csv.lines().skip(1).findFirst().orElseThrow().replace(",ann1,", ",<b>nobody</b>,") + "\r\n"
				+ csv.lines().skip(1).findFirst().orElseThrow().replace(",answer,", ",formula,") + "\r\n";
		Files.writeString(file, bad, StandardCharsets.UTF_8);
		d.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
		d.findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitUpTo(Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.problems")));
		List<String> problems = d.findElements(By.cssSelector("table.problems tbody tr"))
			.stream()
			.map(r -> r.getText())
			.toList();
		assertThat(problems).hasSize(2);
		assertThat(problems.get(0)).startsWith("3 ").contains("no account '<b>nobody</b>'");
		assertThat(problems.get(1)).startsWith("4 ").contains("record must be answer or span");
		checkPage("import-problems");
		Files.delete(file);
	}

	@Autowired
	CampaignService campaigns;

	long createCampaign() {
		var filter = tools.jackson.databind.json.JsonMapper.shared()
			.readTree("{\"run\": \"helpful_only/default\", \"split\": \"train\"}");
		return campaigns
			.create(new CampaignRequest("Export <pilot>", filter,
					new CampaignRequest.Sample(3, List.of("split"), 5L, false), 1, List.of("ann1"), null, "run", null,
					null, null), "admin")
			.id();
	}

}
