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
	/**
	 * Links are followed, but never around a loop nor twice into one folder:
	 * {@code ln -s .
	 * loop} once turned 2 files into 82 transcripts, and two such links made the walk
	 * (and the counting pass before it) run forever.
	 */
	@Nested
	class Links {

		@Test
		void aLinkBackIntoItsOwnFolderIsRejectedAndEachFileReadOnce() throws IOException {
			Path run = org.scratchpadlens.ingest.BadInputCorpus.writeLinkLoops(tmp.resolve("json_outputs/r/train"));

			Seen seen = walk(tmp.resolve("json_outputs"));

			assertThat(seen.relativeNames(tmp.resolve("json_outputs"))).containsExactly("r/train/0.json",
					"r/train/1.json");
			assertThat(seen.rejections).containsOnlyKeys(run.resolve("loop").toString(),
					run.resolve("self").toString());
			assertThat(seen.rejections.values())
				.allSatisfy(r -> assertThat(r).startsWith("a link loop: this is a link back to " + run)
					.contains("not followed"));
		}

		@Test
		void countingAFolderWithTwoSelfLinksEnds() throws IOException {
			org.scratchpadlens.ingest.BadInputCorpus.writeLinkLoops(tmp.resolve("r/train"));

			long n = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
					() -> SourceWalker.count(List.of(tmp.resolve("r"))));

			assertThat(n).as("2 files and 2 rejected links").isEqualTo(4);
		}

		@Test
		void aLinkToAFolderOutsideIsFollowedOnceAndASecondWayInIsRejected() throws IOException {
			Path elsewhere = tmp.resolve("elsewhere/run");
			write(elsewhere.resolve("train/0.json"), "x");
			Path root = tmp.resolve("in");
			Files.createDirectories(root);
			Files.createSymbolicLink(root.resolve("a"), elsewhere);
			Files.createSymbolicLink(root.resolve("b"), elsewhere);
			Files.createSymbolicLink(root.resolve("c.json"), elsewhere.resolve("train/0.json"));

			Seen seen = walk(root);

			assertThat(seen.relativeNames(root)).containsExactly("a/train/0.json", "c.json");
			assertThat(seen.rejections).containsOnlyKeys(root.resolve("b").toString());
			assertThat(seen.rejections.get(root.resolve("b").toString()))
				.isEqualTo("the same folder as " + root.resolve("a") + " (reached again through a link), which was "
						+ "already read: not read twice");
		}

		@Test
		void aDanglingLinkIsRejectedAndTheRestRead() throws IOException {
			Path root = tmp.resolve("in");
			write(root.resolve("0.json"), "x");
			Files.createSymbolicLink(root.resolve("gone"), tmp.resolve("nowhere"));

			Seen seen = walk(root);

			assertThat(seen.relativeNames(root)).containsExactly("0.json");
			assertThat(seen.rejections.get(root.resolve("gone").toString())).startsWith("cannot read file");
		}

	}

	/**
	 * Whole-file reads count what arrives: never more than the claim (a zip's directory
	 * can understate an entry), never more than the limit.
	 */
	@Nested
	class BoundedReads {

		static java.io.InputStream bytes(int n) {
			byte[] b = new byte[n];
			java.util.Arrays.fill(b, (byte) 'a');
			return new java.io.ByteArrayInputStream(b);
		}

		@Test
		void readsExactlyWhatIsClaimed() throws IOException {
			assertThat(BoundedRead.readAll(bytes(100), 100, 1000)).hasSize(100);
			assertThat(BoundedRead.readAll(bytes(0), 0, 1000)).isEmpty();
		}

		@Test
		void aShorterStreamThanClaimedGivesWhatItHolds() throws IOException {
			assertThat(BoundedRead.readAll(bytes(10), 100, 1000)).hasSize(10);
		}

		@Test
		void refusesAClaimOverTheLimitWithoutReading() {
			var in = org.scratchpadlens.ingest.BadInputCorpus.generated("", (byte) 'a', 5000, "");
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> BoundedRead.readAll(in, 2000, 1000))
				.isInstanceOf(BoundedRead.OverLimit.class);
			assertThat(in.served()).isZero();
		}

		@Test
		void stopsOneByteAfterTheClaimWhenTheStreamHoldsMore() {
			var in = org.scratchpadlens.ingest.BadInputCorpus.generated("", (byte) 'a', 1L << 40, "");
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> BoundedRead.readAll(in, 100, 1000))
				.isInstanceOfSatisfying(BoundedRead.LongerThanClaimed.class,
						e -> assertThat(e.claimed()).isEqualTo(100));
			assertThat(in.served()).isEqualTo(101);
		}

		@Test
		void aLargeClaimIsNotAllocatedUpFront() throws IOException {
			// claims 300 MiB, holds 10 bytes: growing as bytes arrive, nothing near the
			// claim
			// is allocated (the read itself would fail on a small heap otherwise)
			long claimed = 300L * 1024 * 1024;
			assertThat(BoundedRead.readAll(bytes(10), claimed, 512L * 1024 * 1024)).hasSize(10);
		}

		@Test
		void aLargeClaimThatIsExceededStopsOneByteAfterIt() {
			long claimed = BoundedRead.TRUSTED_ALLOCATION + 10L;
			var in = org.scratchpadlens.ingest.BadInputCorpus.generated("", (byte) 'a', 1L << 40, "");
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> BoundedRead.readAll(in, claimed, claimed * 2))
				.isInstanceOf(BoundedRead.LongerThanClaimed.class);
			assertThat(in.served()).isEqualTo(claimed + 1);
		}

		@Test
		void anUnknownSizeIsReadUpToTheLimitPlusOne() throws IOException {
			assertThat(BoundedRead.readAll(bytes(1000), -1, 1000)).hasSize(1000);
			var in = org.scratchpadlens.ingest.BadInputCorpus.generated("", (byte) 'a', 1L << 40, "");
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> BoundedRead.readAll(in, -1, 300_000))
				.isInstanceOfSatisfying(BoundedRead.OverLimit.class, e -> assertThat(e.limit()).isEqualTo(300_000));
			assertThat(in.served()).isEqualTo(300_001);
		}

		@Test
		void theBytesComeThroughIntact() throws IOException {
			byte[] data = new byte[700_000];
			new java.util.Random(7).nextBytes(data);
			assertThat(BoundedRead.readAll(new java.io.ByteArrayInputStream(data), -1, 1_000_000)).isEqualTo(data);
			assertThat(BoundedRead.readAll(new java.io.ByteArrayInputStream(data), data.length, 1_000_000))
				.isEqualTo(data);
		}

	}

	/**
	 * Lines as BufferedReader splits them, but a line over the limit is skipped, not
	 * built.
	 */
	@Nested
	class Lines {

		static List<String> lines(String text, int max) throws IOException {
			LineReader r = new LineReader(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
			List<String> out = new ArrayList<>();
			for (LineReader.Status s = r.next(); s != LineReader.Status.END; s = r.next()) {
				out.add(r.lineNumber() + (s == LineReader.Status.TOO_LONG ? " TOO_LONG " + r.skippedBytes()
						: " " + new String(r.buffer(), r.start(), r.length(), StandardCharsets.UTF_8)));
			}
			return out;
		}

		@ParameterizedTest
		@org.junit.jupiter.params.provider.ValueSource(
				strings = { "a\nb\n", "a\r\nb", "a\rb\r\n\nc", "", "\n", "\r\r\n\n", "x", " \u00e9\n\u4e2d" })
		void splitsLikeBufferedReader(String input) throws IOException {
			java.io.BufferedReader reference = new java.io.BufferedReader(new java.io.StringReader(input));
			List<String> expected = new ArrayList<>();
			int n = 0;
			for (String line = reference.readLine(); line != null; line = reference.readLine()) {
				expected.add(++n + " " + line);
			}
			assertThat(lines(input, 100)).isEqualTo(expected);
		}

		@Test
		void aLineOverTheLimitIsSkippedAndTheNextOnesRead() throws IOException {
			assertThat(lines("ok\n" + "x".repeat(11) + "\r\nafter\n" + "y".repeat(10) + "\nend", 10))
				.containsExactly("1 ok", "2 TOO_LONG 11", "3 after", "4 " + "y".repeat(10), "5 end");
			assertThat(lines("z".repeat(25), 10)).containsExactly("1 TOO_LONG 25");
		}

		@Test
		void linesLongerThanTheBufferComeWhole() throws IOException {
			String big = "b".repeat(200_000);
			assertThat(lines("a\n" + big + "\nc", 300_000)).containsExactly("1 a", "2 " + big, "3 c");
		}

		@Test
		void aLineFarOverTheLimitIsSkippedHoldingAtMostTheLimit() throws IOException {
			// (2 GiB lines go through EntryReader and the importer in HostileInputTests)
			long size = (256L << 20) + 100;
			String tail = "\"}\n{\"content\": \"next\"}\n";
			var in = org.scratchpadlens.ingest.BadInputCorpus.generated("{\"content\": \"", (byte) 'x', size, tail);
			LineReader r = new LineReader(in, 1024 * 1024);

			assertThat(r.next()).isEqualTo(LineReader.Status.TOO_LONG);
			assertThat(r.skippedBytes()).isEqualTo(size - tail.length() + 2);
			assertThat(r.buffer().length).as("the buffer never grew past the limit")
				.isLessThanOrEqualTo(1024 * 1024 + 2);
			assertThat(r.next()).isEqualTo(LineReader.Status.LINE);
			assertThat(new String(r.buffer(), r.start(), r.length(), StandardCharsets.UTF_8))
				.isEqualTo("{\"content\": \"next\"}");
			assertThat(r.next()).isEqualTo(LineReader.Status.END);
		}

	}

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
