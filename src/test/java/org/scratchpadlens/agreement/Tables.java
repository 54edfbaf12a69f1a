package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Test helpers: published data sets, contingency tables turned into rating tables,
 * published-precision checks.
 */
final class Tables {

	private Tables() {
	}

	static RatingTable resource(String name) {
		try (InputStream in = Tables.class.getResourceAsStream("/irr/" + name)) {
			assertThat(in).as("test resource /irr/%s", name).isNotNull();
			return RatingTable.readCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (MalformedTableException ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * One item per counted pair: row category for rater A, column category for rater B.
	 */
	static RatingTable fromContingency(long[][] table, String... labels) {
		RatingTable.Builder builder = RatingTable.builder("A", "B");
		int item = 0;
		for (int i = 0; i < table.length; i++) {
			for (int j = 0; j < table[i].length; j++) {
				for (long c = 0; c < table[i][j]; c++) {
					builder.add(String.valueOf(++item), labels[i], labels[j]);
				}
			}
		}
		return builder.build();
	}

	/**
	 * The value agrees with a published figure to every decimal the publication gives.
	 */
	static void assertRoundsTo(double actual, String published) {
		BigDecimal expected = new BigDecimal(published);
		double tolerance = 0.5 * Math.pow(10, -expected.scale()) + 1e-12;
		assertThat(actual).as("published %s", published)
			.isCloseTo(expected.doubleValue(), org.assertj.core.api.Assertions.within(tolerance));
	}

	static Estimate estimate(StatisticResult result) {
		assertThat(result).isInstanceOf(Estimate.class);
		return (Estimate) result;
	}

	static Undefined undefined(StatisticResult result) {
		assertThat(result).isInstanceOf(Undefined.class);
		return (Undefined) result;
	}

}
