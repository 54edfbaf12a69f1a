package org.scratchpadlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks the corpus itself against EXPECTED.md with a minimal reference classifier, so
 * the table stays true when either changes. (The real importer has its own tests that use
 * the corpus.)
 */
class BadInputCorpusTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ROW = Pattern
		.compile("^\\| ((?:train|deploy)/\\d+\\.json) \\| (accepted|rejected) \\| ?([a-z]*) ?\\|(.*)\\|$");

	private static final Pattern LINE_COL = Pattern.compile("\\*\\*line (\\d+), column (\\d+)\\*\\*");

	record Expectation(String outcome, String keyword, String notes) {
	}

	private static Map<String, Expectation> expected() throws IOException {
		Map<String, Expectation> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(BadInputCorpus.corpusRoot().resolve("EXPECTED.md"))) {
			Matcher m = ROW.matcher(line);
			if (m.matches()) {
				rows.put(m.group(1), new Expectation(m.group(2), m.group(3), m.group(4)));
			}
		}
		return rows;
	}

	/** "accepted", or the reason keyword, plus the error location for syntax errors. */
	record Verdict(String outcome, String keyword, int line, int column) {

		static Verdict accepted() {
			return new Verdict("accepted", "", 0, 0);
		}

		static Verdict rejected(String keyword) {
			return new Verdict("rejected", keyword, 0, 0);
		}

	}

	static Verdict classify(byte[] bytes) {
		if (bytes.length == 0) {
			return Verdict.rejected("empty");
		}
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return Verdict.rejected("binary");
		}
		if (text.indexOf('\0') >= 0) {
			return Verdict.rejected("binary");
		}
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (UnexpectedEndOfInputException ex) {
			return Verdict.rejected("truncated");
		}
		catch (JacksonException ex) {
			return new Verdict("rejected", "invalid", ex.getLocation().getLineNr(), ex.getLocation().getColumnNr());
		}
		if (root.isArray()) {
			return Verdict.rejected("array");
		}
		JsonNode messages = root.get("messages");
		if (messages == null || !messages.isArray()) {
			return Verdict.rejected("messages");
		}
		for (JsonNode m : messages) {
			if (!m.isObject() || !m.path("role").isString() || !m.path("content").isString()) {
				return Verdict.rejected("message");
			}
		}
		return Verdict.accepted();
	}

	@Test
	void everyCorpusFileBehavesAsEXPECTEDmdSays() throws IOException {
		Path runDir = BadInputCorpus.corpusRoot().resolve("json_outputs/bad_run");
		Map<String, Expectation> expected = expected();
		List<String> files;
		try (Stream<Path> walk = Files.walk(runDir)) {
			files = walk.filter(Files::isRegularFile)
				.map(p -> runDir.relativize(p).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}

		assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(files);
		for (String file : files) {
			Expectation e = expected.get(file);
			Verdict v = classify(Files.readAllBytes(runDir.resolve(file)));
			assertThat(v.outcome()).as(file).isEqualTo(e.outcome());
			assertThat(v.keyword()).as(file).isEqualTo(e.keyword());
			Matcher lc = LINE_COL.matcher(e.notes());
			if (lc.find()) {
				assertThat(v.line()).as(file + " line").isEqualTo(Integer.parseInt(lc.group(1)));
				assertThat(v.column()).as(file + " column").isEqualTo(Integer.parseInt(lc.group(2)));
			}
		}
		assertThat(expected.values().stream().filter(e -> e.outcome().equals("rejected"))).hasSize(9);
	}

	@Test
	void largeScratchpadIsValidAndAsBigAsAsked(@TempDir Path dir) throws IOException {
		Path file = BadInputCorpus.writeLargeScratchpad(dir, 5);

		assertThat(file).isEqualTo(dir.resolve("json_outputs/large_run/train/0.json"));
		assertThat(Files.size(file)).isGreaterThan(5L * 1024 * 1024);
		JsonNode root;
		try (InputStream in = Files.newInputStream(file)) {
			root = JSON.readTree(in);
		}
		String scratchpad = root.get("messages").get(1).get("content").asString();
		assertThat(scratchpad).startsWith("<SCRATCHPAD_REASONING>").endsWith("</SCRATCHPAD_REASONING>");
		assertThat(scratchpad.length()).isGreaterThan(5_000_000);
		assertThat(classify(Files.readAllBytes(file))).isEqualTo(Verdict.accepted());
	}

	@Test
	void traversalZipHoldsTheEvilEntryAndAValidOne(@TempDir Path dir) throws IOException {
		Path zipFile = BadInputCorpus.writeZipWithTraversalEntry(dir);

		assertThat(zipFile.getFileName()).hasToString("traversal.zip");
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			List<? extends ZipEntry> entries = Collections.list(zip.entries());
			assertThat(entries).extracting(ZipEntry::getName)
				.containsExactly("json_outputs/run/train/../../../evil.json", "json_outputs/run_a/train/0.json");
			for (ZipEntry e : entries) {
				assertThat(classify(zip.getInputStream(e).readAllBytes())).isEqualTo(Verdict.accepted());
			}
		}
	}

	@Test
	void notAZipIsRejectedByZipFile(@TempDir Path dir) throws IOException {
		Path file = BadInputCorpus.writeNotAZip(dir);

		assertThat(file.getFileName()).hasToString("broken.zip");
		assertThatThrownBy(() -> new ZipFile(file.toFile()).close()).isInstanceOf(ZipException.class);
	}

	@Test
	void zipOfTheCorpusHasEntriesUnderJsonOutputsWithTheSameBytes(@TempDir Path dir) throws IOException {
		Path tree = BadInputCorpus.copyCorpus(dir.resolve("copy"));
		Path zipFile = BadInputCorpus.writeZipOf(tree, dir.resolve("out/corpus.zip"));

		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			List<? extends ZipEntry> entries = Collections.list(zip.entries());
			assertThat(entries).hasSize(expected().size());
			for (ZipEntry e : entries) {
				assertThat(e.getName()).startsWith("json_outputs/bad_run/");
				Path original = dir.resolve("copy").resolve(e.getName());
				assertThat(zip.getInputStream(e).readAllBytes()).as(e.getName())
					.isEqualTo(Files.readAllBytes(original));
			}
		}
	}

}
