package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategorySetTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';',
			value = { "10 2 1 -3 2.5; -3 1 2 2.5 10", "b a C; C a b", "2 x 10; 10 2 x", "1e1 3; 3 10", "NaN 1; 1 NaN",
					// Spellings of one number are one category (pandas writes 1.0 where a
					// rater
					// typed 1), reported in canonical form.
					"1.0 1 0 0.0 2 2.0; 0 1 2", "2.50 2.5 -0 +3 .5; 0 0.5 2.5 3", "1.00 1e0 10E-1; 1",
					// Text codes stay exact: one non-number makes every code a label.
					"1 1.0 n/a; 1 1.0 n/a", "Yes yes; Yes yes",
					// An exponent BigDecimal cannot hold is not a number either.
					"1e9999999999 1; 1 1e9999999999" })
	void inferredOrderIsNumericWhenEveryCodeIsANumberElseAlphabetical(String codes, String expected) {
		RatingTable.Builder builder = RatingTable.builder("A");
		int i = 0;
		for (String code : codes.split(" ")) {
			builder.add(String.valueOf(i++), code);
		}
		assertThat(CategorySet.inferFrom(builder.build()).labels())
			.containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
	}

	@Test
	void declaredOrderIsKept() {
		CategorySet set = CategorySet.of("no", " maybe ", "yes");
		assertThat(set.labels()).containsExactly("no", "maybe", "yes");
		assertThat(set.indexOf("yes")).isEqualTo(2);
		assertThat(set.indexOf("other")).isEqualTo(-1);
		assertThat(set.declared()).isTrue();
	}

	@Test
	void numericCategoriesMatchAnswersByValue() {
		CategorySet set = CategorySet.of("0", "1", "2");
		assertThat(set.indexOf("1")).isEqualTo(1);
		assertThat(set.indexOf("1.0")).isEqualTo(1);
		assertThat(set.indexOf("2.000")).isEqualTo(2);
		assertThat(set.indexOf("-0.0")).isEqualTo(0);
		assertThat(set.indexOf("1.5")).isEqualTo(-1);
		assertThat(set.indexOf("one")).isEqualTo(-1);
	}

	@Test
	void declaredNumericCategoriesAreReportedInCanonicalForm() {
		assertThat(CategorySet.of("0.0", "1.0", "2.50").labels()).containsExactly("0", "1", "2.5");
		assertThat(CategorySet.of("0.0", "1.0", "2.50").indexOf("2.5")).isEqualTo(2);
	}

	@Test
	void textCategoriesMatchExactly() {
		// One label that is not a number: every category is text, compared as written.
		CategorySet set = CategorySet.of("1", "2", "unsure");
		assertThat(set.labels()).containsExactly("1", "2", "unsure");
		assertThat(set.indexOf("1")).isEqualTo(0);
		assertThat(set.indexOf("1.0")).isEqualTo(-1);
		assertThat(CategorySet.of("Yes", "No").indexOf("yes")).isEqualTo(-1);
	}

	@Test
	void twoSpellingsOfOneNumberAreADuplicateCategory() {
		assertThatThrownBy(() -> CategorySet.of("1", "2", "1.0")).hasMessageContaining("duplicate")
			.hasMessageContaining("'1'")
			.hasMessageContaining("'1.0'");
	}

	@Test
	void duplicatesAndBlanksAreRejected() {
		assertThatThrownBy(() -> CategorySet.of("a", "a")).hasMessageContaining("duplicate");
		assertThatThrownBy(() -> CategorySet.of("a", " ")).hasMessageContaining("empty");
	}

}
