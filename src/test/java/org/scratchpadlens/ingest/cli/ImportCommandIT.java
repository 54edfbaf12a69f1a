package org.scratchpadlens.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.BadInputCorpus;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import command as a user runs it: a separate JVM, the packaged jar, its exit codes
 * and its report.
 */
class ImportCommandIT {

	static final Path SAMPLE = Path.of("transcripts").toAbsolutePath();

	final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void importsTheSampleTreeWithABareH2UrlAndASecondRunAddsNothing() throws Exception {
		String url = "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/store");
		Path report = work.resolve("report.json");

		JarProcess.Result first = JarProcess.run(work, "import", SAMPLE.toString(), "--report=" + report, url);

		assertThat(first.exit()).as(first.err()).isZero();
		assertThat(first.out()).contains("transcripts: 80 new");
		JsonNode r = json.readTree(report.toFile());
		assertThat(r.get("transcripts_imported").asInt()).isEqualTo(80);
		assertThat(r.get("documents_imported").asInt()).isEqualTo(14);
		assertThat(r.get("prompts_imported").asInt()).isEqualTo(3);
		assertThat(r.get("rejected")).isEmpty();
		for (String field : new String[] { "transcripts_unchanged", "transcripts_updated" }) {
			assertThat(r.has(field)).as(field).isTrue();
		}

		// options take their value after '=' or after a space
		JarProcess.Result second = JarProcess.run(work, "import", SAMPLE.toString(), "--report", report.toString(),
				url);

		assertThat(second.exit()).as(second.err()).isZero();
		assertThat(second.out()).contains("prompts:     0 new, 3 unchanged");
		JsonNode r2 = json.readTree(report.toFile());
		assertThat(r2.get("prompts_unchanged").asInt()).isEqualTo(3);
		assertThat(r2.get("transcripts_imported").asInt()).isZero();
		assertThat(r2.get("transcripts_unchanged").asInt()).isEqualTo(80);
		assertThat(r2.get("documents_imported").asInt()).isZero();
		assertThat(Files.exists(work.resolve("data"))).as("no default data folder when a URL is given").isFalse();
	}

	@Test
	void exitsWithThreeAndReportsEveryRejectedFileWhenSomeAreBad() throws Exception {
		Path corpus = BadInputCorpus.copyCorpus(work.resolve("corpus"));
		Path report = work.resolve("bad.json");

		JarProcess.Result result = JarProcess.run(work, "import", corpus.toString(), "--report=" + report,
				"--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/bad"));

		assertThat(result.exit()).as(result.err()).isEqualTo(3);
		JsonNode r = json.readTree(report.toFile());
		assertThat(r.get("rejected").size()).isGreaterThan(0);
		assertThat(r.get("transcripts_imported").asInt()).isGreaterThan(0);
		for (JsonNode rejected : r.get("rejected")) {
			assertThat(rejected.get("path").asString()).isNotBlank();
			assertThat(rejected.get("reason").asString()).isNotBlank();
		}
	}

	@Test
	void usageErrorsExitWithTwoAndStartNoServer() throws Exception {
		JarProcess.Result none = JarProcess.run(work, "import");
		assertThat(none.exit()).isEqualTo(2);
		assertThat(none.err()).contains("usage:");

		JarProcess.Result badSplit = JarProcess.run(work, "import", "x.json", "--split=test");
		assertThat(badSplit.exit()).isEqualTo(2);
		assertThat(badSplit.err()).contains("split must be train or deploy");

		JarProcess.Result missing = JarProcess.run(work, "import", "/no/such/json_outputs");
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("no such file or folder: /no/such/json_outputs");
		assertThat(Files.exists(work.resolve("data"))).as("no database was created").isFalse();

		JarProcess.Result help = JarProcess.run(work, "--help");
		assertThat(help.exit()).isZero();
		assertThat(help.out()).contains("import PATH...").contains("agreement FILE.csv");

		// every command's help: on standard output, exit 0
		for (String command : new String[] { "import", "agreement", "generate", "baseline" }) {
			JarProcess.Result commandHelp = JarProcess.run(work, command, "--help");
			assertThat(commandHelp.exit()).as(command + " --help").isZero();
			assertThat(commandHelp.out()).as(command + " --help").contains("usage:");
			assertThat(commandHelp.err()).as(command + " --help").doesNotContain("usage:");
		}
	}

	@Test
	void exitsWithOneWhenEveryFileIsRejected() throws Exception {
		Path bad = Files.writeString(work.resolve("3.json"), "{\"messages\": [");

		JarProcess.Result result = JarProcess.run(work, "import", bad.toString(), "--run=helpful_only/x",
				"--split=train", "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/allbad"));

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).contains("rejected:    1");
		assertThat(result.err()).contains("nothing was imported: every file was rejected");
	}

	@Test
	void exitsWithOneAndSaysSoWhenPointedAtAFolderWithNothingToImport() throws Exception {
		Path wrong = Files.createDirectories(work.resolve("Downloads"));
		Files.writeString(wrong.resolve("README.md"), "# not data");

		JarProcess.Result result = JarProcess.run(work, "import", wrong.toString(),
				"--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/wrong"));

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).contains("nothing to import here");
	}

	@Test
	void importsIntoTheDatabaseOfARunningAppWhoseSamplesStayApartUntilRemoved() throws Exception {
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		Path log = work.resolve("app.log");
		// started away from the repository: the samples come from the jar itself
		Process app = JarProcess.start(work, log, "--server.port=" + port, "--ADMIN_PASSWORD=it-secret-pw");
		try {
			HttpClient http = HttpClient.newHttpClient();
			String auth = "Basic "
					+ Base64.getEncoder().encodeToString("admin:it-secret-pw".getBytes(StandardCharsets.UTF_8));
			HttpRequest runs = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs"))
				.header("Authorization", auth)
				.timeout(Duration.ofSeconds(10))
				.build();
			awaitUp(http, runs, app, log);
			HttpRequest jobs = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
				.header("Authorization", auth)
				.build();
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (!json.readTree(http.send(jobs, HttpResponse.BodyHandlers.ofString()).body())
				.toString()
				.contains("\"status\":\"completed\"")) {
				assertThat(System.nanoTime()).as("the sample import finishes").isLessThan(deadline);
				Thread.sleep(200);
			}
			JsonNode before = json.readTree(http.send(runs, HttpResponse.BodyHandlers.ofString()).body());
			assertThat(before).as("the sample runs, marked").hasSize(4).allSatisfy(run -> {
				assertThat(run.get("sample").asBoolean()).isTrue();
			});

			// the same files imported as real data become runs of their own, not new
			// versions of the samples
			JarProcess.Result result = JarProcess.run(work, "import",
					SAMPLE.resolve("json_outputs/helpful_only").toString());

			assertThat(result.exit()).as(result.err()).isZero();
			assertThat(result.out()).contains("transcripts: 20 new, 0 updated, 0 unchanged");
			JsonNode list = json.readTree(http.send(runs, HttpResponse.BodyHandlers.ofString()).body());
			assertThat(list).filteredOn(run -> run.get("run").asString().equals("helpful_only/default"))
				.hasSize(2)
				.allSatisfy(run -> {
					assertThat(run.get("train").asInt()).isEqualTo(10);
					assertThat(run.get("deploy").asInt()).isEqualTo(10);
				});

			HttpResponse<String> removed = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/samples"))
					.header("Authorization", auth)
					.DELETE()
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
			assertThat(json.readTree(removed.body()).get("transcripts_removed").asInt()).isEqualTo(80);
			JsonNode after = json.readTree(http.send(runs, HttpResponse.BodyHandlers.ofString()).body());
			assertThat(after).singleElement().satisfies(run -> {
				assertThat(run.get("run").asString()).isEqualTo("helpful_only/default");
				assertThat(run.get("sample").asBoolean()).isFalse();
			});
		}
		finally {
			app.destroy();
			app.waitFor();
			FileSystemUtils.deleteRecursively(work.resolve("data"));
		}
	}

	@Test
	void failsAtOnceWithAClearMessageWhenABareH2UrlIsInUseByTheApp() throws Exception {
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		String bare = "--spring.datasource.url=jdbc:h2:file:" + work.resolve("bare/store");
		Path log = work.resolve("bare-app.log");
		Process app = JarProcess.start(work, log, "--server.port=" + port, "--scratchpad.sample-data.enabled=false",
				"--ADMIN_PASSWORD=it-secret-pw", bare);
		try {
			HttpClient http = HttpClient.newHttpClient();
			String auth = "Basic "
					+ Base64.getEncoder().encodeToString("admin:it-secret-pw".getBytes(StandardCharsets.UTF_8));
			awaitUp(http,
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs"))
						.header("Authorization", auth)
						.build(),
					app, log);

			long started = System.nanoTime();
			JarProcess.Result result = JarProcess.run(work, "import", SAMPLE.toString(), bare);

			assertThat(result.exit()).isEqualTo(1);
			assertThat(result.err()).contains("in use by another process")
				.contains("AUTO_SERVER=TRUE")
				.doesNotContain("\tat org.");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("at once, not after a lock timeout")
				.isLessThan(Duration.ofSeconds(60));
		}
		finally {
			app.destroy();
			app.waitFor();
		}
	}

	private static void awaitUp(HttpClient http, HttpRequest request, Process app, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("app exited: " + Files.readString(log));
			}
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (java.io.IOException e) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("app did not start: " + Files.readString(log));
	}

}
