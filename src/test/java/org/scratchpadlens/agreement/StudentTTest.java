package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

	// Reference quantiles: R qt(0.975, df) / standard tables.
	@ParameterizedTest(name = "t(0.975, {0}) = {1}")
	@CsvSource({ "1, 12.7062047", "2, 4.3026527", "11, 2.2009852", "14, 2.1447867", "99, 1.9842169",
			"1000000, 1.9599663" })
	void quantileMatchesTables(double df, double expected) {
		assertThat(StudentT.quantile(0.975, df)).isCloseTo(expected, within(5e-7));
	}

}
