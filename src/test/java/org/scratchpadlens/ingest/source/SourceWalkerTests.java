package org.scratchpadlens.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceWalkerTests {

	@TempDir
	Path tmp;

	/**
	 * What one walk saw: entries (with their content, read while the walk runs) and
	 * rejections, in order.
	 */
	static final class Seen {

		final List<SourceEntry> entries = new ArrayList<>();

		final Map<String, String> contents = new LinkedHashMap<>();

		final Map<String, String> rejections = new LinkedHashMap<>();

		List<String> relativeNames(Path root) {
			return entries.stream().map(e -> relative(root, e.displayPath())).toList();
		}

	}

	static String relative(Path root, String displayPath) {
		String prefix = root.toAbsolutePath().normalize() + java.io.File.separator;
		return (displayPath.startsWith(prefix) ? displayPath.substring(prefix.length()) : displayPath).replace('\\',
				'/');
	}

	/**
	 * Walks the roots like the importer does: each entry is read inside the callback,
	 * zips stay open meanwhile.
	 */
	static Seen walk(Path... roots) {
		Seen seen = new Seen();
		SourceWalker walker = new SourceWalker(e -> {
			seen.entries.add(e);
			try (InputStream in = e.open()) {
				seen.contents.put(e.displayPath(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, seen.rejections::put);
		for (Path root : roots) {
			walker.walk(root);
		}
		return seen;
	}

	static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	/**
	 * Builds a zip whose entries are name → content; a name ending in '/' is a directory
	 * entry.
	 */
	static Path zip(Path file, String... namesAndContents) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < namesAndContents.length; i += 2) {
				zip.putNextEntry(new ZipEntry(namesAndContents[i]));
				zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}

	@Nested
	class Folders {

		@Test
		void walksRecursivelyInNaturalOrder() throws IOException {
			Path root = tmp.resolve("json_outputs");
			for (String name : List.of("10.json", "2.json", "1.json", "02b.json")) {
				write(root.resolve("run/train").resolve(name), name);
			}
			write(root.resolve("run/deploy/1.json"), "d1");
			write(root.resolve("run10/train/1.json"), "x");
			write(root.resolve("run9/train/1.json"), "x");
			assertThat(walk(root).relativeNames(root)).containsExactly("run/deploy/1.json", "run/train/1.json",
					"run/train/2.json", "run/train/02b.json", "run/train/10.json", "run9/train/1.json",
					"run10/train/1.json");
		}

		@Test
		void skipsHiddenFilesHiddenFoldersAndMacMetadata() throws IOException {
			Path root = tmp.resolve("in");
			write(root.resolve("run/train/1.json"), "{}");
			write(root.resolve("run/train/.DS_Store"), "x");
			write(root.resolve("run/train/._1.json"), "x");
			write(root.resolve(".git/config"), "x");
			write(root.resolve("__MACOSX/run/train/._1.json"), "x");
			write(root.resolve("run/Thumbs.db"), "x");
			Seen seen = walk(root);
			assertThat(seen.relativeNames(root)).containsExactly("run/train/1.json");
			assertThat(seen.rejections).isEmpty();
		}

		// rootIndex points at the folder the user named, so PathRules can take the run
		// from there.
		@Test
		void entriesCarryAbsoluteSegmentsAndTheRootsIndex() throws IOException {
			Path root = tmp.resolve("helpful_only_post_rl");
			write(root.resolve("train/3.json"), "{}");
			SourceEntry e = walk(root).entries.get(0);
			assertThat(e.segments().get(e.rootIndex())).isEqualTo("helpful_only_post_rl");
			assertThat(e.segments().subList(e.rootIndex(), e.segments().size())).containsExactly("helpful_only_post_rl",
					"train", "3.json");
			assertThat(e.fileName()).isEqualTo("3.json");
			assertThat(e.size()).isEqualTo(2);
		}

		@Test
		void aSingleFileCanBeTheRoot() throws IOException {
			Path file = write(tmp.resolve("run/train/4.json"), "{}");
			Seen seen = walk(file);
			assertThat(seen.entries).hasSize(1);
			assertThat(seen.contents.values()).containsExactly("{}");
		}

		@Test
		void reportsAMissingPath() {
			Path missing = tmp.resolve("nope");
			Seen seen = walk(missing);
			assertThat(seen.entries).isEmpty();
			assertThat(seen.rejections).containsExactly(Map.entry(missing.toString(), "no such file or folder"));
		}

	}

	@Nested
	class Zips {

		@Test
		void readsEntriesInPlaceInNaturalOrderSkippingMetadata() throws IOException {
			Path z = zip(tmp.resolve("json_outputs.zip"), "json_outputs/", "",
					"json_outputs/helpful_only_post_rl/train/10.json", "ten",
					"json_outputs/helpful_only_post_rl/train/2.json", "two",
					"__MACOSX/json_outputs/helpful_only_post_rl/train/._2.json", "junk", "json_outputs/.DS_Store",
					"junk");
			Seen seen = walk(z);
			assertThat(seen.rejections).isEmpty();
			assertThat(seen.contents).containsExactly(
					Map.entry(z + "!json_outputs/helpful_only_post_rl/train/2.json", "two"),
					Map.entry(z + "!json_outputs/helpful_only_post_rl/train/10.json", "ten"));
			SourceEntry first = seen.entries.get(0);
			assertThat(first.segments()).containsExactly("json_outputs", "helpful_only_post_rl", "train", "2.json");
			assertThat(first.rootIndex()).isZero();
			assertThat(first.size()).isEqualTo(3);
		}

		@Test
		void zipInsideAFolderIsOpenedToo() throws IOException {
			Path root = tmp.resolve("in");
			write(root.resolve("a.json"), "a");
			zip(root.resolve("b.zip"), "run/train/1.json", "one");
			assertThat(walk(root).contents.values()).containsExactly("a", "one");
		}

		// Zip-slip: an entry that climbs out of the archive is refused, and the archive's
		// other entries still come.
		@ParameterizedTest
		@CsvSource(textBlock = """
				../evil.json
				run/../../evil.json
				/etc/evil.json
				..\\evil.json
				C:/evil.json
				""")
		void rejectsUnsafeEntryPathsAndKeepsTheValidOnes(String unsafe) throws IOException {
			Path z = zip(tmp.resolve("x.zip"), unsafe, "evil", "run/train/1.json", "good");
			Seen seen = walk(z);
			assertThat(seen.contents).containsExactly(Map.entry(z + "!run/train/1.json", "good"));
			assertThat(seen.rejections).hasSize(1);
			assertThat(seen.rejections.values().iterator().next()).contains("unsafe zip entry path");
		}

		// Some tools write "./dir/file": a "." segment goes nowhere, so the entry is safe
		// and must not be lost.
		@Test
		void acceptsDotSegmentsAndDropsThem() throws IOException {
			Path z = zip(tmp.resolve("x.zip"), "./run/train/1.json", "good");
			Seen seen = walk(z);
			assertThat(seen.rejections).isEmpty();
			assertThat(seen.entries).singleElement()
				.satisfies(e -> assertThat(e.segments()).containsExactly("run", "train", "1.json"));
		}

		@Test
		void rejectsAZipInsideAZip() throws IOException {
			Path z = zip(tmp.resolve("x.zip"), "inner.zip", "PK", "run/train/1.json", "good");
			Seen seen = walk(z);
			assertThat(seen.contents).hasSize(1);
			assertThat(seen.rejections).containsOnlyKeys(z + "!inner.zip");
		}

		@Test
		void rejectsAZipFileThatIsNotAZip() throws IOException {
			Path fake = write(tmp.resolve("fake.zip"), "this is not a zip");
			Seen seen = walk(fake);
			assertThat(seen.entries).isEmpty();
			assertThat(seen.rejections).containsOnlyKeys(fake.toString());
			assertThat(seen.rejections.get(fake.toString())).startsWith("not a zip archive");
		}

	}

	// The progress bar's total: count() must agree with the number of entries plus
	// rejections a walk reports.
	@Nested
	class Count {

		@Test
		void countAgreesWithWhatAWalkVisits() throws IOException {
			Path root = tmp.resolve("in");
			write(root.resolve("run/train/1.json"), "{}");
			write(root.resolve("run/train/.DS_Store"), "x");
			write(root.resolve("__MACOSX/run/train/._1.json"), "x");
			write(root.resolve(".hidden/2.json"), "x");
			zip(root.resolve("more.zip"), "run/deploy/1.json", "a", "run/deploy/2.json", "b",
					"__MACOSX/run/deploy/._1.json", "c", "../evil.json", "d", "dir/", "");
			write(root.resolve("broken.zip"), "not a zip");
			Path lone = zip(tmp.resolve("lone.zip"), "run/train/9.json", "x", ".hidden", "y");
			Path missing = tmp.resolve("missing");
			List<Path> roots = List.of(root, lone, missing);

			Seen seen = walk(roots.toArray(Path[]::new));
			long visited = seen.entries.size() + seen.rejections.size();
			assertThat(visited).isEqualTo(1 + 2 + 1 + 1 + 1 + 1); // json, 2 zip entries,
																	// evil, broken,
																	// lone's, missing
			assertThat(SourceWalker.count(roots)).isEqualTo(visited);
		}

		@Test
		void countOfNothingIsZero() {
			assertThat(SourceWalker.count(List.of())).isZero();
		}

	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			# a        | b          | sign
			2.json     | 10.json    | -1
			10.json    | 2.json     | 1
			run9       | run10      | -1
			a.json     | b.json     | -1
			1.json     | 1.json     | 0
			007.json   | 7.json     | 0
			99999999999999999999.json | 100000000000000000000.json | -1
			abc        | abcd       | -1
			""")
	void naturalCompareOrdersNumbersByValue(String a, String b, int sign) {
		assertThat(Integer.signum(SourceWalker.naturalCompare(a, b))).isEqualTo(sign);
	}

}
