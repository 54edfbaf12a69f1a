package org.scratchpadlens.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed half-way (kill -9, not a polite shutdown) leaves only whole
 * transcripts behind, and running it again completes it without duplicates.
 */
class KilledImportIT {

	static final int FILES = 5000;

	@TempDir
	Path work;

	@Test
	void aKilledImportLeavesNoHalfWrittenTranscriptAndARerunCompletesIt() throws Exception {
		Path data = work.resolve("release");
		JarProcess.Result generated = JarProcess.run(work, "generate", data.toString(), "--transcripts=" + FILES,
				"--system-chars=4000");
		assertThat(generated.exit()).as(generated.err()).isZero();
		String url = "jdbc:h2:file:" + work.resolve("db/store") + ";AUTO_SERVER=TRUE";

		Process importer = JarProcess.start(work, work.resolve("import.log"), "import", data.toString(),
				"--spring.datasource.url=" + url);
		long seen = awaitSomeCommitted(url, importer);
		importer.destroyForcibly().waitFor();
		assertThat(seen).as("killed part-way").isBetween(1L, (long) FILES - 1);

		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			long transcripts = single(c, "select count(*) from transcript");
			assertThat(transcripts).isLessThan(FILES);
			assertThat(single(c, """
					select count(*) from transcript t
					where t.message_count <> (select count(*) from message m where m.transcript_id = t.id)
					   or not exists (select 1 from metric x where x.transcript_id = t.id)""")).as("half-written")
				.isZero();
		}

		JarProcess.Result rerun = JarProcess.run(work, "import", data.toString(), "--spring.datasource.url=" + url);

		assertThat(rerun.exit()).as(rerun.err()).isZero();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			assertThat(single(c, "select count(*) from transcript")).isEqualTo(FILES);
			assertThat(single(c, "select count(*) from transcript where version > 1")).isZero();
		}
	}

	private static long awaitSomeCommitted(String url, Process importer) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline && importer.isAlive()) {
			// IFEXISTS: a poll that came first must not create the database and become
			// its
			// AUTO_SERVER owner, or closing it would cut off the importer's connection
			try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "")) {
				long n = single(c, "select coalesce(sum(transcripts_imported), 0) from import_job");
				if (n > 0) {
					return n;
				}
			}
			catch (java.sql.SQLException e) {
				// the schema is not there yet
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("the import committed nothing before it ended");
	}

	private static long single(Connection c, String sql) throws Exception {
		try (ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
