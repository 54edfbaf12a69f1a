package org.scratchpadlens.transcript.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.scratchpadlens.support.TranscriptFiles;

/**
 * Release-shaped runs built on the paper's counts (helpful-only after RL: 172 transcripts
 * per split, no refusal in training, 12 refusals unmonitored), with missing values, plus
 * an animal-welfare run (no refusal metric configured) and a run whose setting is
 * unknown.
 *
 * <pre>
 * helpful_only_post_rl  train  (172): partial true for i &lt; 40, "FAILED TO PARSE" for i = 170, 171;
 *                                     effective true for i &lt; 30; is_refusal_0_7 false everywhere
 *                       deploy (172): partial true for i &lt; 20; effective true for i &lt; 10, absent for i = 171;
 *                                     is_refusal_0_7 true for i &lt; 12 (as the string "True" for i = 0)
 * </pre>
 */
final class PaperCounts {

	static final String HELPFUL = "helpful_only_post_rl";

	static final String ANIMAL = "animal_welfare/default";

	static final String MYSTERY = "mystery_run";

	private PaperCounts() {
	}

	static Path write(Path root) {
		Path out = root.resolve("json_outputs");
		run(out, HELPFUL, "train", 172, i -> metrics(i < 40 ? "true" : i >= 170 ? "\"FAILED TO PARSE\"" : "false",
				i < 30 ? "true" : "false", "false"));
		run(out, HELPFUL, "deploy", 172, i -> metrics(i < 20 ? "true" : "false",
				i == 171 ? null : i < 10 ? "true" : "false", i == 0 ? "\"True\"" : i < 12 ? "true" : "false"));
		run(out, ANIMAL, "train", 5, i -> metrics(i < 2 ? "true" : "false", i < 1 ? "true" : "false", null));
		run(out, ANIMAL, "deploy", 5, i -> metrics("false", "false", null));
		run(out, MYSTERY, "train", 3, i -> metrics("false", "false", "false"));
		run(out, MYSTERY, "deploy", 3, i -> metrics("false", "false", "true"));
		return out;
	}

	private static void run(Path out, String run, String split, int n, IntFunction<String> metrics) {
		for (int i = 0; i < n; i++) {
			TranscriptFiles.write(out.resolve(run + "/" + split + "/" + i + ".json"),
					"""
							{"messages": [
							  {"role": "user", "content": %s},
							  {"role": "assistant", "content": "<SCRATCHPAD_REASONING>I think about query %d & <b>answer</b>.</SCRATCHPAD_REASONING>\\n<OUTPUT>An answer.</OUTPUT>"}
							 ]%s}
							"""
						.formatted(
								TranscriptFiles.json(TranscriptFiles.userTurn(split.equals("train"), "question " + i)),
								i, metrics.apply(i)));
		}
	}

	private static String metrics(String partial, String effective, String refusal) {
		List<String> fields = new ArrayList<>();
		fields.add("\"partial_scheme\": " + partial);
		if (effective != null) {
			fields.add("\"effective_scheme\": " + effective);
		}
		if (refusal != null) {
			fields.add("\"is_refusal_0_7\": " + refusal);
		}
		fields.add("\"pm_score\": 0.5");
		return ", " + String.join(", ", fields);
	}

}
