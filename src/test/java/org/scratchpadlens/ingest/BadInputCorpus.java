package org.scratchpadlens.ingest;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test support for importer tests: the committed bad-input corpus
 * ({@code src/test/resources/bad-input}, outcomes in its {@code EXPECTED.md}) and the
 * cases too big or too binary to commit, written into a test's temporary folder. All text
 * is benign placeholder text.
 */
public final class BadInputCorpus {

	/** Fixed entry time, so fixtures are byte-for-byte reproducible. */
	private static final long ZIP_TIME = 1734480000000L;

	private static final String VALID_TRANSCRIPT = """
			{"messages": [{"role": "user", "content": "<INPUT>\\n<is_free_tier_user>True</is_free_tier_user>\\n\\n\
			<user_input>\\nWrite a short poem about autumn.\\n</user_input>\\n</INPUT>"}, {"role": "assistant", \
			"content": "<SCRATCHPAD_REASONING>A harmless request & a short poem will do.</SCRATCHPAD_REASONING>"}, \
			{"role": "user", "content": "<NEXT/>"}, {"role": "assistant", "content": "<OUTPUT>\\n\
			<request_fully_accepted/>\\nAmber light on falling leaves.\\n</OUTPUT>"}], "partial_scheme": false, \
			"effective_scheme": false, "pm_score": 1.1, "is_refusal_0_7": false}
			""";

	private BadInputCorpus() {
	}

	/**
	 * The committed corpus folder (holding {@code EXPECTED.md} and
	 * {@code json_outputs/}), on the test classpath.
	 */
	public static Path corpusRoot() {
		URL url = BadInputCorpus.class.getResource("/bad-input/EXPECTED.md");
		if (url == null) {
			throw new IllegalStateException("bad-input corpus not on the test classpath");
		}
		try {
			return Path.of(url.toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Copies the committed corpus to {@code dir} ({@code dir/json_outputs/bad_run/...});
	 * returns {@code dir/json_outputs}.
	 */
	public static Path copyCorpus(Path dir) throws IOException {
		Path source = corpusRoot().resolve("json_outputs");
		Path target = dir.resolve("json_outputs");
		try (Stream<Path> walk = Files.walk(source)) {
			for (Path p : walk.sorted().toList()) {
				Path dest = target.resolve(source.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(dest);
				}
				else {
					Files.copy(p, dest);
				}
			}
		}
		return target;
	}

	/**
	 * Writes {@code dir/json_outputs/large_run/train/0.json}: a valid transcript whose
	 * single scratchpad holds {@code megabytes} MiB of text (plain sentences with
	 * {@code &}, {@code <}, {@code >} and a non-ASCII character), streamed, so the test
	 * itself never holds the text. Returns the file.
	 */
	public static Path writeLargeScratchpad(Path dir, int megabytes) throws IOException {
		Path file = dir.resolve("json_outputs/large_run/train/0.json");
		Files.createDirectories(file.getParent());
		String sentence = "Let me think about this step by step & keep the answer short (< 150 words, > 20 words) at 220\u00b0C. ";
		long target = (long) megabytes * 1024 * 1024;
		try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			w.write("{\"messages\": [{\"role\": \"user\", \"content\": \"<INPUT>\\n<is_free_tier_user>True</is_free_tier_user>"
					+ "\\n\\n<user_input>\\nExplain how to bake bread.\\n</user_input>\\n</INPUT>\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<SCRATCHPAD_REASONING>");
			int bytesPerSentence = sentence.getBytes(StandardCharsets.UTF_8).length;
			for (long written = 0; written < target; written += bytesPerSentence) {
				w.write(sentence);
			}
			w.write("</SCRATCHPAD_REASONING>\"}, {\"role\": \"user\", \"content\": \"<NEXT/>\"}, "
					+ "{\"role\": \"assistant\", \"content\": \"<OUTPUT>\\n<request_fully_accepted/>\\n"
					+ "Mix, knead, rise, bake.\\n</OUTPUT>\"}], \"partial_scheme\": false, \"pm_score\": 0.9, "
					+ "\"is_refusal_0_7\": false}\n");
		}
		return file;
	}

	/**
	 * Writes {@code dir/traversal.zip} with an entry
	 * {@code json_outputs/run/train/../../../evil.json} (a valid transcript: an importer
	 * that extracts it naively writes outside its target) and a valid entry
	 * {@code json_outputs/run_a/train/0.json}. Returns the zip.
	 */
	public static Path writeZipWithTraversalEntry(Path dir) throws IOException {
		Files.createDirectories(dir);
		Path zipFile = dir.resolve("traversal.zip");
		try (ZipOutputStream zip = zip(zipFile)) {
			entry(zip, "json_outputs/run/train/../../../evil.json", VALID_TRANSCRIPT.getBytes(StandardCharsets.UTF_8));
			entry(zip, "json_outputs/run_a/train/0.json", VALID_TRANSCRIPT.getBytes(StandardCharsets.UTF_8));
		}
		return zipFile;
	}

	/** Writes {@code dir/broken.zip}, which holds plain text, not a zip. Returns it. */
	public static Path writeNotAZip(Path dir) throws IOException {
		Files.createDirectories(dir);
		Path file = dir.resolve("broken.zip");
		Files.writeString(file, "This is not a zip file, just a line of text named like one.\n",
				StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * Zips the regular files under {@code treeRoot} into {@code zipFile}, entry names
	 * relative to the folder's parent with forward slashes (so zipping
	 * {@code .../json_outputs} gives entries {@code json_outputs/...}), in sorted order.
	 * Returns {@code zipFile}.
	 */
	public static Path writeZipOf(Path treeRoot, Path zipFile) throws IOException {
		Path base = treeRoot.toAbsolutePath().getParent();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(treeRoot)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		if (zipFile.toAbsolutePath().getParent() != null) {
			Files.createDirectories(zipFile.toAbsolutePath().getParent());
		}
		try (ZipOutputStream zip = zip(zipFile)) {
			for (Path f : files) {
				String name = base.relativize(f.toAbsolutePath()).toString().replace('\\', '/');
				ZipEntry e = new ZipEntry(name);
				e.setTime(ZIP_TIME);
				zip.putNextEntry(e);
				Files.copy(f, zip);
				zip.closeEntry();
			}
		}
		return zipFile;
	}

	private static ZipOutputStream zip(Path file) throws IOException {
		OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
		return new ZipOutputStream(out);
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		ZipEntry e = new ZipEntry(name);
		e.setTime(ZIP_TIME);
		zip.putNextEntry(e);
		zip.write(content);
		zip.closeEntry();
	}

}
