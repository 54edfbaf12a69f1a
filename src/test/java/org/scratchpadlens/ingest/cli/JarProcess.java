package org.scratchpadlens.ingest.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java -jar target/scratchpad-lens.jar ...} as a user would, capturing exit
 * code and both streams.
 */
final class JarProcess {

	record Result(int exit, String out, String err) {
	}

	static Path jar() {
		Path jar = Path.of(System.getProperty("scratchpad.jar", "target/scratchpad-lens.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No jar at " + jar + ": run ./mvnw verify (failsafe runs after package)");
		}
		return jar;
	}

	static Result run(Path workDir, String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", jar().toAbsolutePath().toString()));
		cmd.addAll(List.of(args));
		Path out = Files.createTempFile("jar-out", ".txt");
		Path err = Files.createTempFile("jar-err", ".txt");
		Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.start();
		if (!p.waitFor(180, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("jar did not finish: " + cmd);
		}
		return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	static Process start(Path workDir, Path log, String... args) throws IOException {
		List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", jar().toAbsolutePath().toString()));
		cmd.addAll(List.of(args));
		return new ProcessBuilder(cmd).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

	static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
