package org.scratchpadlens.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the Chromium tests of labels and what is made of them (agreement, adjudication,
 * exports) share: the sample data, imported once; the raters' accounts; a browser
 * recording the page policy's violations, opened before each test and closed after it; a
 * page checked at desktop and phone width; and campaigns with labels written straight
 * into the store. Log in as {@code admin} with {@link BrowserTest#ADMIN_PASSWORD}, as a
 * rater with {@link #RATER_PASSWORD}.
 */
@BrowserTest
public abstract class LabelledBrowserTest extends FreshDatabase {

	public static final String RATER_PASSWORD = "labels-password-1";

	@LocalServerPort
	private int port;

	@Autowired
	private ImportService imports;

	@Autowired
	private AccountService accounts;

	@Autowired
	private JdbcClient store;

	private final String screenshots;

	private final List<String> raters;

	protected Browser browser;

	/**
	 * @param screenshots the first word of the screenshots' names
	 * @param raters the annotators' accounts to create
	 */
	protected LabelledBrowserTest(String screenshots, List<String> raters) {
		this.screenshots = screenshots;
		this.raters = raters;
	}

	@BeforeEach
	final void openBrowser() {
		if (store.sql("select count(*) from run").query(Integer.class).single() == 0) {
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
		for (String name : raters) {
			if (!accounts.exists(name)) {
				accounts.create(name, RATER_PASSWORD, Role.ANNOTATOR);
			}
		}
		browser = new Browser(port);
		PageChecks.recordPolicyViolations(browser.driver());
	}

	@AfterEach
	final void closeBrowser() {
		browser.close();
	}

	/**
	 * Whether {@link #checkPage} reloads the page after each change of width (not where a
	 * page is the answer to a form's POST).
	 */
	protected boolean reloadAtEachWidth() {
		return true;
	}

	/**
	 * The open page: no policy violation, no serious axe finding at desktop and phone
	 * width, no sideways scrolling at 390 px; a screenshot at each width. Leaves the
	 * browser at desktop width.
	 */
	protected void checkPage(String name) {
		var driver = browser.driver();
		assertThat(PageChecks.policyViolations(driver)).as(name).isEmpty();
		assertThat(Axe.seriousViolations(driver)).as(name).isEmpty();
		browser.screenshot(screenshots + "-" + name + "-desktop");
		PageChecks.phone(driver, 390, 844);
		if (reloadAtEachWidth()) {
			driver.navigate().refresh();
		}
		assertThat(PageChecks.sidewaysOverflow(driver))
			.as(name + " at 390 px: " + PageChecks.widerThanTheViewport(driver))
			.isZero();
		assertThat(Axe.seriousViolations(driver)).as(name + " on a phone").isEmpty();
		browser.screenshot(screenshots + "-" + name + "-phone");
		PageChecks.desktop(driver);
		if (reloadAtEachWidth()) {
			driver.navigate().refresh();
		}
	}

	/** The first {@code count} current transcripts of these conditions, by id. */
	protected List<Long> transcripts(int count, String... splits) {
		return store.sql("select id from transcript where is_current and split in (:splits) order by id")
			.param("splits", List.of(splits))
			.query(Long.class)
			.list()
			.subList(0, count);
	}

	/**
	 * A campaign of the raters over these items under rubric 1, with no blind rule, each
	 * item counted as filled, written straight into the store; returns its id. Labels
	 * come from {@link #label} and {@link #answer}.
	 */
	protected long campaign(String name, List<Long> items) {
		store.sql("""
				insert into campaign (name, created_by, created_at, rubric_version, raters_per_item, item_order,
				  order_seed, hide_metrics, hide_other_labels, mask_condition, reveal_after_submit,
				  reservation_seconds, filter_query, sample_json, matched_count, item_count)
				values (?, 'admin', ?, 1, ?, 'run', 1, false, false, false, false, 1800, '', null, ?, ?)""")
			.params(name, Timestamp.from(Instant.now()), raters.size(), items.size(), items.size())
			.update();
		long id = store.sql("select max(id) from campaign").query(Long.class).single();
		raters.forEach(r -> store.sql("insert into campaign_rater values (?, ?)").params(id, r).update());
		int position = 0;
		for (long item : items) {
			store.sql("insert into campaign_item values (?, ?, ?, null, ?, true)")
				.params(id, item, position++, raters.size())
				.update();
		}
		return id;
	}

	/** A submitted label (rubric 1) of this rater on this item; returns its id. */
	protected long label(long campaign, long item, String rater) {
		Timestamp now = Timestamp.from(Instant.now());
		store.sql("""
				insert into label (campaign_id, transcript_id, annotator, rubric_version, revision,
				  seconds_spent, created_at, updated_at) values (?, ?, ?, 1, 1, 30, ?, ?)""")
			.params(campaign, item, rater, now, now)
			.update();
		return store.sql("select max(id) from label").query(Long.class).single();
	}

	protected void answer(long label, String question, String answer) {
		store.sql("insert into label_answer values (?, ?, ?)").params(label, question, answer).update();
	}

}
