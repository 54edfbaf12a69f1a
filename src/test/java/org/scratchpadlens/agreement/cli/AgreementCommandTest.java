package org.scratchpadlens.agreement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command in-process: fast checks of the JSON contract and the exit codes. The jar is
 * tested in the IT.
 */
class AgreementCommandTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {

		JsonNode json() {
			return JSON.readTree(out);
		}

	}

	private Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = AgreementCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private String file(String name, String content) throws IOException {
		Path path = dir.resolve(name);
		Files.writeString(path, content);
		return path.toString();
	}

	private static String[] concat(String first, String... rest) {
		String[] all = new String[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

	@Nested
	class WellFormedTables {

		@Test
		void twoRatersGetEveryKeyAndCohenKappa() throws IOException {
			Run run = run(file("two.csv", "item,A,B\n1,yes,yes\n2,no,no\n3,yes,no\n4,no,no\n5,,yes\n"));
			assertThat(run.exit()).isZero();
			JsonNode json = run.json();
			assertThat(json.get("items").asInt()).isEqualTo(5);
			assertThat(json.get("raters").asInt()).isEqualTo(2);
			assertThat(json.get("pairable_items").asInt()).isEqualTo(4);
			assertThat(json.get("dropped_incomplete_items").asInt()).isEqualTo(1);
			for (String key : new String[] { "percent_agreement", "cohen_kappa", "cohen_kappa_linear",
					"cohen_kappa_quadratic", "fleiss_kappa", "krippendorff_alpha", "gwet_ac1" }) {
				assertThat(json.get(key).isNumber()).as(key).isTrue();
				assertThat(json.get("ci").get(key).size()).as(key).isEqualTo(2);
			}
			assertThat(json.get("undefined").size()).isZero();
		}

		@Test
		void moreThanTwoRatersLeaveCohenNullWithAReason() throws IOException {
			Run run = run(file("three.csv", "item,A,B,C\n1,1,1,2\n2,2,2,2\n3,1,2,1\n"));
			JsonNode json = run.json();
			assertThat(json.get("cohen_kappa").isNull()).isTrue();
			assertThat(json.get("undefined").get("cohen_kappa").asString()).contains("exactly 2 raters");
		}

		@Test
		void numbersKeepFullDoublePrecision() throws IOException {
			Run run = run(file("k.csv", "item,A,B,C\n1,1,1,2\n2,2,2,2\n3,1,2,1\n4,3,3,3\n"), "--bootstrap=0");
			double alpha = run.json().get("krippendorff_alpha").asDouble();
			assertThat(run.out()).contains(Double.toString(alpha));
			assertThat(Double.toString(alpha).length()).isGreaterThan(10);
		}

		@Test
		void levelAndCategoriesAreHonoured() throws IOException {
			Run run = run(file("o.csv", "item,A,B\n1,low,mid\n2,mid,mid\n3,high,low\n4,high,high\n"), "--level=ordinal",
					"--categories=low,mid,high,extreme");
			JsonNode json = run.json();
			assertThat(json.get("level").asString()).isEqualTo("ordinal");
			assertThat(json.get("categories").toString()).isEqualTo("[\"low\",\"mid\",\"high\",\"extreme\"]");
			assertThat(json.get("categories_declared").asBoolean()).isTrue();
		}

		@Test
		void numericCodesWrittenAsFloatsByPandasAreTheSameNumbers() throws IOException {
			String path = file("p.csv", "item,A,B\nt1,0.0,0\nt2,1.0,1\nt3,2.0,2\nt4,,1\nt5,1.0,1\nt6,0.0,0\n");
			for (String[] options : new String[][] { { "--level=ordinal" },
					{ "--level=ordinal", "--categories=0,1,2" } }) {
				Run run = run(concat(path, options));
				assertThat(run.exit()).as(String.join(" ", options)).isZero();
				JsonNode json = run.json();
				assertThat(json.get("categories").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
				for (String key : new String[] { "percent_agreement", "cohen_kappa", "cohen_kappa_linear",
						"cohen_kappa_quadratic", "fleiss_kappa", "krippendorff_alpha", "gwet_ac1" }) {
					assertThat(json.get(key).asDouble()).as(key).isEqualTo(1.0);
				}
			}
		}

		@Test
		void onePairableItemHasNoBootstrapIntervalForAlpha() throws IOException {
			Run run = run(file("s.csv", "item,A,B\ni1,yes,no\n"));
			assertThat(run.exit()).isZero();
			JsonNode json = run.json();
			assertThat(json.get("krippendorff_alpha").asDouble()).isZero();
			assertThat(json.get("ci").get("krippendorff_alpha").isNull()).isTrue();
			assertThat(json.get("ci_method").get("krippendorff_alpha").asString())
				.isEqualTo("none: an interval needs at least 2 pairable items; the table has 1");
		}

		@Test
		void sameSeedSameOutput() throws IOException {
			String path = file("s.csv", "item,A,B,C\n1,1,1,2\n2,2,2,2\n3,1,2,1\n4,3,3,3\n5,1,1,1\n");
			assertThat(run(path, "--seed=5").out()).isEqualTo(run(path, "--seed=5").out());
		}

		@Test
		void summaryGoesToStandardError() throws IOException {
			Run run = run(file("e.csv", "item,A,B\n1,x,x\n"));
			assertThat(run.err()).contains("1 items x 2 raters");
			assertThat(run.out().strip()).startsWith("{").endsWith("}");
		}

		@Test
		void standardErrorIsTheSummaryLinePlusTheOrderWarningWhenThereIsOne() throws IOException {
			// As docs/agreement.md describes it: one line, or two when an inferred
			// alphabetical order changes a result.
			Run declared = run(file("d.csv", "item,A,B\n1,low,mid\n2,mid,mid\n"), "--categories=low,mid,high");
			assertThat(declared.err().lines()).hasSize(1).first().asString().startsWith("agreement: ");
			Run guessed = run(file("g.csv", "item,A,B\n1,low,mid\n2,mid,mid\n"));
			assertThat(guessed.err().lines()).hasSize(2);
			assertThat(guessed.err().lines().toList().get(1)).startsWith("agreement: categories inferred");
		}

		@Test
		void inferredLabelOrderIsFlaggedOnStandardErrorWhenOrderMatters() throws IOException {
			String twoRaters = file("w.csv", "item,A,B\n1,low,mid\n2,mid,mid\n3,high,low\n");
			Run run = run(twoRaters);
			assertThat(run.err()).contains(
					"agreement: categories inferred in alphabetical order (high, low, mid); weighted kappas and ordinal alpha depend on that order: pass --categories in the rubric's order");
			assertThat(run.out()).doesNotContain("inferred");
			assertThat(run.json().get("categories_declared").asBoolean()).isFalse();

			String threeRaters = file("n.csv", "item,A,B,C\n1,low,mid,mid\n2,mid,mid,low\n3,high,low,high\n");
			assertThat(run(threeRaters, "--level=ordinal").err()).contains("inferred in alphabetical order");
		}

		@Test
		void noOrderWarningWhenOrderIsDeclaredNumericOrUnused() throws IOException {
			String twoRaters = file("w.csv", "item,A,B\n1,low,mid\n2,mid,mid\n3,high,low\n");
			assertThat(run(twoRaters, "--categories=low,mid,high").err()).doesNotContain("inferred");
			assertThat(run(file("d.csv", "item,A,B\n1,1,2\n2,2,2\n3,10,1\n")).err()).doesNotContain("inferred");
			String threeRaters = file("n.csv", "item,A,B,C\n1,low,mid,mid\n2,mid,mid,low\n3,high,low,high\n");
			assertThat(run(threeRaters).err()).as("nominal, no weighted kappas").doesNotContain("inferred");
		}

	}

	@Nested
	class Failures {

		@Test
		void raggedRowNamesTheLineAndExitsTwo() throws IOException {
			Run run = run(file("r.csv", "item,A,B\n1,x,y\n2,x\n"));
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).contains("line 3: expected 3 cells, found 2");
			assertThat(run.out()).isEmpty();
		}

		@Test
		void missingHeaderExitsTwo() throws IOException {
			Run run = run(file("h.csv", "1,x,y\n"));
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).contains("line 1");
		}

		@Test
		void unreadableFileExitsTwo() {
			Run run = run(dir.resolve("absent.csv").toString());
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).contains("cannot read").contains("no such file");
			assertThat(run.out()).isEmpty();
		}

		@Test
		void codeOutsideTheDeclaredCategoriesExitsTwoNamingTheLine() throws IOException {
			Run run = run(file("c.csv", "item,A,B\n1,yes,no\n2,yes,maybe\n"), "--categories=yes,no");
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).contains("line 3").contains("maybe");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', value = { "--frobnicate | unknown option", "--level=fuzzy | unknown level",
				"--bootstrap=many | needs an integer", "--categories=a,,b | empty" })
		void badOptionsPrintUsageAndExitTwo(String option, String message) throws IOException {
			Run run = run(file("o.csv", "item,A,B\n1,a,b\n"), option);
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).contains(message).contains("usage: agreement");
			assertThat(run.out()).isEmpty();
		}

		@Test
		void aFileThatIsNotUtf8SaysSoWithTheLineAndHowToFixIt() throws IOException {
			Path latin1 = dir.resolve("latin1.csv");
			Files.write(latin1, "item,A,B\n1,yes,no\n2,caf\u00e9,no\n".getBytes(StandardCharsets.ISO_8859_1));
			Run run = run(latin1.toString());
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).contains("line 3: not UTF-8 text")
				.contains("save the file as UTF-8")
				.doesNotContain("Input length")
				.doesNotContain("not valid CSV");
			assertThat(run.out()).isEmpty();
		}

		@ParameterizedTest(name = "{0} {1}")
		@CsvSource(delimiter = '|',
				value = { "--level | ordinal", "--categories | a,b", "--bootstrap | 500", "--seed | 7" })
		void anOptionTakesItsValueAfterASpaceAsAfterEquals(String option, String value) throws IOException {
			String csv = file("o.csv", "item,A,B\n1,a,b\n2,a,a\n3,b,b\n");
			Run spaced = run(csv, option, value);
			Run joined = run(csv, option + "=" + value);
			assertThat(spaced.exit()).isEqualTo(0);
			assertThat(spaced.out()).isEqualTo(joined.out());
		}

		@Test
		void anOptionWithoutAnyValueSaysWhatToWrite() throws IOException {
			Run run = run(file("o.csv", "item,A,B\n1,a,b\n"), "--level");
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).contains("--level needs a value: --level=VALUE or --level VALUE");
		}

		@Test
		void helpGoesToStandardOutput() {
			Run run = run("--help");
			assertThat(run.exit()).isEqualTo(0);
			assertThat(run.out()).startsWith("usage:");
			assertThat(run.err()).isEmpty();
		}

		@Test
		void noFileIsAUsageError() {
			Run run = run();
			assertThat(run.exit()).isEqualTo(2);
			assertThat(run.err()).contains("no ratings file");
		}

	}

}
