package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user starts it, on the default kind of URL (an H2 file with
 * AUTO_SERVER): the import command and the app make the database folder private, the
 * app's H2 server listens on the loopback interface only, and the import command still
 * reaches it while the app runs.
 */
class LocalDatabaseLockdownIT {

	@TempDir
	Path work;

	@Test
	void theDatabaseFolderIsPrivateAndH2ListensOnThisMachineOnly() throws Exception {
		Path data = work.resolve("data");
		String url = "jdbc:h2:file:" + data.resolve("scratchpad") + ";AUTO_SERVER=TRUE";
		Path sample = Path.of("transcripts").toAbsolutePath();

		Result imported = run("import", sample.toString(), "--spring.datasource.url=" + url);
		assertThat(imported.exit()).as(imported.err()).isZero();
		assertThat(permissions(data)).as("after the import command").isEqualTo("rwx------");

		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path log = work.resolve("app.log");
		Process app = start(log, "--server.port=0", "--spring.datasource.url=" + url,
				"--scratchpad.sample-data.enabled=false");
		try {
			int port = serverPort(data.resolve("scratchpad.lock.db"), app, log);
			assertThat(permissions(data)).as("after the app started").isEqualTo("rwx------");
			assertThat(listeners(port)).as("sockets listening on H2's port %d", port)
				.isNotEmpty()
				.allSatisfy(address -> assertThat(address).as("a loopback address").isIn(LOOPBACK));

			// the import command, next to the running app, goes through that server
			Result again = run("import", sample.toString(), "--spring.datasource.url=" + url);
			assertThat(again.exit()).as(again.err()).isZero();
			assertThat(again.out()).contains("0 new");
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	/** 127.0.0.1 as /proc/net/tcp writes it, and ::1 and ::ffff:127.0.0.1 in tcp6. */
	static final List<String> LOOPBACK = List.of("0100007F", "00000000000000000000000001000000",
			"0000000000000000FFFF00000100007F");

	/** The local addresses of the sockets listening on this port (Linux). */
	static List<String> listeners(int port) throws IOException {
		String hexPort = String.format(Locale.ROOT, "%04X", port);
		List<String> addresses = new ArrayList<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path file = Path.of(table);
			if (!Files.isReadable(file)) {
				continue;
			}
			for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
				String[] cells = line.trim().split("\\s+");
				String[] local = cells[1].split(":");
				boolean listening = cells[3].equals("0A");
				if (listening && local[1].equals(hexPort)) {
					addresses.add(local[0]);
				}
			}
		}
		return addresses;
	}

	/** The port of H2's server, from the lock file, once the app has opened the store. */
	static int serverPort(Path lockFile, Process app, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(app.isAlive()).as("the app is running: %s", logOf(log)).isTrue();
			if (Files.isReadable(lockFile)) {
				Properties lock = new Properties();
				try (var in = Files.newInputStream(lockFile)) {
					lock.load(in);
				}
				catch (IOException e) {
					// being written
				}
				String server = lock.getProperty("server");
				if (server != null) {
					Matcher m = Pattern.compile(":(\\d+)$").matcher(server);
					assertThat(m.find()).as(server).isTrue();
					return Integer.parseInt(m.group(1));
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("H2 started no server within 90 s: " + logOf(log));
	}

	private static String logOf(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log) : "(no log)";
	}

	private static String permissions(Path folder) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
	}

	record Result(int exit, String out, String err) {
	}

	private Result run(String... args) throws Exception {
		Path out = Files.createTempFile(work, "out", ".txt");
		Path err = Files.createTempFile(work, "err", ".txt");
		Process p = new ProcessBuilder(command(args)).directory(work.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.start();
		if (!p.waitFor(180, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("the jar did not finish: " + List.of(args));
		}
		return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private Process start(Path log, String... args) throws IOException {
		return new ProcessBuilder(command(args)).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

	private static List<String> command(String... args) {
		Path jar = Path.of(System.getProperty("scratchpad.jar", "target/scratchpad-lens.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No jar at " + jar + ": run ./mvnw verify (failsafe runs after package)");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
						jar.toString()));
		command.addAll(List.of(args));
		return command;
	}

}
