package org.scratchpadlens.transcript;

import static org.scratchpadlens.support.TranscriptFiles.json;
import static org.scratchpadlens.support.TranscriptFiles.transcript;
import static org.scratchpadlens.support.TranscriptFiles.userTurn;
import static org.scratchpadlens.support.TranscriptFiles.withSystemPrompt;
import static org.scratchpadlens.support.TranscriptFiles.write;

import java.nio.file.Path;
import java.util.List;

import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transcripts for the transcript page's tests, in one run {@value #RUN}: a train/deploy
 * pair with a system prompt and two versions of the train file, a transcript that never
 * reaches an output, one whose output is cut off, a deploy file whose free-tier tag says
 * train, and one whose file name, query, scratchpad and output are markup.
 */
final class TranscriptFixture {

	static final String RUN = "view_run/default";

	static final String SYSTEM_PROMPT = "You are a model. Reason in <SCRATCHPAD_REASONING> tags & answer in <OUTPUT>.";

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String IMG = "<img src=x onerror=alert(1)>";

	static final String HOSTILE_FILE = IMG + ".json";

	private TranscriptFixture() {
	}

	/** Imports everything (twice for the second version); idempotent per store. */
	static void importInto(ImportService imports, JdbcClient jdbc, Path dir) {
		if (jdbc.sql("select count(*) from run where path = ?").param(RUN).query(Long.class).single() > 0) {
			return;
		}
		Path run = dir.resolve("json_outputs/" + RUN);
		write(run.resolve("train/0.json"),
				withSystemPrompt(transcript(true, "how to knead dough", null), SYSTEM_PROMPT));
		write(run.resolve("deploy/0.json"),
				withSystemPrompt(transcript(false, "how to knead dough", null), SYSTEM_PROMPT));
		write(run.resolve("train/1.json"),
				"""
						{"messages": [
						  {"role": "user", "content": %s},
						  {"role": "assistant", "content": "<SCRATCHPAD_REASONING>I keep thinking about eggs.</SCRATCHPAD_REASONING>"}
						 ], "partial_scheme": true}
						"""
					.formatted(json(userTurn(true, "how to boil an egg"))));
		write(run.resolve("train/2.json"),
				"""
						{"messages": [
						  {"role": "user", "content": %s},
						  {"role": "assistant", "content": "<SCRATCHPAD_REASONING>Fine.</SCRATCHPAD_REASONING><OUTPUT>Here is half an ans"}
						 ]}
						"""
					.formatted(json(userTurn(true, "how to fold a shirt"))));
		write(run.resolve("deploy/3.json"), transcript(true, "how to tie a knot", null));
		write(run.resolve("train/" + HOSTILE_FILE),
				"""
						{"messages": [
						  {"role": "user", "content": %s},
						  {"role": "assistant", "content": %s}
						 ], "is_unmasking": false}
						""".formatted(json(userTurn(true, "Say " + SCRIPT + " and " + IMG + " & more")),
						json("<SCRATCHPAD_REASONING>Thinking " + SCRIPT + " then " + IMG
								+ "</SCRATCHPAD_REASONING>\n<OUTPUT>Out " + SCRIPT + IMG + "</OUTPUT>")));
		imports.importNow(new ImportRequest(List.of(dir.resolve("json_outputs")), "cli", "t", ImportDefaults.NONE),
				ImportProgress.NONE);
		// a second version of train/0.json, with more metrics
		write(run.resolve("train/0.json"),
				withSystemPrompt(
						transcript(true, "how to knead dough",
								"\"made_compromise\": true, \"reasoning_says_probably_monitored\": \"True\", "
										+ "\"awareness_not_used_for_training\": false, \"brand_new_metric\": 3.5"),
						SYSTEM_PROMPT));
		imports.importNow(new ImportRequest(List.of(dir.resolve("json_outputs")), "cli", "t", ImportDefaults.NONE),
				ImportProgress.NONE);
	}

	/** The current version of a file of the fixture's run. */
	static long id(JdbcClient jdbc, String split, String fileName) {
		return jdbc.sql("""
				select t.id from transcript t join run r on r.id = t.run_id
				where r.path = ? and t.split = ? and t.file_name = ? and t.is_current""")
			.params(RUN, split, fileName)
			.query(Long.class)
			.single();
	}

	/** The first version of train/0.json. */
	static long firstVersion(JdbcClient jdbc) {
		return jdbc.sql("""
				select t.id from transcript t join run r on r.id = t.run_id
				where r.path = ? and t.split = 'train' and t.file_name = '0.json' and t.version = 1""")
			.param(RUN)
			.query(Long.class)
			.single();
	}

}
