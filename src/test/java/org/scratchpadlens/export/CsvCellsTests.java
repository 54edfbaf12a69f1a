package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CSV injection: text cells that a spreadsheet would run are neutralised, reversibly;
 * numbers, booleans and missing values are written as they are.
 */
class CsvCellsTests {

	@Test
	void formulasAndTheirLookalikesGetOneQuote() {
		assertThat(CsvCells.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(CsvCells.neutralise("+1")).isEqualTo("'+1");
		assertThat(CsvCells.neutralise("-3")).isEqualTo("'-3");
		assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
		assertThat(CsvCells.neutralise("\rx")).isEqualTo("'\rx");
		// already quoted: one more, so that the import strips exactly one
		assertThat(CsvCells.neutralise("'=1")).isEqualTo("''=1");
		assertThat(CsvCells.neutralise("'plain")).isEqualTo("''plain");
		assertThat(CsvCells.neutralise("yes")).isEqualTo("yes");
		assertThat(CsvCells.neutralise("a=b")).isEqualTo("a=b");
		assertThat(CsvCells.neutralise("")).isEmpty();
		assertThat(CsvCells.neutralise(null)).isNull();
	}

	@Test
	void numbersBooleansAndMissingAreNotText() throws Exception {
		StringWriter out = new StringWriter();
		CsvRowWriter writer = new CsvRowWriter(out);
		writer.header(List.of("a", "b", "c", "d", "e", "f"));
		writer.row(Arrays.asList(-3L, -2.5, true, false, null, "-3"));
		writer.flush();
		assertThat(out.toString()).isEqualTo("a,b,c,d,e,f\r\n-3,-2.5,TRUE,FALSE,,'-3\r\n");
	}

	static Stream<Long> seeds() {
		return LongStream.rangeClosed(1, 60).boxed();
	}

	private static final String ALPHABET = "=+-@'\t\r\n,\";ab Z09é€<>&/";

	/** Random strings weighted towards the characters that matter, one seed each. */
	static List<String> strings(long seed) {
		Random random = new Random(seed);
		List<String> strings = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			int length = random.nextInt(8);
			StringBuilder s = new StringBuilder();
			for (int j = 0; j < length; j++) {
				s.append(random.nextInt(10) == 0 ? (char) (0x20 + random.nextInt(0x3000))
						: ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			strings.add(s.toString());
		}
		return strings;
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void neutralisingIsReversibleThroughAWholeCsvFile(long seed) throws Exception {
		List<String> strings = strings(seed);
		StringWriter out = new StringWriter();
		CsvRowWriter writer = new CsvRowWriter(out);
		writer.header(List.of("cell"));
		for (String s : strings) {
			writer.row(List.of(s));
		}
		writer.flush();
		List<CSVRecord> records;
		try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(out.toString()))) {
			records = parser.getRecords();
		}
		assertThat(records).hasSize(strings.size() + 1);
		for (int i = 0; i < strings.size(); i++) {
			String cell = records.get(i + 1).get(0);
			assertThat(cell).as("seed %d, string %d", seed, i)
				.doesNotStartWith("=")
				.doesNotStartWith("+")
				.doesNotStartWith("-")
				.doesNotStartWith("@")
				.doesNotStartWith("\t")
				.doesNotStartWith("\r");
			assertThat(CsvCells.restore(cell)).as("seed %d, string %d", seed, i).isEqualTo(strings.get(i));
		}
	}

}
