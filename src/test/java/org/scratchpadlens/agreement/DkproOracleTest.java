package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.scratchpadlens.agreement.Tables.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.coding.WeightedKappaAgreement;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.dkpro.statistics.agreement.distance.RatioDistanceFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property-style cross-checks: on seeded random tables, every statistic DKPro Statistics
 * also computes must agree with it to floating-point accuracy. Categories are the
 * integers 1..k so that every level applies.
 */
class DkproOracleTest {

	/**
	 * Raters mostly agree on a per-item "true" answer, so the statistics are far from 0
	 * and 1.
	 */
	static RatingTable randomTable(long seed, int items, int raters, int categories, double missing) {
		Random random = new Random(seed);
		List<String> ids = new ArrayList<>();
		for (int r = 0; r < raters; r++) {
			ids.add("r" + r);
		}
		RatingTable.Builder builder = RatingTable.builder(ids);
		for (int i = 0; i < items; i++) {
			int truth = random.nextInt(categories);
			String[] row = new String[raters];
			for (int r = 0; r < raters; r++) {
				if (random.nextDouble() < missing) {
					continue;
				}
				int answer = random.nextDouble() < 0.6 ? truth : random.nextInt(categories);
				row[r] = String.valueOf(answer + 1);
			}
			builder.add("i" + i, row);
		}
		return builder.build();
	}

	static CodingAnnotationStudy study(RatingTable table) {
		CodingAnnotationStudy study = new CodingAnnotationStudy(table.raterCount());
		for (int i = 0; i < table.itemCount(); i++) {
			Object[] row = new Object[table.raterCount()];
			int rated = 0;
			for (int r = 0; r < row.length; r++) {
				String code = table.code(i, r);
				row[r] = code == null ? null : Integer.valueOf(code);
				rated += code == null ? 0 : 1;
			}
			if (rated > 0) {
				study.addItemAsArray(row);
			}
		}
		return study;
	}

	@ParameterizedTest(name = "seed {0}: {1} items x {2} raters, {3} categories, {4} missing")
	@CsvSource({ "1, 40, 3, 3, 0.2", "2, 200, 5, 4, 0.3", "3, 15, 4, 2, 0.1", "4, 120, 2, 5, 0.25", "5, 60, 6, 3, 0.4",
			"6, 300, 3, 7, 0.15" })
	void alphaAgreesWithDkproAtEveryLevel(long seed, int items, int raters, int categories, double missing) {
		RatingTable table = randomTable(seed, items, raters, categories, missing);
		CodingAnnotationStudy study = study(table);
		assertAlpha(table, MeasurementLevel.NOMINAL,
				new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()));
		assertAlpha(table, MeasurementLevel.ORDINAL,
				new KrippendorffAlphaAgreement(study, new OrdinalDistanceFunction()));
		assertAlpha(table, MeasurementLevel.INTERVAL,
				new KrippendorffAlphaAgreement(study, new IntervalDistanceFunction()));
		assertAlpha(table, MeasurementLevel.RATIO, new KrippendorffAlphaAgreement(study, new RatioDistanceFunction()));
	}

	private static void assertAlpha(RatingTable table, MeasurementLevel level, KrippendorffAlphaAgreement oracle) {
		double ours = estimate(AgreementCalculator.compute(table, level, null, 0, 1).krippendorffAlpha()).value();
		assertThat(ours).as(level.label()).isCloseTo(oracle.calculateAgreement(), within(1e-9));
	}

	@ParameterizedTest(name = "seed {0}: {1} items x {2} raters, {3} categories")
	@CsvSource({ "11, 50, 2, 3", "12, 300, 2, 5", "13, 20, 2, 2", "14, 80, 4, 3", "15, 150, 7, 4", "16, 30, 3, 6" })
	void completeDataStatisticsAgreeWithDkpro(long seed, int items, int raters, int categories) {
		RatingTable table = randomTable(seed, items, raters, categories, 0);
		CodingAnnotationStudy study = study(table);
		AgreementReport report = AgreementCalculator.compute(table, MeasurementLevel.NOMINAL, null, 0, 1);
		assertThat(estimate(report.percentAgreement()).value())
			.isCloseTo(new PercentageAgreement(study).calculateAgreement(), within(1e-9));
		assertThat(estimate(report.fleissKappa()).value())
			.isCloseTo(new FleissKappaAgreement(study).calculateAgreement(), within(1e-9));
		if (raters == 2) {
			assertThat(estimate(report.cohenKappa()).value())
				.isCloseTo(new CohenKappaAgreement(study).calculateAgreement(), within(1e-9));
			// DKPro's weighted kappa takes a disagreement distance; linear and quadratic
			// weights are |i-j| and (i-j)^2
			// on the category ranks (which here equal the codes).
			IDistanceFunction absolute = (s, a, b) -> Math.abs((Integer) a - (Integer) b);
			IDistanceFunction squared = (s, a, b) -> Math.pow((Integer) a - (Integer) b, 2);
			assertThat(estimate(report.cohenKappaLinear()).value())
				.isCloseTo(new WeightedKappaAgreement(study, absolute).calculateAgreement(), within(1e-9));
			assertThat(estimate(report.cohenKappaQuadratic()).value())
				.isCloseTo(new WeightedKappaAgreement(study, squared).calculateAgreement(), within(1e-9));
		}
	}

}
