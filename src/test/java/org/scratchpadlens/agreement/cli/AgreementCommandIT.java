package org.scratchpadlens.agreement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar, launched as a researcher would:
 * {@code java -jar scratchpad-lens.jar agreement FILE}. Checks the contract that matters
 * for scripting: exit codes, nothing but one JSON object on standard output, the rest on
 * standard error, and no web server or database on the way.
 */
class AgreementCommandIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Path jar;

	@TempDir
	Path dir;

	record Result(int exit, String out, String err) {
	}

	@BeforeAll
	static void locateJar() {
		String property = System.getProperty("scratchpad.jar");
		// Failsafe sets it after packaging; under surefire (e.g. -Dtest=...) there is no
		// jar yet, so skip, don't fail.
		assumeTrue(property != null && !property.isBlank(), "scratchpad.jar is set by failsafe after packaging");
		jar = Path.of(property);
		assertThat(jar).exists();
	}

	private Result launch(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
						"agreement"));
		command.addAll(List.of(args));
		Path out = dir.resolve("stdout.txt");
		Path err = dir.resolve("stderr.txt");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finishes").isTrue();
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	/** Exactly one JSON value, an object, and nothing after it. */
	private static JsonNode onlyOneObject(String stdout) {
		try (JsonParser parser = JSON.createParser(stdout)) {
			JsonNode node = JSON.readTree(parser);
			assertThat(node.isObject()).as("stdout is a JSON object").isTrue();
			assertThat(parser.nextToken()).as("nothing after the object").isNull();
			return node;
		}
	}

	private Path resource(String name) throws IOException {
		Path target = dir.resolve(name);
		try (var in = getClass().getResourceAsStream("/irr/" + name)) {
			Files.copy(in, target);
		}
		return target;
	}

	@Test
	void publishedTableGivesOneJsonObjectWithThePublishedAlpha() throws Exception {
		Result result = launch(resource("krippendorff2011_4coders_12units.csv").toString(), "--level=interval");
		assertThat(result.exit()).isZero();
		JsonNode json = onlyOneObject(result.out());
		assertThat(json.get("krippendorff_alpha").asDouble()).isCloseTo(951.0 / 1120, within(1e-12));
		assertThat(json.get("items").asInt()).isEqualTo(12);
		assertThat(json.get("pairable_items").asInt()).isEqualTo(11);
		assertThat(json.get("ci").get("krippendorff_alpha").size()).isEqualTo(2);
		assertThat(result.err()).contains("12 items x 4 raters");
	}

	@Test
	void twoRaterTableHasCohenKappas() throws Exception {
		Result result = launch(resource("sklearn_weighted_3x3_expanded.csv").toString(), "--level=ordinal");
		assertThat(result.exit()).isZero();
		JsonNode json = onlyOneObject(result.out());
		assertThat(json.get("cohen_kappa_quadratic").asDouble()).isCloseTo(0.9541, within(5e-5));
	}

	@Test
	void startsNoWebServerAndOpensNoDatabase() throws Exception {
		Result result = launch(resource("cohen_wikipedia_2x2_expanded.csv").toString());
		assertThat(result.exit()).isZero();
		String all = result.out() + result.err();
		assertThat(all).doesNotContain("Tomcat")
			.doesNotContain("HikariPool")
			.doesNotContain("Spring Boot")
			.doesNotContain("Flyway");
	}

	@Test
	void raggedRowExitsTwoWithTheLineOnStandardErrorAndNothingOnStandardOutput() throws Exception {
		Path file = dir.resolve("ragged.csv");
		Files.writeString(file, "item,A,B\n1,x,y\n2,x,y\n3,x\n");
		Result result = launch(file.toString());
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("line 4: expected 3 cells, found 2");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void unknownOptionExitsTwoWithUsage() throws Exception {
		Result result = launch("--nope", "x.csv");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("usage: agreement");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void fileThatIsNotUtf8ExitsTwoSayingSoWithTheLine() throws Exception {
		Path file = dir.resolve("latin1.csv");
		Files.write(file, "item,A,B\n1,yes,no\n2,caf\u00e9,no\n".getBytes(StandardCharsets.ISO_8859_1));
		Result result = launch(file.toString());
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("line 3: not UTF-8 text").contains("save the file as UTF-8");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void optionValueAfterASpaceMeansTheSameAsAfterEquals() throws Exception {
		String csv = resource("cohen_wikipedia_2x2_expanded.csv").toString();
		Result spaced = launch(csv, "--level", "ordinal");
		Result joined = launch(csv, "--level=ordinal");
		assertThat(spaced.exit()).as(spaced.err()).isZero();
		assertThat(spaced.out()).isEqualTo(joined.out()).contains("\"level\"");
	}

	@Test
	void unreadableFileExitsTwo() throws Exception {
		Result result = launch(dir.resolve("missing.csv").toString());
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("cannot read");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void tableWithEmptyRowsAndOneRaterStillPrintsJsonWithReasons() throws Exception {
		Path file = dir.resolve("one.csv");
		Files.writeString(file, "item,A\n1,yes\n2,\n");
		Result result = launch(file.toString());
		assertThat(result.exit()).isZero();
		JsonNode json = onlyOneObject(result.out());
		assertThat(json.get("krippendorff_alpha").isNull()).isTrue();
		assertThat(json.get("undefined").get("krippendorff_alpha").asString()).contains("pairable");
	}

}
