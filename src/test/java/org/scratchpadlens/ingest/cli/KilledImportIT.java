package org.scratchpadlens.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

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

	/**
	 * The web app holds the AUTO_SERVER database; the import command writes through it;
	 * the app is killed under the import. The command must not report success unless
	 * every file it read has its outcome on record, and a re-run completes the import.
	 */
	@Test
	void killingTheAppThatHoldsTheDatabaseNeverLeavesASuccessWithoutEveryOutcome() throws Exception {
		int files = 3000;
		Path data = work.resolve("release");
		JarProcess.Result generated = JarProcess.run(work, "generate", data.toString(), "--transcripts=" + files,
				"--system-chars=4000");
		assertThat(generated.exit()).as(generated.err()).isZero();
		String url = "jdbc:h2:file:" + work.resolve("shared/store") + ";AUTO_SERVER=TRUE";
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		Process app = JarProcess.start(work, work.resolve("app.log"), "--server.port=" + port,
				"--scratchpad.sample-data.enabled=false", "--ADMIN_PASSWORD=it-secret-pw",
				"--spring.datasource.url=" + url);
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest jobs = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:it-secret-pw".getBytes()))
			.timeout(Duration.ofSeconds(10))
			.build();
		Process importer = null;
		try {
			awaitBody(http, jobs, app, body -> body.startsWith("["));
			importer = JarProcess.start(work, work.resolve("import.log"), "import", data.toString(),
					"--spring.datasource.url=" + url);
			// kill the app once the import has written something through it
			awaitBody(http, jobs, app, body -> body.matches("(?s).*\"files_seen\":[1-9].*"));
		}
		finally {
			app.destroyForcibly().waitFor();
		}
		importer.waitFor();
		String log = Files.readString(work.resolve("import.log"));
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			long job = single(c, "select max(id) from import_job");
			long outcomes = single(c, "select (select count(*) from import_file where import_job_id = " + job
					+ ") + (select count(*) from import_rejection where import_job_id = " + job + ")");
			if (importer.exitValue() == 0) {
				assertThat(outcomes).as("a success has every outcome on record").isEqualTo(files);
			}
			else {
				assertThat(log).as("a failure says why").containsAnyOf("no recorded outcome", "database");
			}
			assertThat(single(c, """
					select count(*) from transcript t
					where t.message_count <> (select count(*) from message m where m.transcript_id = t.id)"""))
				.as("half-written")
				.isZero();
		}

		JarProcess.Result rerun = JarProcess.run(work, "import", data.toString(), "--spring.datasource.url=" + url);

		assertThat(rerun.exit()).as(rerun.err()).isZero();
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			assertThat(single(c, "select count(*) from transcript where is_current")).isEqualTo(files);
			assertThat(single(c, "select count(*) from transcript where version > 1")).isZero();
		}
	}

	private static void awaitBody(HttpClient http, HttpRequest request, Process app, Predicate<String> ready)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(app.isAlive()).as("the app is running").isTrue();
			try {
				var response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && ready.test(response.body())) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("timed out waiting for the app");
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
