package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.scratchpadlens.agreement.Tables.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KrippendorffBootstrapTest {

	private final RatingTable table = DkproOracleTest.randomTable(42, 300, 4, 3, 0.2);

	@Test
	void sameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
		Estimate a = alpha(table, 500, 9);
		Estimate b = alpha(table, 500, 9);
		Estimate c = alpha(table, 500, 10);
		assertThat(a).isEqualTo(b);
		assertThat(c.ciLow()).isNotEqualTo(a.ciLow());
	}

	@Test
	void resamplesDoNotDependOnThreadScheduling() {
		KrippendorffAlpha alpha = new KrippendorffAlpha(counts(table), MeasurementLevel.NOMINAL, null);
		double[] first = alpha.bootstrap(300, 5);
		for (int run = 0; run < 3; run++) {
			assertThat(alpha.bootstrap(300, 5)).containsExactly(first);
		}
	}

	@Test
	void methodNamesTheBootstrapAndItsSeed() {
		Estimate estimate = alpha(table, 200, 123);
		assertThat(estimate.ciMethod()).contains("bootstrap").contains("200 resamples").contains("seed 123");
		assertThat(estimate.standardError()).isNull();
	}

	@Test
	void noResamplesMeansNoInterval() {
		Estimate estimate = alpha(table, 0, 1);
		assertThat(estimate.hasInterval()).isFalse();
		assertThat(estimate.ciMethod()).contains("disabled");
	}

	@ParameterizedTest(name = "seed {0}")
	@CsvSource({ "1", "2", "3", "4", "5" })
	void intervalBracketsTheEstimateOnWellBehavedData(long seed) {
		RatingTable data = DkproOracleTest.randomTable(seed, 200, 3, 4, 0.1);
		Estimate estimate = alpha(data, 400, seed);
		assertThat(estimate.ciLow()).isLessThanOrEqualTo(estimate.value());
		assertThat(estimate.ciHigh()).isGreaterThanOrEqualTo(estimate.value());
	}

	@ParameterizedTest(name = "seed {0}")
	@CsvSource({ "21", "22", "23" })
	void patternWeightsGiveDkprosAlphaOfTheExplicitResample(long seed) {
		// The grouping shortcut must equal alpha computed (by DKPro) on a table that
		// literally repeats the drawn items.
		RatingTable data = DkproOracleTest.randomTable(seed, 80, 4, 3, 0.3);
		List<Integer> pairable = new ArrayList<>();
		for (int i = 0; i < data.itemCount(); i++) {
			int rated = 0;
			for (int r = 0; r < data.raterCount(); r++) {
				rated += data.code(i, r) == null ? 0 : 1;
			}
			if (rated >= 2) {
				pairable.add(i);
			}
		}
		Random random = new Random(seed);
		int[] draws = new int[pairable.size()];
		RatingTable.Builder resample = RatingTable.builder(data.raterIds());
		for (int d = 0; d < draws.length; d++) {
			draws[d] = random.nextInt(pairable.size());
			String[] row = new String[data.raterCount()];
			for (int r = 0; r < row.length; r++) {
				row[r] = data.code(pairable.get(draws[d]), r);
			}
			resample.add("draw" + d, row);
		}
		KrippendorffAlpha alpha = new KrippendorffAlpha(counts(data), MeasurementLevel.ORDINAL, null);
		double oracle = new KrippendorffAlphaAgreement(DkproOracleTest.study(resample.build()),
				new OrdinalDistanceFunction())
			.calculateAgreement();
		assertThat(alpha.value(alpha.weightsOf(draws))).isCloseTo(oracle, within(1e-9));
	}

	private static ItemCounts counts(RatingTable table) {
		return ItemCounts.of(table, CategorySet.inferFrom(table));
	}

	private static Estimate alpha(RatingTable table, int samples, long seed) {
		return estimate(
				AgreementCalculator.compute(table, MeasurementLevel.NOMINAL, null, samples, seed).krippendorffAlpha());
	}

}
