package org.scratchpadlens.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchpadlens.document.DocumentFixtures.FACT_FARMS;
import static org.scratchpadlens.document.DocumentFixtures.FACT_FREE_TIER;
import static org.scratchpadlens.document.DocumentFixtures.PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code /api/documents}: every filter, the search, paging, and every 400 and 404. */
@AppTest
class DocumentApiTests extends FreshDatabase {

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

	MvcTestResult get(String uri, Object... vars) {
		return mvc.get().uri(uri, vars).with(httpBasic("admin", PASSWORD)).exchange();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> items(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		Map<String, Object> body = tools.jackson.databind.json.JsonMapper.shared()
			.readValue(result.getResponse().getContentAsByteArray(), Map.class);
		return (List<Map<String, Object>>) body.get("items");
	}

	List<String> contents(MvcTestResult result) {
		return items(result).stream()
			.map(i -> (String) i.get("excerpt"))
			.map(e -> e.length() > 24 ? e.substring(0, 24) : e)
			.toList();
	}

	@Test
	void listsEveryDocumentInFileOrderWithItsFields() {
		MvcTestResult all = get("/api/documents");
		assertThat(all).bodyJson().extractingPath("$.total").isEqualTo(7);
		assertThat(all).bodyJson().extractingPath("$.next").isNull();
		Map<String, Object> first = items(all).get(0);
		assertThat(first).containsOnlyKeys("id", "setting", "type", "fact", "idea", "excerpt", "chars", "sourcePath")
			.containsEntry("setting", "helpful_only")
			.containsEntry("type", "news article")
			.containsEntry("fact", FACT_FREE_TIER)
			.containsEntry("idea", "A report on data use.")
			.containsEntry("excerpt", "The Quick brown fox report: free-tier data is used. Second line of the report.")
			.containsEntry("chars",
					"The Quick brown fox report: free-tier data is used.\nSecond line of the report.".length());
		assertThat((String) first.get("sourcePath")).endsWith("synthetic_documents/documents.jsonl:1");
		assertThat(items(all)).extracting(i -> (String) i.get("sourcePath"))
			.extracting(p -> p.substring(p.lastIndexOf(':') + 1))
			.containsExactly("1", "2", "3", "4", "5", "6", "7");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			setting=helpful_only                            | 3
			setting=animal_welfare                          | 3
			setting=nowhere                                 | 0
			type=news article                               | 2
			type=memo                                       | 1
			setting=animal_welfare&type=news article        | 1
			setting=helpful_only&type=opinion column        | 0
			""")
	void filtersBySettingAndType(String query, int expected) {
		var request = mvc.get().uri("/api/documents").with(httpBasic("admin", PASSWORD));
		for (String condition : query.split("&")) {
			request.param(condition.split("=")[0], condition.split("=")[1]);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(expected);
		assertThat(items(result)).hasSize(expected);
		for (String condition : query.split("&")) {
			String[] kv = condition.split("=");
			assertThat(items(result)).allSatisfy(i -> assertThat(i).containsEntry(kv[0], kv[1]));
		}
	}

	@Test
	void filtersByFactAsGivenWithItsAmpersand() {
		MvcTestResult free = mvc.get()
			.uri("/api/documents")
			.param("fact", FACT_FREE_TIER)
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(items(free)).hasSize(2).allSatisfy(i -> assertThat(i).containsEntry("fact", FACT_FREE_TIER));
		MvcTestResult farms = mvc.get()
			.uri("/api/documents")
			.param("fact", FACT_FARMS)
			.param("type", "opinion column")
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(items(farms)).singleElement().satisfies(i -> assertThat(i).containsEntry("type", "opinion column"));
	}

	@ParameterizedTest(name = "q={0}")
	@CsvSource(delimiter = '|', textBlock = """
			quick                 | 3 | the word in any case: Quick, quick, QUICK
			QuIcK                 | 3 | the search's own case does not matter either
			quick brown           | 2 | every word, anywhere in the text
			'"quick brown"'       | 1 | a phrase as it stands
			'"brown quick"'       | 1 | the other order is another phrase
			'"quick brown'        | 1 | an unclosed quote runs to the end
			quick eggs            | 1 | both words must occur
			50%                   | 1 | % is a character, not a wildcard
			'"f_ee"'              | 0 | _ is a character, not a wildcard
			off_peak              | 1 |
			opinion               | 1 | the type is searched
			unconditional         | 1 | the fact is searched
			columnist             | 1 | the idea is searched
			nothing-like-this     | 0 |
			""")
	void searchesWordsAndPhrasesInAnyCase(String q, int expected, String why) {
		MvcTestResult result = mvc.get()
			.uri("/api/documents")
			.param("q", q)
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(result).bodyJson().extractingPath("$.total").as(why).isEqualTo(expected);
		assertThat(items(result)).hasSize(expected);
	}

	@Test
	void aSearchCombinesWithTheFiltersAndTheExcerptShowsTheHit() {
		MvcTestResult result = mvc.get()
			.uri("/api/documents")
			.param("q", "quick")
			.param("setting", "animal_welfare")
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(contents(result)).containsExactly("Brookfield Farms and the", "QUICK thoughts on eggs.");
	}

	@Test
	void pagesThroughTheListWithALinkToTheNextPage() {
		MvcTestResult first = get("/api/documents?size=3&setting=helpful_only&q=a");
		assertThat(first).bodyJson().extractingPath("$.total").isEqualTo(3);
		assertThat(first).bodyJson().extractingPath("$.next").isNull();

		MvcTestResult page1 = get("/api/documents?size=3");
		assertThat(items(page1)).hasSize(3);
		assertThat(page1).bodyJson()
			.extractingPath("$.next")
			.asString()
			.isEqualTo("http://localhost/api/documents?size=3&page=2");
		MvcTestResult page3 = get("/api/documents?size=3&page=3");
		assertThat(items(page3)).hasSize(1);
		assertThat(page3).bodyJson().extractingPath("$.next").isNull();
		assertThat(page3).bodyJson().extractingPath("$.total").isEqualTo(7);
		MvcTestResult past = get("/api/documents?size=3&page=9");
		assertThat(items(past)).isEmpty();
		assertThat(past).bodyJson().extractingPath("$.total").isEqualTo(7);

		List<Object> seen = new java.util.ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			items(get("/api/documents?size=3&page=" + page)).forEach(i -> seen.add(i.get("id")));
		}
		assertThat(seen).hasSize(7).doesNotHaveDuplicates();
	}

	@Test
	void theNextLinkKeepsTheFiltersAndTheSearchEncoded() {
		MvcTestResult result = mvc.get()
			.uri("/api/documents")
			.param("q", "\"free tier\" a&b")
			.param("size", "1")
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(0);
		MvcTestResult two = mvc.get()
			.uri("/api/documents")
			.param("fact", FACT_FREE_TIER)
			.param("size", "1")
			.with(httpBasic("admin", PASSWORD))
			.exchange();
		assertThat(two).bodyJson()
			.extractingPath("$.next")
			.asString()
			.isEqualTo("http://localhost/api/documents?fact="
					+ "Meridian+Labs+trains+on+free-tier+chats+%26+nothing+else.&size=1&page=2");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			size=0        | size must be a whole number from 1 to 500; '0' is not.
			size=501      | size must be a whole number from 1 to 500; '501' is not.
			size=abc      | size must be a whole number from 1 to 500; 'abc' is not.
			size=1.5      | size must be a whole number from 1 to 500; '1.5' is not.
			page=0        | page must be a whole number from 1 up; '0' is not.
			page=-1       | page must be a whole number from 1 up; '-1' is not.
			page=abc      | page must be a whole number from 1 up; 'abc' is not.
			""")
	void aParameterOfTheWrongKindIsA400NamingIt(String query, String error) {
		assertThat(get("/api/documents?" + query)).hasStatus(400)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"" + error + "\"}");
	}

	@Test
	void tooManySearchTermsAreA400() {
		String q = String.join(" ", java.util.stream.IntStream.range(0, 22).mapToObj(i -> "w" + i).toList());
		assertThat(mvc.get().uri("/api/documents").param("q", q).with(httpBasic("admin", PASSWORD))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.startsWith("q has 22 words");
	}

	@Test
	void oneDocumentWithItsTextMetadataAndSource() {
		long id = DocumentFixtures.documentId(jdbc, "Before ");
		MvcTestResult result = get("/api/documents/{id}", id);
		assertThat(result).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"id": %d, "setting": "animal_welfare", "type": "<script>alert(1)</script>",
							 "fact": "<img src=x onerror=alert(1)>", "idea": "<b>bold idea</b>",
							 "content": "Before <script>alert(1)</script> and <img src=x onerror=alert(1)> after & more.\\nA second line.",
							 "metadata": {"note": "<script>alert(2)</script>", "generation": {"round": 2}},
							 "sourceIndex": 6}"""
						.formatted(id));
		assertThat(result).bodyJson().extractingPath("$.importJobId").isNotNull();
		assertThat(result).bodyJson().extractingPath("$.sourcePath").asString().endsWith("documents.jsonl:6");
		assertThat(result).bodyJson().extractingPath("$.sha256").asString().hasSize(64);
	}

	@Test
	void aDocumentWithoutMetadataHasNull() {
		long id = DocumentFixtures.documentId(jdbc, "A memo");
		assertThat(get("/api/documents/{id}", id)).bodyJson()
			.isLenientlyEqualTo(
					"{\"setting\": null, \"fact\": null, \"idea\": null, \"metadata\": null, \"type\": \"memo\"}");
	}

	@Test
	void anUnknownDocumentIsA404AndANonNumericIdA400() {
		assertThat(get("/api/documents/999999")).hasStatus(404)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"There is no document 999999.\"}");
		assertThat(get("/api/documents/abc")).hasStatus(400)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"'abc' is not a valid document id; a whole number is expected.\"}");
	}

}
