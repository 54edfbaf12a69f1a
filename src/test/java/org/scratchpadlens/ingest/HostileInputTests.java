package org.scratchpadlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.scratchpadlens.support.TranscriptFiles.transcript;
import static org.scratchpadlens.support.TranscriptFiles.write;
import static org.scratchpadlens.support.TranscriptFiles.writeRun;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportUnit.Rejection;
import org.scratchpadlens.ingest.job.ImportJobQueries;
import org.scratchpadlens.ingest.job.ImportJobStatus;
import org.scratchpadlens.ingest.job.ImportJobView;
import org.scratchpadlens.ingest.job.ImportReport;
import org.scratchpadlens.ingest.parse.InputLimits;
import org.scratchpadlens.ingest.source.SourceEntry;
import org.scratchpadlens.ingest.web.UploadImports;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * "One bad file never costs the others": each hostile input that once failed the whole
 * import, or the machine, is rejected with a reason that names the limit, while
 * everything valid beside it loads. The memory cases are also run in a JVM with a 256 MB
 * heap ({@code cli/HostileInputIT}).
 */
@AppTest
class HostileInputTests extends FreshDatabase {

	static final long TWO_GIB = 2L << 30;

	@Autowired
	ImportService imports;

	@Autowired
	ImportJobQueries queries;

	@Autowired
	UploadImports uploads;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	static String doc(String text) {
		return "{\"content\": \"" + text + "\", \"doc_type\": \"note\"}";
	}

	/** A transcript line with identity fields (JSONL lines may carry them). */
	static String hinted(String fields) {
		return BadInputCorpus.validTranscriptLine().replaceFirst("\\{", "{" + fields + ", ");
	}

	/** Rejections by path relative to the test's folder. */
	Map<String, String> reasons(List<ImportReport.RejectedFile> rejected) {
		Map<String, String> out = new TreeMap<>();
		String prefix = dir.toAbsolutePath() + File.separator;
		for (ImportReport.RejectedFile r : rejected) {
			out.put(r.path().startsWith(prefix) ? r.path().substring(prefix.length()) : r.path(), r.reason());
		}
		return out;
	}

	@Test
	void eachHostileFileIsRejectedWithItsReasonAndEverythingBesideItLoads() throws Exception {
		writeRun(dir, "helpful_only/ok", 2);
		Path train = dir.resolve("json_outputs/helpful_only/hostile/train");
		write(train.resolve("0.json"), transcript(true, "a fine one", null));
		write(train.resolve("1.json"), transcript(true, "too deep", "\"extra\": " + BadInputCorpus.nestedLists(1000)));
		write(train.resolve("2.json"), transcript(true, "a long key", "\"" + "k".repeat(301) + "\": true"));
		write(train.resolve("3.json"), transcript(true, "a long role", null).replaceFirst("\"role\": \"assistant\"",
				"\"role\": \"" + "r".repeat(41) + "\""));
		BadInputCorpus.writeSparseFile(train.resolve("4.json"), 513L * InputLimits.MIB);
		BadInputCorpus.writeLinkLoops(train.resolve("looped"));
		String s250 = "s".repeat(250);
		write(train.resolve(String.join("/", s250, s250, s250, s250, "5.json")),
				transcript(true, "a long file name", null));
		String longRun = String.join("/", "a".repeat(250), "b".repeat(250), "c".repeat(250), "d".repeat(250));
		write(dir.resolve("json_outputs/helpful_only/" + longRun + "/train/0.json"),
				transcript(true, "a long run", null));

		Path docs = dir.resolve("docs");
		write(docs.resolve("lines.jsonl"), String.join("\n", doc("first line"), BadInputCorpus.nestedLists(1000),
				BadInputCorpus.nestedObjects(1000), doc("one") + " " + doc("two"),
				"{\"content\": \"x\", \"setting\": \"" + "s".repeat(201) + "\"}",
				"{\"content\": \"x\", \"doc_type\": \"" + "t".repeat(1001) + "\"}",
				hinted("\"run\": \"helpful_only/" + "v".repeat(301) + "\", \"split\": \"train\""),
				hinted("\"run\": \"helpful_only/jsonl\", \"split\": \"train\", \"model\": \"" + "m".repeat(301) + "\""),
				hinted("\"run\": \"helpful_only/jsonl\", \"split\": \"train\", \"query_index\": 9"), doc("last line")));
		BadInputCorpus.writeSparseLongLine(docs.resolve("long_line.jsonl"), TWO_GIB);
		write(docs.resolve("deep_array.json"), "[" + doc("array one") + ", {\"content\": \"x\", \"meta\": "
				+ BadInputCorpus.nestedLists(1000) + "}, " + doc("never read") + "]");
		BadInputCorpus.writeDocumentArrayWithLongText(docs.resolve("long_text.json"), InputLimits.MAX_TEXT_CHARS + 1L);
		Path zip = BadInputCorpus.writeLyingZip(dir.resolve("zips/lying.zip"),
				"json_outputs/helpful_only/zipped/train/0.json", 2048, 1000,
				"json_outputs/helpful_only/zipped/train/1.json");
		List<Long> totals = new CopyOnWriteArrayList<>();

		ImportReport report = assertTimeoutPreemptively(Duration.ofMinutes(3),
				() -> imports.importNow(new ImportRequest(List.of(dir.resolve("json_outputs"), docs, zip), "cli",
						"tester", ImportDefaults.NONE), (done, total) -> totals.add(total)));

		Map<String, String> reasons = reasons(report.rejected());
		String hostile = "json_outputs/helpful_only/hostile/train/";
		String deep = "lists or objects nested more than 200 levels deep";
		assertThat(reasons).hasSize(19);
		assertThat(reasons.get(hostile + "1.json")).startsWith(deep + " at line ")
			.contains("the importer reads at most 200 levels");
		assertThat(reasons.get(hostile + "2.json"))
			.startsWith("the metric name (a top-level key) is 301 characters long (\"kkk")
			.contains("at most 300 are stored");
		assertThat(reasons.get(hostile + "3.json")).startsWith("the role of messages[1] is 41 characters long")
			.contains("at most 40 are stored");
		assertThat(reasons.get(hostile + "4.json"))
			.isEqualTo("too large: 513 MiB (537,919,488 bytes), over the limit of 512 MiB (536,870,912 bytes) for one "
					+ "transcript file, which is read whole (real ones are a few MB); if it holds many transcripts, "
					+ "write them one per line to a .jsonl file");
		for (String link : List.of("loop", "self")) {
			assertThat(reasons.get(hostile + "looped/" + link))
				.startsWith("a link loop: this is a link back to " + dir.resolve(hostile + "looped"));
		}
		assertThat(reasons.get(hostile + String.join("/", s250, s250, s250, s250, "5.json")))
			.startsWith("the file name (with the folders below train/deploy) is 1,010 characters long")
			.contains("at most 1,000 are stored");
		assertThat(reasons.get("json_outputs/helpful_only/" + longRun + "/train/0.json"))
			.startsWith("the run path (the folders between json_outputs, or the folder you named, and train/deploy) "
					+ "is 1,016 characters long")
			.contains("at most 1,000 are stored");
		assertThat(reasons.get("docs/lines.jsonl:2")).startsWith(deep + " at column ");
		assertThat(reasons.get("docs/lines.jsonl:3")).startsWith(deep + " at column ");
		assertThat(reasons.get("docs/lines.jsonl:4")).isEqualTo("unexpected content after the JSON value at column 40");
		assertThat(reasons.get("docs/lines.jsonl:5")).startsWith("the setting of document 5 is 201 characters long")
			.contains("at most 200 are stored");
		assertThat(reasons.get("docs/lines.jsonl:6")).startsWith("the type of document 6 is 1,001 characters long")
			.contains("at most 1,000 are stored");
		assertThat(reasons.get("docs/lines.jsonl:7"))
			.startsWith("the run's last folder name (its variation) is 301 characters long")
			.contains("at most 300 are stored");
		assertThat(reasons.get("docs/lines.jsonl:8")).startsWith("the model name is 301 characters long")
			.contains("at most 300 are stored");
		assertThat(reasons.get("docs/long_line.jsonl:1"))
			.isEqualTo("a line of 2,147,483,648 bytes, more than the 64 MiB (67,108,864 bytes) one JSONL line may "
					+ "hold (one transcript or document per line): skipped without reading it into memory, and the "
					+ "lines after it were read; split it into smaller documents or transcripts");
		assertThat(reasons.get("docs/deep_array.json[1]")).startsWith(deep + " at line 1, column ")
			.endsWith("; the rest of the file was not read (the document before it was)");
		assertThat(reasons.get("docs/long_text.json[1]"))
			.startsWith("a text longer than 16,777,216 characters at line 2, column ")
			.endsWith("; the rest of the file was not read (the document before it was)");
		assertThat(reasons.get("zips/lying.zip!json_outputs/helpful_only/zipped/train/0.json"))
			.isEqualTo("the zip entry holds more than the 1,000 bytes the zip's directory says it has: the archive "
					+ "is damaged or was made to mislead, so the entry was refused (reading stopped there); "
					+ "re-create the zip, or unpack it and import the folder");

		assertThat(report.status()).isEqualTo(ImportJobStatus.COMPLETED_WITH_REJECTIONS);
		assertThat(report.error()).isNull();
		assertThat(report.transcriptsImported()).as("4 ok, 1 hostile/0, 2 in the looped folder, 1 line, 1 zipped")
			.isEqualTo(9);
		// (another test of this class may have stored the line after the long line
		// already)
		assertThat(report.documentsImported() + report.documentsUnchanged())
			.as("2 lines, the line after the long one, 1 in each array")
			.isEqualTo(5);
		assertThat(
				jdbc.sql("select count(*) from transcript where file_name like 'looped/%'").query(Long.class).single())
			.as("each file once, not once per trip around the loop")
			.isEqualTo(2);
		assertThat(totals).as("the counting pass ended, with a total").isNotEmpty().allMatch(t -> t > 0);
	}

	@Test
	void aZipEntryIsReadOneBytePastWhatItsDirectoryClaimsAndNoFurther() {
		BadInputCorpus.GeneratedStream entry = BadInputCorpus.generated("{\"messages\": [], \"pad\": \"", (byte) 'x',
				1L << 40, "\"}");
		List<ImportUnit> units = read(new SourceEntry("x.zip!json_outputs/r/train/0.json",
				List.of("x.zip", "json_outputs", "r", "train", "0.json"), 0, 1000, () -> entry, true));

		assertThat(units).singleElement()
			.isInstanceOfSatisfying(Rejection.class,
					r -> assertThat(r.reason()).startsWith("the zip entry holds more than the 1,000 bytes"));
		assertThat(entry.served()).isEqualTo(1001);
	}

	@Test
	void aFileThatGrowsWhileItIsReadIsRejectedAsIncomplete() {
		BadInputCorpus.GeneratedStream file = BadInputCorpus.generated("{\"messages\": [], \"pad\": \"", (byte) 'x',
				5000, "\"}");
		List<ImportUnit> units = read(new SourceEntry("json_outputs/r/train/0.json",
				List.of("json_outputs", "r", "train", "0.json"), 0, 1000, () -> file));

		assertThat(units).singleElement()
			.isInstanceOfSatisfying(Rejection.class,
					r -> assertThat(r.reason()).isEqualTo("the file grew while it was read (it held 1,000 bytes when "
							+ "the import reached it): import it again once it is complete"));
	}

	@Test
	void aTwoGibibyteLineFromAnyStreamCostsOneLineBufferAndTheNextLinesLoad() {
		String tail = "\"}\n" + BadInputCorpus.LINE_AFTER_LONG_LINE + "\n";
		BadInputCorpus.GeneratedStream lines = BadInputCorpus.generated("{\"content\": \"", (byte) 'x', TWO_GIB, tail);
		List<ImportUnit> units = read(new SourceEntry("big.jsonl", List.of("big.jsonl"), 0, TWO_GIB, () -> lines));

		assertThat(units).hasSize(2);
		assertThat(units.get(0)).isInstanceOfSatisfying(Rejection.class,
				r -> assertThat(r.reason()).startsWith("a line of " + InputLimits.count(TWO_GIB - tail.length() + 2)));
		assertThat(units.get(1)).isInstanceOfSatisfying(ImportUnit.DocumentUnit.class,
				d -> assertThat(d.content()).isEqualTo("The line after a very long one."));
		assertThat(lines.served()).isEqualTo(TWO_GIB);
	}

	@Test
	void aFailureOfWhatTakesTheUnitsIsNotTurnedIntoARejection() {
		EntryReader reader = new EntryReader(JsonMapper.builder().build(), ImportDefaults.NONE);
		SourceEntry docs = new SourceEntry("d.jsonl", List.of("d.jsonl"), 0, -1,
				() -> new java.io.ByteArrayInputStream((doc("a") + "\n").getBytes()));
		IllegalStateException interrupted = new IllegalStateException("import interrupted");

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(docs, unit -> {
			throw interrupted;
		})).isSameAs(interrupted);
	}

	List<ImportUnit> read(SourceEntry entry) {
		List<ImportUnit> out = new ArrayList<>();
		new EntryReader(JsonMapper.builder().build(), ImportDefaults.NONE).read(entry, out::add);
		return out;
	}

	/**
	 * The upload page stores each file as it streams in (never whole in memory) and runs
	 * the same importer, so the same limits hold.
	 */
	@Test
	void anUploadIsStoredAsItStreamsAndImportedWithTheSameLimits() throws Exception {
		Path lying = BadInputCorpus.writeLyingZip(dir.resolve("up/lying.zip"),
				"json_outputs/helpful_only/up/train/0.json", 2048, 1000, "json_outputs/helpful_only/up/train/1.json");
		Path longLine = BadInputCorpus.writeSparseLongLine(dir.resolve("up/long.jsonl"),
				InputLimits.MAX_LINE_BYTES + 1L);

		long jobId = uploads.start(List.of(streamed(lying), streamed(longLine)), ImportDefaults.NONE, "tester");
		ImportJobView job = awaitEnd(jobId);

		assertThat(job.status()).isEqualTo(ImportJobStatus.COMPLETED_WITH_REJECTIONS);
		Map<String, String> reasons = reasons(job.rejected());
		assertThat(reasons).containsOnlyKeys("lying.zip!json_outputs/helpful_only/up/train/0.json", "long.jsonl:1");
		assertThat(reasons.get("lying.zip!json_outputs/helpful_only/up/train/0.json"))
			.startsWith("the zip entry holds more than the 1,000 bytes the zip's directory says it has");
		assertThat(reasons.get("long.jsonl:1")).startsWith("a line of 67,108,865 bytes, more than the 64 MiB");
		assertThat(job.transcriptsImported()).isEqualTo(1);
		assertThat(job.documentsImported()).isEqualTo(1);
	}

	ImportJobView awaitEnd(long jobId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			ImportJobView job = queries.find(jobId).orElseThrow();
			if (!job.running()) {
				return job;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("upload import " + jobId + " did not finish");
	}

	/**
	 * An uploaded file as the servlet container hands it over: a stream. Reading it whole
	 * fails the test.
	 */
	static MultipartFile streamed(Path file) {
		return new MultipartFile() {

			@Override
			public String getName() {
				return "files";
			}

			@Override
			public String getOriginalFilename() {
				return file.getFileName().toString();
			}

			@Override
			public String getContentType() {
				return "application/octet-stream";
			}

			@Override
			public boolean isEmpty() {
				return getSize() == 0;
			}

			@Override
			public long getSize() {
				try {
					return Files.size(file);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}

			@Override
			public byte[] getBytes() {
				throw new AssertionError("an upload must never be read into memory whole");
			}

			@Override
			public InputStream getInputStream() throws IOException {
				return Files.newInputStream(file);
			}

			@Override
			public void transferTo(File dest) throws IOException {
				Files.copy(file, dest.toPath(), StandardCopyOption.REPLACE_EXISTING);
			}

		};
	}

}
