package org.scratchpadlens.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.BadInputCorpus;
import org.scratchpadlens.support.TranscriptFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The memory cases of hostile input, as a user meets them: the packaged jar with a 256 MB
 * heap imports a folder holding a JSONL file whose first line is 2 GiB (read whole, it
 * took 4.5 GB) and a zip whose directory says an entry holds 1,000 bytes while it
 * inflates to 2 GiB (trusted, it grew the heap to 2.7 GB and failed the import). Both are
 * rejected with their reasons and everything beside them loads.
 */
class HostileInputIT {

	final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void aTwoGibibyteLineAndALyingZipAreRejectedInA256MegabyteHeapAndTheRestLoads() throws Exception {
		Path release = work.resolve("release");
		TranscriptFiles.writeRun(release, "helpful_only/fine", 2);
		BadInputCorpus.writeSparseLongLine(release.resolve("docs/long_line.jsonl"), 2L << 30);
		BadInputCorpus.writeLyingZip(release.resolve("lying.zip"), "json_outputs/helpful_only/zipped/train/0.json",
				2048, 1000, "json_outputs/helpful_only/zipped/train/1.json");
		Path report = work.resolve("report.json");

		JarProcess.Result result = run("-Xmx256m", "import", release.toString(), "--report=" + report,
				"--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/store"));

		assertThat(result.err()).doesNotContain("OutOfMemoryError");
		assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(3);
		JsonNode r = json.readTree(report.toFile());
		Map<String, String> reasons = new TreeMap<>();
		for (JsonNode rejected : r.get("rejected")) {
			String path = rejected.get("path").asString();
			reasons.put(path.substring(path.indexOf(File.separator + "release" + File.separator) + 9),
					rejected.get("reason").asString());
		}
		assertThat(reasons).containsOnlyKeys("docs/long_line.jsonl:1",
				"lying.zip!json_outputs/helpful_only/zipped/train/0.json");
		assertThat(reasons.get("docs/long_line.jsonl:1")).startsWith(
				"a line of 2,147,483,648 bytes, more than the 64 MiB (67,108,864 bytes) one JSONL line may hold");
		assertThat(reasons.get("lying.zip!json_outputs/helpful_only/zipped/train/0.json"))
			.startsWith("the zip entry holds more than the 1,000 bytes the zip's directory says it has");
		assertThat(r.get("status").asString()).isEqualTo("completed_with_rejections");
		assertThat(r.get("transcripts_imported").asInt()).as("4 in the folder, 1 beside the lying entry").isEqualTo(5);
		assertThat(r.get("documents_imported").asInt()).as("the line after the long one").isEqualTo(1);
	}

	/** {@code java HEAP -jar scratchpad-lens.jar ARGS...} in {@link #work}. */
	JarProcess.Result run(String heap, String... args) throws Exception {
		List<String> cmd = new ArrayList<>(
				List.of(JarProcess.javaBin(), heap, "-jar", JarProcess.jar().toAbsolutePath().toString()));
		cmd.addAll(List.of(args));
		Path out = Files.createTempFile(work, "jar-out", ".txt");
		Path err = Files.createTempFile(work, "jar-err", ".txt");
		Process p = new ProcessBuilder(cmd).directory(work.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		if (!p.waitFor(180, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("jar did not finish: " + cmd + "\n" + Files.readString(out));
		}
		return new JarProcess.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

}
