package org.scratchpadlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scratchpadlens.support.TranscriptFiles.transcript;
import static org.scratchpadlens.support.TranscriptFiles.write;
import static org.scratchpadlens.support.TranscriptFiles.writeRun;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.job.ImportFiles;
import org.scratchpadlens.ingest.job.ImportJobQueries;
import org.scratchpadlens.ingest.job.ImportJobStatus;
import org.scratchpadlens.ingest.job.ImportJobs;
import org.scratchpadlens.ingest.job.ImportReport;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the store guarantees whatever the input: at most one current version per
 * transcript identity (enforced by the database), a re-import that finds nothing new
 * reports nothing new, and a job that says it succeeded has an outcome for every file.
 */
@AppTest
class StoreGuaranteesTests extends FreshDatabase {

	@Autowired
	ImportService imports;

	@Autowired
	ImportJobQueries queries;

	@Autowired
	ImportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager txManager;

	@Autowired
	JsonMapper mapper;

	@TempDir
	Path dir;

	ImportReport importPaths(Path... paths) {
		return imports.importNow(new ImportRequest(List.of(paths), "cli", "tester", ImportDefaults.NONE),
				ImportProgress.NONE);
	}

	long currentVersions(String run, String split, String fileName) {
		return jdbc.sql("""
				select count(*) from transcript t join run r on r.id = t.run_id
				where r.path = ? and t.split = ? and t.file_name = ? and t.is_current""")
			.params(run, split, fileName)
			.query(Long.class)
			.single();
	}

	/** Versions of the run's transcripts, current or not (tests share the store). */
	long versions(String run) {
		return jdbc.sql("select count(*) from transcript t join run r on r.id = t.run_id where r.path = ?")
			.params(run)
			.query(Long.class)
			.single();
	}

	@Test
	void twoTreesWithTheSameFileImportTheFirstAndRejectTheSecondNamingTheFirst() {
		Path a = dir.resolve("a/json_outputs/helpful_only/twice/train/0.json");
		Path b = dir.resolve("b/json_outputs/helpful_only/twice/train/0.json");
		write(a, transcript(true, "a first telling", null));
		write(b, transcript(true, "a different telling", null));

		ImportReport report = importPaths(dir.resolve("a/json_outputs"), dir.resolve("b/json_outputs"));

		assertThat(report.transcriptsImported()).isEqualTo(1);
		assertThat(report.transcriptsUpdated()).isZero();
		assertThat(report.rejected()).singleElement().satisfies(r -> {
			assertThat(r.path()).isEqualTo(b.toString());
			assertThat(r.reason()).contains("same transcript").contains(a.toString());
		});
		assertThat(currentVersions("helpful_only/twice", "train", "0.json")).isEqualTo(1);

		ImportReport again = importPaths(dir.resolve("a/json_outputs"), dir.resolve("b/json_outputs"));

		assertThat(again.transcriptsUnchanged()).isEqualTo(1);
		assertThat(again.transcriptsImported() + again.transcriptsUpdated()).isZero();
		assertThat(versions("helpful_only/twice")).as("nothing added by the re-import").isEqualTo(1);
	}

	@Test
	void theSameFileTwiceInOneImportIsUnchangedTheSecondTime() {
		writeRun(dir, "helpful_only/tree_and_zip", 2);
		Path zip = org.scratchpadlens.support.TranscriptFiles.zip(dir.resolve("json_outputs"),
				dir.resolve("release.zip"));

		ImportReport report = importPaths(dir.resolve("json_outputs"), zip);

		assertThat(report.transcriptsImported()).isEqualTo(4);
		assertThat(report.transcriptsUnchanged()).as("the zip holds the same files").isEqualTo(4);
		assertThat(report.rejected()).isEmpty();
		assertThat(versions("helpful_only/tree_and_zip")).isEqualTo(4);
	}

	@Test
	void twoJsonlLinesWithOneQueryIndexKeepTheFirstAndRejectTheSecond() {
		String first = transcript(true, "line one", null).replace("\n", " ")
			.replaceFirst("\\{", "{\"run\": \"helpful_only/jsonl_dup\", \"split\": \"train\", \"query_index\": 4, ");
		String second = transcript(true, "line two", null).replace("\n", " ")
			.replaceFirst("\\{", "{\"run\": \"helpful_only/jsonl_dup\", \"split\": \"train\", \"query_index\": 4, ");
		Path jsonl = write(dir.resolve("lines.jsonl"), first + "\n" + second + "\n");

		ImportReport report = importPaths(jsonl);

		assertThat(report.transcriptsImported()).isEqualTo(1);
		assertThat(report.rejected()).singleElement()
			.satisfies(r -> assertThat(r.path()).isEqualTo(jsonl + ":2"))
			.satisfies(r -> assertThat(r.reason()).contains(jsonl + ":1"));
		assertThat(currentVersions("helpful_only/jsonl_dup", "train", "4.json")).isEqualTo(1);
		assertThat(importPaths(jsonl).transcriptsUpdated()).isZero();
	}

	@Test
	void aFileNamingTheQueryIndexOfAnotherFileAddsNoVersionsOnReimport() {
		Path real = write(dir.resolve("json_outputs/helpful_only/hinted/train/4.json"),
				transcript(true, "the real fourth", null));
		write(dir.resolve("json_outputs/helpful_only/hinted/train/extra.json"),
				transcript(true, "claims to be the fourth", null).replaceFirst("\\{", "{\"query_index\": 4, "));

		ImportReport first = importPaths(dir.resolve("json_outputs"));
		ImportReport second = importPaths(dir.resolve("json_outputs"));
		ImportReport third = importPaths(dir.resolve("json_outputs"));

		assertThat(first.transcriptsImported()).isEqualTo(1);
		assertThat(first.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains(real.toString()));
		for (ImportReport again : List.of(second, third)) {
			assertThat(again.transcriptsUpdated()).isZero();
			assertThat(again.transcriptsImported()).isZero();
			assertThat(again.transcriptsUnchanged()).isEqualTo(1);
		}
		assertThat(versions("helpful_only/hinted")).isEqualTo(1);
		assertThat(currentVersions("helpful_only/hinted", "train", "4.json")).isEqualTo(1);
	}

	@Test
	void aChangedFileStillBecomesANewVersionInALaterImport() {
		Path file = write(dir.resolve("json_outputs/helpful_only/changing/train/0.json"),
				transcript(true, "first", null));
		importPaths(dir.resolve("json_outputs"));
		write(file, transcript(true, "second", null));

		ImportReport report = importPaths(dir.resolve("json_outputs"));

		assertThat(report.transcriptsUpdated()).isEqualTo(1);
		assertThat(versions("helpful_only/changing")).isEqualTo(2);
		assertThat(currentVersions("helpful_only/changing", "train", "0.json")).isEqualTo(1);
	}

	@Test
	void theDatabaseRefusesASecondCurrentVersionOfOneIdentity() {
		write(dir.resolve("json_outputs/helpful_only/guarded/train/0.json"), transcript(true, "guarded", null));
		importPaths(dir.resolve("json_outputs"));

		assertThatThrownBy(() -> addNextVersion("helpful_only/guarded", true))
			.isInstanceOf(DataIntegrityViolationException.class);
		// an earlier version beside the current one is fine
		addNextVersion("helpful_only/guarded", false);
		assertThat(versions("helpful_only/guarded")).isEqualTo(2);
	}

	/**
	 * Imports the tree under {@code dir} through a database whose batch writes pass
	 * {@code keep} first: a batch it answers false for is lost without an error; it may
	 * also throw, as a full disk does.
	 */
	private ImportReport importThrough(int batchSize, Predicate<String> keep) {
		JdbcTemplate faulty = new JdbcTemplate(dataSource) {
			@Override
			public <T> int[][] batchUpdate(String sql, Collection<T> args, int size,
					ParameterizedPreparedStatementSetter<T> setter) {
				return keep.test(sql) ? super.batchUpdate(sql, args, size, setter) : new int[0][];
			}
		};
		return new ImportService(faulty, txManager, mapper, jobs, queries, dataSource, batchSize, 1).importNow(
				new ImportRequest(List.of(dir.resolve("json_outputs")), "cli", "tester", ImportDefaults.NONE),
				ImportProgress.NONE);
	}

	/** A copy of the run's transcripts as their next version, written by hand. */
	private void addNextVersion(String run, boolean current) {
		new JdbcTemplate(dataSource).update("""
				insert into transcript (id, run_id, split, file_name, query_index, version, is_current, content_sha256,
				  byte_size, source_path, import_job_id, split_mismatch, message_count, scratchpad_blocks, has_output,
				  cut_off, imported_at)
				select id + 1, run_id, split, file_name, query_index, version + 1, ?, content_sha256, byte_size,
				  source_path, import_job_id, split_mismatch, message_count, scratchpad_blocks, has_output, cut_off,
				  imported_at
				from transcript where run_id = (select id from run where path = ?)""", current, run);
	}

	@Test
	void aJobWithoutAnOutcomeForEveryFileItReadFailsAndSaysHowToComplete() {
		writeRun(dir, "helpful_only/lossy", 3);
		// a database that accepts the outcome rows of the first batch and loses the rest,
		// as happened when the server holding an AUTO_SERVER database was killed
		AtomicBoolean lose = new AtomicBoolean(false);
		ImportReport report = importThrough(2,
				sql -> !sql.startsWith("insert into import_file") || lose.compareAndSet(false, true));

		assertThat(report.status()).isEqualTo(ImportJobStatus.FAILED);
		assertThat(report.error()).contains("4 of the 6 files read have no recorded outcome")
			.contains("run the same import again");

		ImportReport rerun = importPaths(dir.resolve("json_outputs"));

		assertThat(rerun.status()).isEqualTo(ImportJobStatus.COMPLETED);
		ImportFiles outcomes = queries.files(rerun.jobId(), null, 0, 100);
		assertThat(outcomes.total()).isEqualTo(6);
	}

	@Test
	void halfWrittenTranscriptsAreRemovedAndTheJobFailsSoThatARerunCompletesIt() {
		writeRun(dir, "helpful_only/half_written", 2);
		// a database that loses the messages of the first batch but keeps the rest of it,
		// as H2 did when the process holding an AUTO_SERVER database was killed
		AtomicBoolean lost = new AtomicBoolean(false);
		ImportReport report = importThrough(2,
				sql -> !sql.startsWith("insert into message") || !lost.compareAndSet(false, true));

		assertThat(report.status()).isEqualTo(ImportJobStatus.FAILED);
		assertThat(report.error()).contains("2 of the 4 files read have no recorded outcome");
		assertThat(versions("helpful_only/half_written")).as("the half-written ones are gone").isEqualTo(2);

		ImportReport rerun = importPaths(dir.resolve("json_outputs"));

		assertThat(rerun.status()).isEqualTo(ImportJobStatus.COMPLETED);
		assertThat(rerun.transcriptsImported()).isEqualTo(2);
		assertThat(rerun.transcriptsUnchanged()).isEqualTo(2);
		assertThat(jdbc.sql("""
				select count(*) from transcript t join run r on r.id = t.run_id where r.path = ?
				  and t.message_count <> (select count(*) from message m where m.transcript_id = t.id)""")
			.params("helpful_only/half_written")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aFullDiskFailsTheJobAndStillGivesAReport() {
		writeRun(dir, "helpful_only/full_disk", 2);
		ImportReport report = importThrough(200, sql -> {
			throw new DataAccessResourceFailureException("No space left on device");
		});

		assertThat(report.status()).isEqualTo(ImportJobStatus.FAILED);
		assertThat(report.error()).contains("No space left on device");
		assertThat(queries.find(report.jobId()).orElseThrow().status()).as("not left running")
			.isEqualTo(ImportJobStatus.FAILED);
	}

}
