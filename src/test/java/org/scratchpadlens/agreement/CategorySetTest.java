package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategorySetTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';', value = { "10 2 1 -3 2.5; -3 1 2 2.5 10", "b a C; C a b", "2 x 10; 10 2 x",
			"1e1 3; 3 1e1", "NaN 1; 1 NaN" })
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
	void duplicatesAndBlanksAreRejected() {
		assertThatThrownBy(() -> CategorySet.of("a", "a")).hasMessageContaining("duplicate");
		assertThatThrownBy(() -> CategorySet.of("a", " ")).hasMessageContaining("empty");
	}

}
