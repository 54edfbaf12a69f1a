package org.scratchpadlens.transcript.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The transcript list page: counts in the sidebar, the table, snippets escaped, a bad
 * filter's page, the random order's seed in the address, saved views, the runs page's
 * links into the list.
 */
@AppTest
class TranscriptListPageTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	static Path root;

	@BeforeEach
	void data() {
		if (jdbc.queryForObject("select count(*) from transcript", Integer.class) == 0) {
			ListData.write(root);
			// a run whose name and text look like markup
			TranscriptFiles.write(root.resolve("json_outputs/<img src=x onerror=alert(1)>/train/0.json"),
					TranscriptFiles.transcript(true, "<script>alert(1)</script> and a zebra", null));
			imports.importNow(new ImportRequest(List.of(root), "cli", "test", null), ImportProgress.NONE);
		}
	}

	MvcTestResult page(String query) {
		return mvc.get().uri("/transcripts?" + query).with(user("admin").roles("ADMIN")).exchange();
	}

	String html(String query) {
		MvcTestResult result = page(query);
		assertThat(result).as(query).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void theSidebarCountsEachValueAndTheTableShowsThePage() {
		String html = html("run=helpful_only/default&split=train");
		assertThat(html).contains("<strong>6</strong>")
			.contains("of 19")
			// the run group counts runs against the other selections (split=train)
			.containsPattern("helpful_only/default</span>\\s*<span class=\"count\">6</span>")
			.containsPattern("animal_welfare/default</span>\\s*<span class=\"count\">3</span>")
			// chosen values are ticked
			.containsPattern("name=\"run\" value=\"helpful_only/default\" checked")
			.containsPattern("name=\"split\" value=\"train\" checked")
			// each row links to its transcript with the list's parameters
			.containsPattern("href=\"/transcripts/\\d+\\?run=helpful_only%2Fdefault&amp;split=train\"");
		assertThat(html).contains("partial_scheme").contains("pm_score");
	}

	@Test
	void markupInRunNamesAndSnippetsIsShownAsText() {
		String html = html("q=zebra");
		assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)")
			.doesNotContain("<img src=x")
			.contains("<mark>zebra</mark>");
	}

	@Test
	void aBadFilterIsA400PageThatSaysWhat() {
		MvcTestResult result = page("metric.no_such_metric=true");
		assertThat(result).hasStatus(400);
		assertThat(result).bodyText()
			.contains("There is no metric named &#39;no_such_metric&#39;")
			.contains("Start again");
	}

	@Test
	void aRandomOrderWithoutASeedGetsOneInTheAddress() {
		MvcTestResult result = page("sort=random&split=train");
		assertThat(result).hasStatus3xxRedirection();
		assertThat(result.getResponse().getRedirectedUrl()).matches("/transcripts\\?sort=random&split=train&seed=\\d+");
		assertThat(html("sort=random&seed=5")).contains("random order, seed 5");
	}

	@Test
	void theListOffersACampaignOverItsFilter() {
		assertThat(html("split=train&metric.partial_scheme=true"))
			.contains("/campaigns/new?filter=split%3Dtrain%26metric.partial_scheme%3Dtrue");
	}

	@Test
	void savedViewsAreSavedReopenedReplacedAndDeletedByTheirOwnerOnly() {
		MvcTestResult saved = mvc.post()
			.uri("/transcripts/views")
			.param("name", "helpful training")
			.param("query", "run=helpful_only%2Fdefault&split=train")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.exchange();
		assertThat(saved).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/transcripts?run=helpful_only%2Fdefault&split=train");
		assertThat(html("")).contains(">helpful training</a>")
			.contains("href=\"/transcripts?run=helpful_only%2Fdefault&amp;split=train\"");
		// the same name again replaces the filter
		mvc.post()
			.uri("/transcripts/views")
			.param("name", "helpful training")
			.param("query", "split=deploy")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.exchange();
		assertThat(jdbc.queryForList("select query from saved_view", String.class)).containsExactly("split=deploy");
		// no name: refused
		assertThat(mvc.post()
			.uri("/transcripts/views")
			.param("name", " ")
			.param("query", "split=deploy")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())).hasStatus(400);
		long id = jdbc.queryForObject("select id from saved_view", Long.class);
		// another reader neither sees nor deletes it
		assertThat(mvc.get().uri("/transcripts").with(user("rater1").roles("RESEARCHER"))).bodyText()
			.doesNotContain("helpful training");
		assertThat(mvc.post()
			.uri("/transcripts/views/" + id + "/delete")
			.with(user("rater1").roles("RESEARCHER"))
			.with(csrf())).hasStatus(404);
		assertThat(mvc.post()
			.uri("/transcripts/views/" + id + "/delete")
			.param("back", "https://elsewhere.example/")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/transcripts");
		assertThat(jdbc.queryForObject("select count(*) from saved_view", Integer.class)).isZero();
	}

	@Test
	void theRunsPageLinksItsCountsToTheList() {
		assertThat(mvc.get().uri("/").with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("href=\"/transcripts?run=helpful_only/default&amp;split=train\"")
			.contains("href=\"/transcripts?split=deploy\"");
	}

}
