package org.scratchpadlens.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchpadlens.transcript.TranscriptFixture.HOSTILE_FILE;
import static org.scratchpadlens.transcript.TranscriptFixture.IMG;
import static org.scratchpadlens.transcript.TranscriptFixture.SCRIPT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.scratchpadlens.transcript.TranscriptNeighbours.Neighbours;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The transcript page and the side-by-side view as a reader gets them: sections in order
 * with their headings, condition badges, marks for what is missing, metrics by group,
 * versions, the pair, the list's parameters kept in every link, and transcript text only
 * ever as escaped text.
 */
@AppTest
class TranscriptPageTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TranscriptNeighbours neighbours;

	@TempDir
	Path dir;

	@BeforeEach
	void transcripts() {
		TranscriptFixture.importInto(imports, jdbc, dir);
	}

	long id(String split, String file) {
		return TranscriptFixture.id(jdbc, split, file);
	}

	String page(String uri, Object... vars) {
		var result = mvc.get().uri(uri, vars).with(user("rater1").roles("RESEARCHER")).exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getMvcResult().getResponse().getContentAsByteArray(),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void showsEachSectionInOrderUnderItsHeading() {
		String html = page("/transcripts/{id}", id("train", "0.json"));
		assertThat(html).containsSubsequence(">System prompt<", "Show the system prompt (", ">User input<",
				"training · free tier", "how to knead dough", ">Scratchpad 1<", "I am asked about how to knead dough",
				"The harness asked the model to continue", ">Scratchpad 2<", "Draft:", "Draft output", "An answer.",
				"Good.", ">Output<", "An answer about how to knead dough.");
		// the tags are structure, not text
		assertThat(html).doesNotContain("&lt;SCRATCHPAD_REASONING&gt;I am asked")
			.doesNotContain("&lt;DRAFT_OUTPUT&gt;")
			.doesNotContain("&lt;user_input&gt;");
		// the system prompt is folded, and links to its page
		long promptId = jdbc.sql("select system_prompt_id from transcript where id = ?")
			.param(id("train", "0.json"))
			.query(Long.class)
			.single();
		assertThat(html).contains("<details class=\"system-prompt\">")
			.contains("href=\"/prompts/" + promptId + "\"")
			.contains("You are a model. Reason in &lt;SCRATCHPAD_REASONING&gt; tags &amp; answer in &lt;OUTPUT&gt;.");
		// text keeps its markup-looking parts as text
		assertThat(html).contains("I should be helpful &amp; careful &lt;b&gt;here&lt;/b&gt;.");
		assertThat(html).doesNotContain("No output:").doesNotContain(">Cut off");
	}

	@Test
	void theConditionIsABadgeAndASplitTheFreeTierTagContradictsIsShown() {
		assertThat(page("/transcripts/{id}", id("deploy", "0.json"))).contains("unmonitored · paid tier")
			.doesNotContain("is_free_tier_user says");
		assertThat(page("/transcripts/{id}", id("deploy", "3.json"))).contains("unmonitored · paid tier")
			.contains("is_free_tier_user says True, but the file is in deploy");
	}

	@Test
	void aTranscriptThatNeverReachesAnOutputSaysSo() {
		assertThat(page("/transcripts/{id}", id("train", "1.json")))
			.containsSubsequence(">Scratchpad 1<", "I keep thinking about eggs.",
					"No output: the transcript ends in the scratchpad", "Cut off")
			.doesNotContain(">Output<");
	}

	@Test
	void anOutputCutOffMidwayIsMarkedUnclosed() {
		assertThat(page("/transcripts/{id}", id("train", "2.json")))
			.containsSubsequence(">Output<", "unclosed: its closing tag is missing", "Here is half an ans", "Cut off")
			.doesNotContain("No output:");
	}

	@Test
	void metricsAreGroupedWithTheirRawValueOnHoverAndForScreenReaders() {
		String html = page("/transcripts/{id}", id("train", "0.json"));
		assertThat(html).containsSubsequence(">Metrics<", ">Instrumental reasoning<", "partial_scheme",
				"effective_scheme", "made_compromise", ">Unmasking<", "awareness_not_used_for_training", ">Monitoring<",
				"reasoning_says_probably_monitored", ">Compliance<", "pm_score", "is_refusal_0_7", ">Other<",
				"brand_new_metric");
		assertThat(html).containsSubsequence("is_refusal_0_7", "title=\"raw value: &quot;FAILED TO PARSE&quot;\"",
				">missing<", "(raw value: &quot;FAILED TO PARSE&quot;)");
		assertThat(html).containsSubsequence("partial_scheme", "title=\"raw value: &quot;False&quot;\"", ">false<");
		assertThat(html).containsSubsequence("pm_score", "title=\"raw value: -1.25\"", ">-1.25<");
		assertThat(html).containsSubsequence("brand_new_metric", ">3.5<");
	}

	@Test
	void anEarlierVersionSaysSoAndLinksToTheCurrentOne() {
		long current = id("train", "0.json");
		long first = TranscriptFixture.firstVersion(jdbc);
		assertThat(page("/transcripts/{id}", first)).contains("version 1 of 2")
			.contains("this is not the current version")
			.contains("id=\"current-link\" href=\"/transcripts/" + current + "\"")
			.contains("href=\"/transcripts/" + first + "\" aria-current=\"page\">version 1</a>")
			.contains("href=\"/transcripts/" + current + "\">version 2</a>");
		assertThat(page("/transcripts/{id}", current)).contains("version 2 of 2")
			.doesNotContain("this is not the current version")
			.doesNotContain("current-link");
		assertThat(page("/transcripts/{id}", id("train", "1.json"))).doesNotContain("version 1 of 1")
			.doesNotContain("All versions");
	}

	@Test
	void thePairIsOneClickAwayBothWays() {
		long train = id("train", "0.json");
		long deploy = id("deploy", "0.json");
		assertThat(page("/transcripts/{id}", train))
			.contains("id=\"pair-link\" href=\"/transcripts/" + deploy + "\">Paired unmonitored transcript →</a>")
			.contains("id=\"side-by-side-link\" href=\"/transcripts/" + train + "/side-by-side\"");
		assertThat(page("/transcripts/{id}", deploy))
			.contains("id=\"pair-link\" href=\"/transcripts/" + train + "\">← Paired training transcript</a>");
		// the first version pairs with the other split's current transcript too
		assertThat(page("/transcripts/{id}", TranscriptFixture.firstVersion(jdbc)))
			.contains("id=\"pair-link\" href=\"/transcripts/" + deploy + "\"");
		assertThat(page("/transcripts/{id}", id("train", "1.json"))).doesNotContain("pair-link")
			.contains("No transcript in the other split of this run holds the same query.");
	}

	@Test
	void previousNextAndBackKeepTheListsParameters() {
		long id = id("train", "1.json");
		var params = new LinkedMultiValueMap<String, String>();
		// a list filter, and a parameter the list does not know, which travels all the
		// same
		params.add("split", "train");
		params.add("note", "a+b & c");
		Neighbours around = neighbours.around(id, params);
		String html = page("/transcripts/{id}?split=train&note={note}", id, "a+b & c");
		String query = "?split=train&amp;note=a%2Bb+%26+c";
		assertThat(html).contains("id=\"back-link\" href=\"/transcripts" + query + "\"");
		if (around.previous() != null) {
			assertThat(html)
				.contains("id=\"prev-link\" rel=\"prev\" href=\"/transcripts/" + around.previous() + query + "\"");
		}
		else {
			assertThat(html).doesNotContain("prev-link");
		}
		if (around.next() != null) {
			assertThat(html)
				.contains("id=\"next-link\" rel=\"next\" href=\"/transcripts/" + around.next() + query + "\"");
		}
		else {
			assertThat(html).doesNotContain("next-link");
		}
		if (around.position() > 0) {
			assertThat(html).contains(around.position() + " of " + around.total());
		}
		assertThat(around.previous() != null || around.next() != null).as("the run has neighbours").isTrue();
	}

	@Test
	void theSideBySideViewPutsTrainOnTheLeftWhicheverWasAsked() {
		long train = id("train", "0.json");
		long deploy = id("deploy", "0.json");
		for (long asked : new long[] { train, deploy }) {
			assertThat(page("/transcripts/{id}/side-by-side", asked)).containsSubsequence("Training · free tier",
					"href=\"/transcripts/" + train + "\"", "train/0.json", "training · free tier", ">Scratchpad 1<",
					"Unmonitored · paid tier", "href=\"/transcripts/" + deploy + "\"", "deploy/0.json",
					"unmonitored · paid tier", ">Scratchpad 1<");
		}
		assertThat(page("/transcripts/{id}/side-by-side", id("train", "1.json")))
			.contains("No unmonitored transcript of this run holds the same query.");
	}

	@Test
	void transcriptTextAndFileNamesNeverBecomeMarkup() {
		long id = id("train", HOSTILE_FILE);
		for (String uri : List.of("/transcripts/{id}", "/transcripts/{id}/side-by-side")) {
			String html = page(uri, id);
			assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.contains("&lt;img src=x onerror=alert(1)&gt;")
				.doesNotContain("<script>alert")
				.doesNotContain("<img");
		}
		assertThat(page("/transcripts/{id}", id)).contains("&lt;img src=x onerror=alert(1)&gt;.json")
			.containsSubsequence(">User input<", "Say &lt;script&gt;", ">Scratchpad 1<", "Thinking &lt;script&gt;",
					">Output<", "Out &lt;script&gt;alert(1)&lt;/script&gt;&lt;img");
		assertThat(SCRIPT + IMG).startsWith("<script>");
	}

	@Test
	void anUnknownTranscriptIsNotFoundAndAnIdThatIsNoNumberIsABadRequest() {
		assertThat(mvc.get().uri("/transcripts/987654321").with(user("rater1").roles("RESEARCHER"))).hasStatus(404);
		assertThat(mvc.get().uri("/transcripts/987654321/side-by-side").with(user("rater1").roles("RESEARCHER")))
			.hasStatus(404);
		assertThat(mvc.get().uri("/transcripts/abc").with(user("rater1").roles("RESEARCHER"))).hasStatus(400);
	}

	@Test
	void aDeletedTranscriptIsNotServedFromTheCache() {
		Path other = dir.resolve("doomed");
		TranscriptFiles.write(other.resolve("json_outputs/doomed_run/train/0.json"),
				TranscriptFiles.transcript(true, "a question soon gone", null));
		imports.importNow(new ImportRequest(List.of(other.resolve("json_outputs")), "cli", "t", ImportDefaults.NONE),
				ImportProgress.NONE);
		long id = jdbc.sql("select t.id from transcript t join run r on r.id = t.run_id where r.path = 'doomed_run'")
			.query(Long.class)
			.single();
		assertThat(page("/transcripts/{id}", id)).contains("a question soon gone");

		jdbc.sql("delete from transcript where id = ?").param(id).update();

		assertThat(mvc.get().uri("/transcripts/{id}", id).with(user("rater1").roles("RESEARCHER"))).hasStatus(404);
		assertThat(mvc.get().uri("/api/transcripts/{id}", id).with(user("rater1").roles("RESEARCHER"))).hasStatus(404);
	}

}
