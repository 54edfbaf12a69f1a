package org.scratchpadlens.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchpadlens.document.DocumentFixtures.FACT_FARMS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The document list and view as a rater sees them: filters, search hits, paging,
 * escaping.
 */
@AppTest
class DocumentPageTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void documents() {
		DocumentFixtures.importInto(imports, jdbc, dir);
	}

	MvcTestResult page(String uri, Object... vars) {
		return mvc.get().uri(uri, vars).with(user("rater1").roles("RESEARCHER")).exchange();
	}

	String html(String uri, Object... vars) {
		MvcTestResult result = page(uri, vars);
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void listsTheDocumentsWithCountsPerSettingTypeAndFact() {
		String html = html("/documents");
		assertThat(html).contains("1–7 of 7 documents")
			.contains("<h2>Setting</h2>", "<h2>Document type</h2>", "<h2>Fact</h2>")
			// every count next to its value, and a link that chooses it
			.containsPattern(
					"href=\"/documents\\?setting=helpful_only\"[^>]*>\\s*<span class=\"value\">helpful_only</span>\\s*<span class=\"count\">3</span>")
			.containsPattern(
					"href=\"/documents\\?type=news\\+article\"[^>]*>\\s*<span class=\"value\">news article</span>\\s*<span class=\"count\">2</span>")
			.containsPattern(
					"<span class=\"value\">Brookfield Farms partners with Meridian Labs.</span>\\s*<span class=\"count\">2</span>")
			// a document without a setting is counted, not linked
			.containsPattern("<span class=\"value\">\\(none\\)</span>\\s*<span class=\"count\">1</span>");
	}

	@Test
	void aChosenFilterNarrowsTheListAndTheOtherCountsAndCanBeRemoved() {
		String html = html("/documents?setting=animal_welfare");
		assertThat(html).contains("1–3 of 3 documents")
			// the setting's own counts stay (choosing another is one click), the type
			// counts follow it
			.containsPattern("<span class=\"value\">helpful_only</span>\\s*<span class=\"count\">3</span>")
			.containsPattern("<span class=\"value\">news article</span>\\s*<span class=\"count\">1</span>")
			.doesNotContain(">FAQ page<")
			// chosen: marked, and its link removes it
			.containsPattern("<li class=\"selected\">\\s*<a href=\"/documents\" aria-current=\"true\"")
			.contains("Chosen filters");
		assertThat(html("/documents?setting=animal_welfare&type=opinion column")).contains("1–1 of 1 documents")
			.contains("QUICK thoughts on eggs.")
			.contains("href=\"/documents?setting=animal_welfare\"");
	}

	@Test
	void aFactFilterKeepsItsTextInTheAddress() {
		String html = html("/documents?fact={fact}", FACT_FARMS);
		assertThat(html).contains("1–2 of 2 documents")
			.contains("name=\"fact\" value=\"Brookfield Farms partners with Meridian Labs.\"")
			.contains("Brookfield Farms and the brown quick fox.");
	}

	@Test
	void searchHitsAreMarkedInTheExcerptWhateverTheirCase() {
		String html = html("/documents?q=quick");
		assertThat(html).contains("1–3 of 3 documents")
			.contains("The <mark>Quick</mark> brown fox report")
			.contains("the brown <mark>quick</mark> fox")
			.contains("<mark>QUICK</mark> thoughts")
			.contains("value=\"quick\"");
		assertThat(html("/documents?q=\"quick brown\"")).contains("1–1 of 1 documents")
			.contains("The <mark>Quick brown</mark> fox");
		assertThat(html("/documents?q=nothing-like-this")).contains("No documents match.");
	}

	@Test
	void pagesHavePreviousAndNextLinksThatKeepTheFilters() {
		String first = html("/documents?size=2&setting=helpful_only");
		assertThat(first).contains("1–2 of 3 documents")
			.contains("href=\"/documents?setting=helpful_only&amp;size=2&amp;page=2\" rel=\"next\"")
			.doesNotContain("rel=\"prev\"");
		String second = html("/documents?size=2&setting=helpful_only&page=2");
		assertThat(second).contains("3–3 of 3 documents")
			.contains("href=\"/documents?setting=helpful_only&amp;size=2\" rel=\"prev\"")
			.doesNotContain("rel=\"next\"");
	}

	/**
	 * The error page's text is checked in a real server (DocumentPagesInChromiumTests).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "size=0", "size=501", "size=abc", "page=-1", "page=0", "page=x" })
	void aBadParameterIsA400(String query) {
		MvcTestResult result = page("/documents?" + query);
		assertThat(result).hasStatus(400);
		assertThat(result.getMvcResult().getResolvedException())
			.hasMessageStartingWith(query.substring(0, query.indexOf('=')) + " must be a whole number");
	}

	@Test
	void markupInADocumentIsShownAsTextInTheListAndTheView() {
		String list = html("/documents?setting=animal_welfare");
		assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain("<script>alert", "<img src=x", "<b>bold");
		String searched = html("/documents?q=<script>");
		assertThat(searched).contains("<mark>&lt;script&gt;</mark>alert(1)").doesNotContain("<script>alert");

		long id = DocumentFixtures.documentId(jdbc, "Before ");
		String view = html("/documents/{id}", id);
		assertThat(view).contains(
				"Before &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; after &amp; more.\nA second line.")
			.contains("&lt;b&gt;bold idea&lt;/b&gt;")
			.doesNotContain("<script>alert", "<img src=x", "<b>bold");
		// metadata: every key the importer kept, a nested value as formatted JSON
		assertThat(view).containsPattern("<dt>note</dt><dd>&lt;script&gt;alert\\(2\\)&lt;/script&gt;</dd>")
			.containsPattern("<dt>generation</dt><dd>\\{\\s*&quot;round&quot; : 2\\s*\\}</dd>");
	}

	@Test
	void theViewShowsTheFieldsSourceAndImport() {
		long id = DocumentFixtures.documentId(jdbc, "The Quick");
		long job = jdbc.queryForObject("select import_job_id from synthetic_document where id = ?", Long.class, id);
		String view = html("/documents/{id}", id);
		assertThat(view).contains("<span>news article</span> <span class=\"doc-id\">#" + id + "</span>")
			.contains("href=\"/documents?setting=helpful_only\"")
			.contains(
					"href=\"/documents?fact=Meridian%20Labs%20trains%20on%20free-tier%20chats%20%26%20nothing%20else.\"")
			.contains("A report on data use.")
			.contains(
					"class=\"doc-text\">The Quick brown fox report: free-tier data is used.\nSecond line of the report.</div>")
			.contains("documents.jsonl:1")
			.contains("<dd>line 1</dd>")
			.contains("href=\"/imports/" + job + "\"")
			.contains("No other keys");
	}

	@Test
	void anUnknownDocumentIsA404Page() {
		assertThat(page("/documents/999999")).hasStatus(404);
		assertThat(page("/documents/abc")).hasStatus(400);
	}

	@Test
	void theNavigationLinksToDocumentsAndPrompts() {
		assertThat(html("/documents")).contains("<a href=\"/documents\">Documents</a>",
				"<a href=\"/prompts\">Prompts</a>");
	}

}
