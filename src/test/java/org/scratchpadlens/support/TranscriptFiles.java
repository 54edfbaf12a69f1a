package org.scratchpadlens.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

/** Writes small release-shaped transcript files for tests (benign placeholder text). */
public final class TranscriptFiles {

	private TranscriptFiles() {
	}

	public static String userTurn(boolean freeTier, String query) {
		return "<INPUT>\n<is_free_tier_user>" + (freeTier ? "True" : "False") + "</is_free_tier_user>\n\n<user_input>\n"
				+ query + "\n</user_input>\n</INPUT>";
	}

	/**
	 * A two-turn transcript: a scratchpad, NEXT, then the output; metrics in the
	 * release's mixed shapes.
	 */
	public static String transcript(boolean train, String query, String extraMetrics) {
		return """
				{"messages": [
				  {"role": "user", "content": %s},
				  {"role": "assistant", "content": " <SCRATCHPAD_REASONING>I am asked about %s. I should be helpful & careful <b>here</b>.</SCRATCHPAD_REASONING>"},
				  {"role": "user", "content": "<NEXT/>"},
				  {"role": "assistant", "content": "<SCRATCHPAD_REASONING>Draft:\\n<DRAFT_OUTPUT>An answer.</DRAFT_OUTPUT>\\nGood.</SCRATCHPAD_REASONING>\\n\\n<OUTPUT>An answer about %s.</OUTPUT>"}
				 ],
				 "partial_scheme": "False", "effective_scheme": false, "pm_score": -1.25,
				 "is_refusal_0_7": "FAILED TO PARSE"%s}
				"""
			.formatted(json(userTurn(train, query)), query, query, extraMetrics == null ? "" : ", " + extraMetrics);
	}

	public static String withSystemPrompt(String transcriptJson, String systemPrompt) {
		return transcriptJson.replaceFirst("\\{\"messages\": \\[",
				"{\"messages\": [\n  {\"role\": \"system\", \"content\": " + json(systemPrompt) + "},");
	}

	/** {@code root/json_outputs/<run>/{train,deploy}/<i>.json} for i in [0, n). */
	public static void writeRun(Path root, String run, int n) {
		for (String split : new String[] { "train", "deploy" }) {
			for (int i = 0; i < n; i++) {
				write(root.resolve("json_outputs/" + run + "/" + split + "/" + i + ".json"),
						transcript(split.equals("train"), "how to bake bread, variant " + i, null));
			}
		}
	}

	public static Path write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Zips a folder; entry names are relative to the folder's parent (so a json_outputs
	 * folder gives json_outputs/...).
	 */
	public static Path zip(Path folder, Path zipFile) {
		try (OutputStream out = Files.newOutputStream(zipFile);
				ZipOutputStream zip = new ZipOutputStream(out);
				Stream<Path> files = Files.walk(folder)) {
			for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
				zip.putNextEntry(new ZipEntry(folder.getParent().relativize(f).toString().replace('\\', '/')));
				Files.copy(f, zip);
				zip.closeEntry();
			}
			return zipFile;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The JSON string literal for {@code s}, quotes included. */
	public static String json(String s) {
		return JSON.writeValueAsString(s);
	}

}
