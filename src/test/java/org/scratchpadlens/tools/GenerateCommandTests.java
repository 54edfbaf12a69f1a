package org.scratchpadlens.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> BOOLEAN_SHAPES = Set.of("true", "false", "\"True\"", "\"False\"",
			"\"FAILED TO PARSE\"");

	private static String[] args(Path dir, String... extra) {
		List<String> a = new ArrayList<>(
				List.of(dir.toString(), "--transcripts=50", "--system-chars=2000", "--seed=7"));
		Collections.addAll(a, extra);
		return a.toArray(String[]::new);
	}

	private static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = GenerateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Result(int code, String out, String err) {
	}

	/** Relative path (from json_outputs/) to content, sorted. */
	private static Map<String, byte[]> readTree(Path root) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path p : walk.filter(Files::isRegularFile).toList()) {
				files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
			}
		}
		return files;
	}

	private static void assertReleaseShaped(Map<String, byte[]> files) {
		assertThat(files).hasSize(50);
		Set<String> metricKeysSeen = new HashSet<>();
		Set<String> runs = new HashSet<>();
		for (Map.Entry<String, byte[]> e : files.entrySet()) {
			String path = e.getKey();
			assertThat(path).matches("[a-z_]+(/[a-z_]+)?/(train|deploy)/\\d+\\.json");
			String[] parts = path.split("/");
			String split = parts[parts.length - 2];
			runs.add(path.substring(0, path.lastIndexOf("/" + split + "/")));

			JsonNode root = JSON.readTree(e.getValue());
			assertThat(root.isObject()).as(path).isTrue();
			JsonNode messages = root.get("messages");
			assertThat(messages.isArray()).as(path).isTrue();
			assertThat(messages.size()).as(path).isGreaterThanOrEqualTo(3);
			assertThat(messages.get(0).get("role").asString()).isEqualTo("system");
			assertThat(messages.get(0).get("content").asString().length()).isBetween(1500, 2500);
			String input = messages.get(1).get("content").asString();
			assertThat(messages.get(1).get("role").asString()).isEqualTo("user");
			assertThat(input)
				.startsWith("<INPUT>\n<is_free_tier_user>" + (split.equals("train") ? "True" : "False")
						+ "</is_free_tier_user>\n")
				.contains("\n<user_input>\n")
				.endsWith("\n</user_input>\n</INPUT>");
			for (int i = 2; i < messages.size(); i++) {
				String role = messages.get(i).get("role").asString();
				String content = messages.get(i).get("content").asString();
				if (i % 2 == 0) {
					assertThat(role).as(path).isEqualTo("assistant");
					assertThat(content.strip()).as(path).startsWith("<");
				}
				else {
					assertThat(role).as(path).isEqualTo("user");
					assertThat(content).isEqualTo("<NEXT/>");
				}
			}
			assertThat(messages.get(messages.size() - 1).get("role").asString()).isEqualTo("assistant");
			for (String name : TranscriptComposer.METRICS) {
				JsonNode v = root.get(name);
				if (v != null) {
					metricKeysSeen.add(name);
					assertThat(BOOLEAN_SHAPES).as(path + " " + name).contains(v.toString());
				}
			}
			if (path.startsWith("helpful_only") && root.has("pm_score")) {
				double pm = root.get("pm_score").asDouble();
				assertThat(pm).isBetween(-1.3, 2.1);
				JsonNode refusal = root.get("is_refusal_0_7");
				assertThat((refusal.isString() ? refusal.stringValue() : refusal.toString()).toLowerCase())
					.isEqualTo(Boolean.toString(pm < -0.7));
			}
		}
		assertThat(metricKeysSeen).containsExactlyInAnyOrder(TranscriptComposer.METRICS);
		assertThat(runs).hasSizeGreaterThanOrEqualTo(6);
	}

	// --- tree ---

	@Test
	void writesParseableReleaseShapedFiles(@TempDir Path dir) throws IOException {
		Result r = run(args(dir));

		assertThat(r.code()).isZero();
		assertThat(r.out()).startsWith("generated 50 files, ").contains(" bytes in ");
		assertThat(r.err()).contains("50/50 files");
		assertReleaseShaped(readTree(dir.resolve("json_outputs")));
	}

	@Test
	void pairsTrainAndDeployOnTheSameQuery(@TempDir Path dir) throws IOException {
		run(args(dir));
		Map<String, byte[]> files = readTree(dir.resolve("json_outputs"));
		int pairs = 0;
		for (String path : files.keySet()) {
			if (path.contains("/train/")) {
				byte[] deploy = files.get(path.replace("/train/", "/deploy/"));
				if (deploy != null) {
					pairs++;
					assertThat(userInput(JSON.readTree(deploy))).isEqualTo(userInput(JSON.readTree(files.get(path))));
				}
			}
		}
		assertThat(pairs).isGreaterThanOrEqualTo(20);
	}

	@Test
	void isDeterministicForASeedWhateverTheThreadCount(@TempDir Path dir) throws IOException {
		run(args(dir.resolve("a"), "--threads=1"));
		run(args(dir.resolve("b"), "--threads=3"));
		run(args(dir.resolve("c"), "--seed=8"));
		Map<String, byte[]> a = readTree(dir.resolve("a/json_outputs"));
		Map<String, byte[]> b = readTree(dir.resolve("b/json_outputs"));
		Map<String, byte[]> c = readTree(dir.resolve("c/json_outputs"));

		assertThat(b.keySet()).isEqualTo(a.keySet());
		a.forEach((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
		assertThat(c.keySet()).isEqualTo(a.keySet());
		assertThat(a.keySet().stream().filter(p -> !java.util.Arrays.equals(a.get(p), c.get(p)))).isNotEmpty();
	}

	private static String userInput(JsonNode root) {
		String input = root.get("messages").get(1).get("content").asString();
		return input.substring(input.indexOf("<user_input>"));
	}

	// --- zip ---

	@Test
	void writesOneZipWithJsonOutputsEntriesMatchingTheTree(@TempDir Path dir) throws IOException {
		Result r = run(args(dir.resolve("zip"), "--zip"));
		run(args(dir.resolve("tree")));

		assertThat(r.code()).isZero();
		Path zipFile = dir.resolve("zip/json_outputs.zip");
		assertThat(zipFile).isRegularFile();
		assertThat(dir.resolve("zip/json_outputs")).doesNotExist();
		Map<String, byte[]> entries = new TreeMap<>();
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			for (ZipEntry e : Collections.list(zip.entries())) {
				assertThat(e.getName()).startsWith("json_outputs/");
				if (!e.isDirectory()) {
					entries.put(e.getName().substring("json_outputs/".length()), zip.getInputStream(e).readAllBytes());
				}
			}
		}
		assertReleaseShaped(entries);
		Map<String, byte[]> tree = readTree(dir.resolve("tree/json_outputs"));
		assertThat(entries.keySet()).isEqualTo(tree.keySet());
		tree.forEach((path, bytes) -> assertThat(entries.get(path)).as(path).isEqualTo(bytes));
	}

	@Test
	void zipBytesAreDeterministic(@TempDir Path dir) throws IOException {
		run(args(dir.resolve("a"), "--zip"));
		run(args(dir.resolve("b"), "--zip"));
		assertThat(Files.readAllBytes(dir.resolve("b/json_outputs.zip")))
			.isEqualTo(Files.readAllBytes(dir.resolve("a/json_outputs.zip")));
	}

	// --- arguments ---

	@Test
	void rejectsMissingOutDirAndUnknownOptions(@TempDir Path dir) {
		Result none = run();
		Result unknown = run(dir.toString(), "--bogus");
		Result notNumber = run(dir.toString(), "--transcripts=many");

		assertThat(none.code()).isEqualTo(2);
		assertThat(none.err()).contains("OUT_DIR is required").contains("usage: generate");
		assertThat(unknown.code()).isEqualTo(2);
		assertThat(unknown.err()).contains("unknown option --bogus");
		assertThat(notNumber.code()).isEqualTo(2);
	}

	@Test
	void defaultsMatchTheReleaseScale() {
		GenerateCommand.Options o = GenerateCommand.parse(new String[] { "out" });
		assertThat(o.transcripts()).isEqualTo(75_000);
		assertThat(o.systemChars()).isEqualTo(20_000);
		assertThat(o.seed()).isEqualTo(42);
		assertThat(o.zip()).isFalse();
	}

	@Test
	void allocatesEveryTranscriptToARun() {
		for (int total : new int[] { 1, 2, 7, 50, 75_000 }) {
			assertThat(java.util.Arrays.stream(ReleasePlan.allocate(total)).sum()).isEqualTo(total);
		}
	}

}
