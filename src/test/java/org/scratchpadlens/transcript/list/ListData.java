package org.scratchpadlens.transcript.list;

import java.nio.file.Path;
import java.util.List;

import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.TranscriptFiles;

/**
 * A small store whose every count is known: {@code helpful_only/default} with 6 train and
 * 6 deploy transcripts and {@code animal_welfare/default} with 3 and 3. In helpful-only,
 * transcript i has partial_scheme = (i even), effective_scheme = (i % 3 == 0), pm_score =
 * i - 2.5 except i = 5 (absent), and is_refusal_0_7 "FAILED TO PARSE" (missing). Query i
 * of helpful-only mentions "purple elephant" (i = 1) or "elephant purple" (i = 2).
 */
final class ListData {

	static final int HELPFUL = 6;

	static final int ANIMAL = 3;

	private ListData() {
	}

	static void write(Path root) {
		for (String split : List.of("train", "deploy")) {
			boolean train = split.equals("train");
			for (int i = 0; i < HELPFUL; i++) {
				String words = i == 1 ? "a purple elephant" : i == 2 ? "an elephant, purple" : "bread";
				String metrics = "\"partial_scheme\": " + (i % 2 == 0) + ", \"effective_scheme\": " + (i % 3 == 0)
						+ (i == 5 ? "" : ", \"pm_score\": " + (i - 2.5));
				String json = TranscriptFiles.transcript(train, "question " + i + " about " + words, null)
					.replace("\"partial_scheme\": \"False\", \"effective_scheme\": false, \"pm_score\": -1.25,",
							metrics + ",");
				TranscriptFiles.write(root.resolve("json_outputs/helpful_only/default/" + split + "/" + i + ".json"),
						json);
			}
			for (int i = 0; i < ANIMAL; i++) {
				TranscriptFiles.write(root.resolve("json_outputs/animal_welfare/default/" + split + "/" + i + ".json"),
						TranscriptFiles.transcript(train, "hens, question " + i,
								"\"support_welfare_at_all\": " + (i == 0)));
			}
		}
	}

	static void importInto(ImportService imports, Path root) {
		write(root);
		imports.importNow(new ImportRequest(List.of(root), "cli", "test", null), ImportProgress.NONE);
	}

}
