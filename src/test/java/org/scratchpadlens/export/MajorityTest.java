package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wide export's majority column: the most frequent answer, a tie reported as a tie
 * (never broken), nothing when nobody answered. Empty cells are raters who gave no
 * answer.
 */
class MajorityTest {

	@ParameterizedTest(name = "{0},{1},{2},{3} -> {4}")
	@CsvSource(nullValues = "-",
			value = { "yes, yes, no, -, yes", "yes, no, -, -, tie", "-, -, -, -, -", "no, -, no, yes, no",
					"a, b, b, a, tie", "a, -, -, -, a", "-, b, a, b, b", "a, b, c, -, tie", "a, b, b, c, b" })
	void theMostFrequentAnswerOrATie(String a, String b, String c, String d, String expected) {
		assertThat(Exports.majority(a, b, c, d)).isEqualTo(expected);
	}

}
