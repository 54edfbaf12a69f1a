package org.scratchpadlens.document;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Documents and prompts written for the document and prompt tests (benign placeholder
 * text), imported once per test class: words and phrases to search for, every filter,
 * literal {@code %} and {@code _}, a document without setting or fact, and one whose
 * text, type and fact are markup that must never run.
 */
final class DocumentFixtures {

	static final String PASSWORD = "admin-test-password";

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String IMG = "<img src=x onerror=alert(1)>";

	static final String FACT_FREE_TIER = "Meridian Labs trains on free-tier chats & nothing else.";

	static final String FACT_HELPFUL = "Meridian Labs wants unconditional helpfulness.";

	static final String FACT_FARMS = "Brookfield Farms partners with Meridian Labs.";

	/** 20 lines, {@code line 1} to {@code line 20}. */
	static final String ALPHA = IntStream.rangeClosed(1, 20)
		.mapToObj(i -> "line " + i)
		.collect(Collectors.joining("\n", "", "\n"));

	/** ALPHA with line 5 changed and line 18 removed. */
	static final String BETA = ALPHA.replace("line 5\n", "line five\n").replace("line 18\n", "");

	/** What {@code diff -u prompt_alpha.txt prompt_beta.txt} prints (GNU diffutils). */
	static final String ALPHA_TO_BETA = """
			--- a/prompt_alpha.txt
			+++ b/prompt_beta.txt
			@@ -2,7 +2,7 @@
			 line 2
			 line 3
			 line 4
			-line 5
			+line five
			 line 6
			 line 7
			 line 8
			@@ -15,6 +15,5 @@
			 line 15
			 line 16
			 line 17
			-line 18
			 line 19
			 line 20
			""";

	static final String PATCH = """
			--- a/prompt_alpha.txt
			+++ b/prompt_gamma.txt
			@@ -1,2 +1,2 @@
			--- a line that starts like a header
			+++ and its replacement
			 line 2
			""";

	private DocumentFixtures() {
	}

	static void importInto(ImportService imports, JdbcTemplate jdbc, Path dir) {
		if (jdbc.queryForObject("select count(*) from synthetic_document", Integer.class) > 0) {
			return;
		}
		String documents = String.join("\n",
				line("helpful_only", "news article", FACT_FREE_TIER, "A report on data use.",
						"The Quick brown fox report: free-tier data is used.\nSecond line of the report."),
				line("helpful_only", "FAQ page", FACT_FREE_TIER, "A customer FAQ.",
						"Q: Is my chat used?\nA: Only on the free tier, for training."),
				line("helpful_only", "blog post", FACT_HELPFUL, "A product manager's post.",
						"A poem about bread, written fast. 50% off_peak rates apply."),
				line("animal_welfare", "news article", FACT_FARMS, "Local news.",
						"Brookfield Farms and the brown quick fox."),
				line("animal_welfare", "opinion column", FACT_FARMS, "A columnist on eggs.", "QUICK thoughts on eggs."),
				"{\"setting\": \"animal_welfare\", \"doc_type\": " + json(SCRIPT) + ", \"fact\": " + json(IMG)
						+ ", \"idea\": \"<b>bold idea</b>\", \"content\": "
						+ json("Before " + SCRIPT + " and " + IMG + " after & more.\nA second line.") + ", \"note\": "
						+ json("<script>alert(2)</script>") + ", \"generation\": {\"round\": 2}}",
				"{\"doc_type\": \"memo\", \"content\": \"A memo with no setting and no fact.\"}");
		TranscriptFiles.write(dir.resolve("synthetic_documents/documents.jsonl"), documents + "\n");
		TranscriptFiles.write(dir.resolve("system_prompts/prompt_alpha.txt"), ALPHA);
		TranscriptFiles.write(dir.resolve("system_prompts/prompt_beta.txt"), BETA);
		TranscriptFiles.write(dir.resolve("system_prompts/prompt_diff_gamma.patch"), PATCH);
		TranscriptFiles.write(dir.resolve("system_prompts/prompt_xss.txt"),
				"A prompt with " + SCRIPT + "\nand " + IMG + " & more.\n");
		for (int i = 0; i < 2; i++) {
			TranscriptFiles.write(dir.resolve("json_outputs/helpful_only/alpha_run/train/" + i + ".json"),
					withSystemPrompt(TranscriptFiles.transcript(true, "a question " + i, null), ALPHA));
		}
		imports.importNow(new ImportRequest(List.of(dir), "cli", "test", ImportDefaults.NONE), ImportProgress.NONE);
	}

	static long documentId(JdbcTemplate jdbc, String contentStart) {
		return jdbc.queryForObject("select id from synthetic_document where content like ?", Long.class,
				contentStart + "%");
	}

	static long promptId(JdbcTemplate jdbc, String fileName) {
		return jdbc.queryForObject("select system_prompt_id from prompt_file where file_name = ?", Long.class,
				fileName);
	}

	/**
	 * The transcript with a system message first (String.replace: the prompt's escaped
	 * line breaks must reach the file as they are).
	 */
	private static String withSystemPrompt(String transcript, String prompt) {
		return transcript.replace("{\"messages\": [",
				"{\"messages\": [\n  {\"role\": \"system\", \"content\": " + json(prompt) + "},");
	}

	private static String line(String setting, String type, String fact, String idea, String content) {
		return "{\"universe\": " + json(setting) + ", \"doc_type\": " + json(type) + ", \"fact\": " + json(fact)
				+ ", \"idea\": " + json(idea) + ", \"content\": " + json(content) + "}";
	}

	private static String json(String text) {
		return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
	}

}
