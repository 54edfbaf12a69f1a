package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.scratchpadlens.agreement.Tables.assertRoundsTo;
import static org.scratchpadlens.agreement.Tables.estimate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every statistic against values published by the authors of the data or by reference
 * implementations, at the precision they were published. Sources:
 * src/test/resources/irr/README.md and docs/agreement.md.
 */
class PublishedValuesTest {

	@Nested
	class Krippendorff2011FourCodersTwelveUnits {

		private final RatingTable table = Tables.resource("krippendorff2011_4coders_12units.csv");

		@ParameterizedTest(name = "{0} alpha is {1}")
		@CsvSource({ "nominal, 0.743421", "ordinal, 0.815388", "interval, 0.849107", "ratio, 0.797403" })
		void alphaMatchesKrippendorffAtEveryLevel(String level, String published) {
			AgreementReport report = AgreementCalculator.compute(table, MeasurementLevel.parse(level), null, 0, 1);
			assertRoundsTo(estimate(report.krippendorffAlpha()).value(), published);
		}

		@Test
		void nominalAndIntervalAlphaAreTheExactFractions() {
			assertThat(alpha(MeasurementLevel.NOMINAL)).isCloseTo(113.0 / 152, within(1e-12));
			assertThat(alpha(MeasurementLevel.INTERVAL)).isCloseTo(951.0 / 1120, within(1e-12));
		}

		@Test
		void unitWithOneRatingIsNotPairable() {
			AgreementReport report = AgreementCalculator.compute(table);
			assertThat(report.items()).isEqualTo(12);
			assertThat(report.pairableItems()).isEqualTo(11);
		}

		@Test
		void percentAgreementIsTheMeanPairwiseAgreementOfIrrCac() {
			Estimate pa = estimate(AgreementCalculator.compute(table).percentAgreement());
			assertRoundsTo(pa.value(), "0.8181818");
			assertRoundsTo(pa.standardError(), "0.12561");
		}

		@Test
		void gwetAc1WithMissingRatingsMatchesIrrCac() {
			Estimate ac1 = estimate(AgreementCalculator.compute(table).gwetAc1());
			assertRoundsTo(ac1.value(), "0.77544");
			assertRoundsTo(ac1.standardError(), "0.14295");
			// irrCAC prints (0.461,1): t(11) interval, upper bound capped at 1.
			assertRoundsTo(ac1.ciLow(), "0.461");
			assertThat(ac1.ciHigh()).isEqualTo(1.0);
		}

		@Test
		void fleissFrameworkWithMissingRatingsMatchesIrrCac() {
			// The report restricts Fleiss to complete items; the formula itself handles
			// missing data like irrCAC.
			ItemCounts rated = ItemCounts.of(table, CategorySet.inferFrom(table)).withAtLeast(1);
			Estimate fleiss = estimate(GwetFramework.compute(rated, GwetFramework.Coefficient.FLEISS_KAPPA));
			assertRoundsTo(fleiss.value(), "0.76117");
			assertRoundsTo(fleiss.standardError(), "0.15302");
			assertRoundsTo(fleiss.ciLow(), "0.424");
		}

		@Test
		void reportedFleissUsesOnlyTheCompleteItemsAndSaysHowManyWereDropped() {
			AgreementReport report = AgreementCalculator.compute(table);
			assertThat(report.completeItems()).isEqualTo(8);
			assertThat(report.droppedIncompleteItems()).isEqualTo(4);
			assertThat(report.fleissKappa()).isInstanceOf(Estimate.class);
		}

		private double alpha(MeasurementLevel level) {
			return estimate(AgreementCalculator.compute(table, level, null, 0, 1).krippendorffAlpha()).value();
		}

	}

	@Nested
	class FleissWikipediaFourteenRaters {

		private final AgreementReport report = AgreementCalculator
			.compute(Tables.resource("fleiss_wikipedia_expanded_10x14.csv"));

		@Test
		void fleissKappaIsPublishedValue() {
			assertRoundsTo(estimate(report.fleissKappa()).value(), "0.2099307");
		}

		@Test
		void meanObservedAgreementIsPublishedValue() {
			assertRoundsTo(estimate(report.percentAgreement()).value(), "0.378");
		}

		@Test
		void noItemIsDropped() {
			assertThat(report.completeItems()).isEqualTo(10);
			assertThat(report.droppedIncompleteItems()).isZero();
			assertThat(report.raters()).isEqualTo(14);
		}

	}

	@Nested
	class IrrCacDistributionOfSixRaters {

		private final AgreementReport report = AgreementCalculator
			.compute(Tables.resource("irrcac_distrib6raters_expanded.csv"));

		@Test
		void fleissKappaWithStandardErrorAndInterval() {
			Estimate fleiss = estimate(report.fleissKappa());
			assertRoundsTo(fleiss.value(), "0.4139265");
			assertRoundsTo(fleiss.standardError(), "0.08119291");
			assertRoundsTo(fleiss.ciLow(), "0.24");
			assertRoundsTo(fleiss.ciHigh(), "0.588");
		}

		@Test
		void gwetAc1WithStandardErrorAndInterval() {
			Estimate ac1 = estimate(report.gwetAc1());
			assertRoundsTo(ac1.value(), "0.4448007");
			assertRoundsTo(ac1.standardError(), "0.08418757");
			assertRoundsTo(ac1.ciLow(), "0.264");
			assertRoundsTo(ac1.ciHigh(), "0.625");
		}

		@Test
		void nominalAlpha() {
			assertRoundsTo(estimate(report.krippendorffAlpha()).value(), "0.4204384");
		}

		@Test
		void percentAgreement() {
			assertRoundsTo(estimate(report.percentAgreement()).value(), "0.5511111");
		}

	}

	@Nested
	class CohenKappaTwoRaters {

		@Test
		void wikipediaProposalsGiveExactlyPointFour() {
			AgreementReport report = AgreementCalculator.compute(Tables.resource("cohen_wikipedia_2x2_expanded.csv"));
			assertThat(estimate(report.cohenKappa()).value()).isCloseTo(0.4, within(1e-12));
			assertThat(estimate(report.percentAgreement()).value()).isCloseTo(0.7, within(1e-12));
		}

		@Test
		void artsteinPoesioTableOneIsEightTwentyThirds() {
			AgreementReport report = AgreementCalculator
				.compute(Tables.resource("artstein_poesio_2008_2x2_expanded.csv"));
			assertThat(estimate(report.cohenKappa()).value()).isCloseTo(8.0 / 23, within(1e-12));
		}

		@Test
		void artsteinPoesioTableFourKappaAndAlpha() {
			AgreementReport report = AgreementCalculator
				.compute(Tables.resource("artstein_poesio_2008_3x3_expanded.csv"));
			assertRoundsTo(estimate(report.cohenKappa()).value(), "0.8013");
			// Published (DKPro's test) as 0.800 within 0.001; by hand Do = 0.12, De =
			// 23944/39800, alpha = 0.80053.
			double alpha = estimate(report.krippendorffAlpha()).value();
			assertThat(alpha).isCloseTo(0.800, within(0.001));
			assertThat(alpha).isCloseTo(1 - 0.12 * 39800 / 23944, within(1e-12));
		}

		@Test
		void scikitLearnWeightedKappas() {
			AgreementReport report = AgreementCalculator.compute(Tables.resource("sklearn_weighted_3x3_expanded.csv"));
			assertRoundsTo(estimate(report.cohenKappa()).value(), "0.9315");
			assertRoundsTo(estimate(report.cohenKappaLinear()).value(), "0.9412");
			assertRoundsTo(estimate(report.cohenKappaQuadratic()).value(), "0.9541");
		}

		@Test
		void irrCacAbstractorsKappaAndFleissCohenEverittStandardError() {
			RatingTable table = Tables.fromContingency(new long[][] { { 13, 0, 0 }, { 0, 20, 7 }, { 0, 4, 56 } },
					"Ectopic", "AIU", "NIU");
			AgreementReport report = AgreementCalculator.compute(table);
			Estimate kappa = estimate(report.cohenKappa());
			assertRoundsTo(kappa.value(), "0.7964094");
			assertRoundsTo(kappa.standardError(), "0.05891072");
			assertRoundsTo(estimate(report.gwetAc1()).value(), "0.8493305");
			assertRoundsTo(estimate(report.percentAgreement()).value(), "0.89");
		}

		@Test
		void theSameKappaAndStandardErrorFromTheContingencyTableAlone() {
			// irrCAC's abstractors table, given as the joint distribution the agreement
			// page
			// builds for each pair of raters
			Estimate kappa = estimate(
					AgreementCalculator.cohenKappa(new long[][] { { 13, 0, 0 }, { 0, 20, 7 }, { 0, 4, 56 } }));
			assertRoundsTo(kappa.value(), "0.7964094");
			assertRoundsTo(kappa.standardError(), "0.05891072");
			// Cohen's Wikipedia example: rows rater A yes/no, columns rater B
			assertThat(estimate(AgreementCalculator.cohenKappa(new long[][] { { 20, 5 }, { 10, 15 } })).value())
				.isCloseTo(0.4, within(1e-12));
			assertThat(AgreementCalculator.cohenKappa(new long[][] { { 0, 0 }, { 0, 0 } }))
				.isInstanceOf(Undefined.class);
			assertThatThrownBy(() -> AgreementCalculator.cohenKappa(new long[][] { { 1, 2 }, { 3 } }))
				.isInstanceOf(IllegalArgumentException.class);
		}

		@Test
		void theTwoRaterSummaryGivesIrrCacsKappaAc1AndPercentAgreement() {
			// the abstractors table expanded to one row per item, codes in category order
			long[][] joint = { { 13, 0, 0 }, { 0, 20, 7 }, { 0, 4, 56 } };
			java.util.List<int[]> rows = new java.util.ArrayList<>();
			for (int a = 0; a < 3; a++) {
				for (int b = 0; b < 3; b++) {
					for (long x = 0; x < joint[a][b]; x++) {
						rows.add(new int[] { a, b });
					}
				}
			}
			AgreementCalculator.TwoRaters two = AgreementCalculator.twoRaters(rows.toArray(int[][]::new),
					CategorySet.of("Ectopic", "AIU", "NIU"));
			assertThat(two.items()).isEqualTo(100);
			assertRoundsTo(estimate(two.cohenKappa()).value(), "0.7964094");
			assertRoundsTo(estimate(two.cohenKappa()).standardError(), "0.05891072");
			assertRoundsTo(estimate(two.gwetAc1()).value(), "0.8493305");
			assertRoundsTo(estimate(two.percentAgreement()).value(), "0.89");
			// the intervals are the full report's
			AgreementReport full = AgreementCalculator.computeCoded(2, rows.toArray(int[][]::new),
					MeasurementLevel.NOMINAL, CategorySet.of("Ectopic", "AIU", "NIU"), 0, 0);
			assertThat(two.gwetAc1()).isEqualTo(full.gwetAc1());
			assertThat(two.percentAgreement()).isEqualTo(full.percentAgreement());
			assertThat(two.cohenKappa()).isEqualTo(full.cohenKappa());
			assertThatThrownBy(() -> AgreementCalculator.twoRaters(new int[][] { { 0, -1 } }, CategorySet.of("a", "b")))
				.isInstanceOf(IllegalArgumentException.class);
		}

		@Test
		void spssSexOfStudentsKappaAndAsymptoticStandardError() {
			RatingTable table = Tables.fromContingency(new long[][] { { 118, 1 }, { 1, 63 } }, "female", "male");
			Estimate kappa = estimate(AgreementCalculator.compute(table).cohenKappa());
			assertRoundsTo(kappa.value(), "0.976");
			assertRoundsTo(kappa.standardError(), "0.017");
		}

		@Test
		void vcdSexualFunUnweightedAndLinearWeightedWithStandardErrors() {
			RatingTable table = Tables.fromContingency(
					new long[][] { { 7, 7, 2, 3 }, { 2, 8, 3, 7 }, { 1, 5, 4, 9 }, { 2, 8, 9, 14 } }, "1", "2", "3",
					"4");
			AgreementReport report = AgreementCalculator.compute(table, MeasurementLevel.ORDINAL, null, 0, 1);
			Estimate unweighted = estimate(report.cohenKappa());
			Estimate linear = estimate(report.cohenKappaLinear());
			assertRoundsTo(unweighted.value(), "0.1293");
			assertRoundsTo(unweighted.standardError(), "0.06860");
			assertRoundsTo(linear.value(), "0.2374");
			assertRoundsTo(linear.standardError(), "0.07832");
		}

		@Test
		void kappaIntervalIsNormalAroundTheEstimate() {
			RatingTable table = Tables.fromContingency(new long[][] { { 13, 0, 0 }, { 0, 20, 7 }, { 0, 4, 56 } },
					"Ectopic", "AIU", "NIU");
			Estimate kappa = estimate(AgreementCalculator.compute(table).cohenKappa());
			assertThat(kappa.ciLow()).isCloseTo(kappa.value() - 1.959963984540054 * kappa.standardError(),
					within(1e-12));
			assertThat(kappa.ciMethod()).contains("Fleiss, Cohen & Everitt 1969");
		}

	}

}
