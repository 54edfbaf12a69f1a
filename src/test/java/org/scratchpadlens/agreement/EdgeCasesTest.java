package org.scratchpadlens.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.scratchpadlens.agreement.Tables.estimate;
import static org.scratchpadlens.agreement.Tables.undefined;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EdgeCasesTest {

	private static AgreementReport compute(RatingTable table) {
		return AgreementCalculator.compute(table, MeasurementLevel.NOMINAL, null, 200, 7);
	}

	@Nested
	class PerfectAgreement {

		private final AgreementReport report = compute(RatingTable.builder("A", "B")
			.add("1", "yes", "yes")
			.add("2", "no", "no")
			.add("3", "yes", "yes")
			.add("4", "no", "no")
			.build());

		@Test
		void everyStatisticIsOne() {
			for (Statistic statistic : Statistic.values()) {
				assertThat(estimate(report.get(statistic)).value()).as(statistic.key()).isCloseTo(1.0, within(1e-12));
			}
		}

		@Test
		void intervalsNeverExceedOne() {
			for (Statistic statistic : Statistic.values()) {
				Estimate estimate = estimate(report.get(statistic));
				assertThat(estimate.ciHigh()).as(statistic.key()).isLessThanOrEqualTo(1.0);
			}
		}

	}

	@Nested
	class EveryRatingInOneCategory {

		private final RatingTable table = RatingTable.builder("A", "B", "C")
			.add("1", "yes", "yes", "yes")
			.add("2", "yes", "yes", "yes")
			.add("3", "yes", "yes", "")
			.build();

		@Test
		void kappaAndAlphaAreUndefinedWithTheReasonNotZeroOrOne() {
			AgreementReport report = compute(table);
			assertThat(undefined(report.fleissKappa()).reason()).contains("one category").contains("0/0");
			assertThat(undefined(report.krippendorffAlpha()).reason()).contains("0/0");
		}

		@Test
		void percentAgreementIsStillOne() {
			assertThat(estimate(compute(table).percentAgreement()).value()).isEqualTo(1.0);
		}

		@Test
		void ac1NeedsASecondCategoryWhenCategoriesAreInferred() {
			assertThat(undefined(compute(table).gwetAc1()).reason()).contains("at least 2 categories");
		}

		@Test
		void ac1IsOneOnceTheRubricDeclaresTheOtherCategory() {
			// AC1's chance agreement does not collapse to 1, so a unanimous table is
			// perfect agreement under AC1.
			AgreementReport report = AgreementCalculator.compute(table, MeasurementLevel.NOMINAL,
					CategorySet.of("yes", "no"), 0, 1);
			assertThat(estimate(report.gwetAc1()).value()).isEqualTo(1.0);
			assertThat(report.fleissKappa()).isInstanceOf(Undefined.class);
		}

		@Test
		void cohenKappaOfTwoRatersWithOneCategoryIsUndefined() {
			AgreementReport report = compute(
					RatingTable.builder("A", "B").add("1", "x", "x").add("2", "x", "x").build());
			assertThat(undefined(report.cohenKappa()).reason()).contains("0/0");
			assertThat(undefined(report.cohenKappaLinear()).reason()).contains("0/0");
			assertThat(undefined(report.cohenKappaQuadratic()).reason()).contains("0/0");
		}

	}

	@Nested
	class OneRater {

		private final AgreementReport report = compute(RatingTable.builder("A").add("1", "yes").add("2", "no").build());

		@Test
		void nothingIsPairableSoEveryStatisticIsUndefined() {
			assertThat(report.pairableItems()).isZero();
			for (Statistic statistic : Statistic.values()) {
				assertThat(report.get(statistic)).as(statistic.key()).isInstanceOf(Undefined.class);
			}
		}

		@Test
		void reasonsNameWhatIsMissing() {
			assertThat(undefined(report.cohenKappa()).reason()).contains("exactly 2 raters");
			assertThat(undefined(report.fleissKappa()).reason()).contains("at least 2 raters");
			assertThat(undefined(report.percentAgreement()).reason()).contains("pairable");
			assertThat(undefined(report.krippendorffAlpha()).reason()).contains("pairable");
		}

	}

	@Nested
	class MissingRatings {

		private final RatingTable table = RatingTable.builder("A", "B")
			.add("1", "yes", "yes")
			.add("2", "no", "no")
			.add("3", "yes", "no")
			.add("4", "yes", "")
			.add("5", "", "")
			.add("6", "no", "no")
			.build();

		@Test
		void cohenUsesCompleteItemsAndCountsTheDropped() {
			AgreementReport report = compute(table);
			assertThat(report.items()).isEqualTo(6);
			assertThat(report.completeItems()).isEqualTo(4);
			assertThat(report.droppedIncompleteItems()).isEqualTo(2);
			assertThat(report.pairableItems()).isEqualTo(4);
			// 4 complete items: 3 agree; both raters' margins are (yes 2, no 2) -> pe =
			// 0.5.
			assertThat(estimate(report.cohenKappa()).value()).isCloseTo(0.5, within(1e-12));
		}

		@Test
		void aRowWithoutRatingsIsAllowedAndIgnored() {
			AgreementReport withEmpty = compute(table);
			RatingTable withoutEmpty = RatingTable.builder("A", "B")
				.add("1", "yes", "yes")
				.add("2", "no", "no")
				.add("3", "yes", "no")
				.add("4", "yes", null)
				.add("6", "no", "no")
				.build();
			AgreementReport without = compute(withoutEmpty);
			assertThat(estimate(withEmpty.krippendorffAlpha()).value())
				.isEqualTo(estimate(without.krippendorffAlpha()).value());
			assertThat(estimate(withEmpty.gwetAc1()).value()).isEqualTo(estimate(without.gwetAc1()).value());
		}

		@Test
		void noCompleteItemsMakesKappaUndefined() {
			AgreementReport report = compute(
					RatingTable.builder("A", "B", "C").add("1", "x", "y", null).add("2", null, "x", "x").build());
			assertThat(undefined(report.fleissKappa()).reason()).contains("no complete items");
			assertThat(report.krippendorffAlpha()).isInstanceOf(Estimate.class);
		}

	}

	@Nested
	class EmptyTable {

		@Test
		void everyStatisticIsUndefinedAndNothingThrows() {
			AgreementReport report = compute(RatingTable.builder("A", "B").build());
			assertThat(report.items()).isZero();
			assertThat(report.categories()).isEmpty();
			for (Statistic statistic : Statistic.values()) {
				assertThat(report.get(statistic)).as(statistic.key()).isInstanceOf(Undefined.class);
			}
		}

	}

	@Nested
	class SingleItem {

		@Test
		void agreementOnOneItemHasNoInterval() {
			AgreementReport report = compute(RatingTable.builder("A", "B").add("1", "x", "x").build());
			Estimate percent = estimate(report.percentAgreement());
			assertThat(percent.value()).isEqualTo(1.0);
			assertThat(percent.hasInterval()).isFalse();
			assertThat(percent.ciMethod()).contains("at least 2 items");
			assertThat(report.cohenKappa()).isInstanceOf(Undefined.class);
			assertThat(report.krippendorffAlpha()).isInstanceOf(Undefined.class);
		}

		@Test
		void onePairableItemGivesNoStatisticAnInterval() {
			// The bootstrap would resample the one item 200 times and report [0, 0].
			AgreementReport report = compute(RatingTable.builder("A", "B").add("i1", "yes", "no").build());
			for (Statistic statistic : Statistic.values()) {
				Estimate estimate = estimate(report.get(statistic));
				assertThat(estimate.hasInterval()).as(statistic.key()).isFalse();
				assertThat(estimate.standardError()).as(statistic.key()).isNull();
				assertThat(estimate.ciMethod()).as(statistic.key()).startsWith("none: ").contains("at least 2");
			}
			assertThat(estimate(report.krippendorffAlpha()).ciMethod())
				.isEqualTo("none: an interval needs at least 2 pairable items; the table has 1");
		}

		@Test
		void onePairableItemBesideItemsRatedOnceGivesNoInterval() {
			// Items with one rating count for AC1's category shares but carry no
			// agreement: one pair is still one observation, so no interval (their zero
			// terms would make a standard error out of nothing).
			AgreementReport report = compute(RatingTable.builder("A", "B", "C")
				.add("i1", "yes", "no", null)
				.add("i2", "yes", null, null)
				.add("i3", null, null, "no")
				.build());
			assertThat(report.pairableItems()).isEqualTo(1);
			for (Statistic statistic : List.of(Statistic.PERCENT_AGREEMENT, Statistic.KRIPPENDORFF_ALPHA,
					Statistic.GWET_AC1)) {
				Estimate estimate = estimate(report.get(statistic));
				assertThat(estimate.hasInterval()).as(statistic.key()).isFalse();
				assertThat(estimate.ciMethod()).as(statistic.key()).contains("at least 2 pairable items");
			}
		}

		@Test
		void twoPairableItemsGetAnInterval() {
			AgreementReport report = compute(
					RatingTable.builder("A", "B").add("i1", "yes", "no").add("i2", "no", "no").build());
			for (Statistic statistic : List.of(Statistic.PERCENT_AGREEMENT, Statistic.KRIPPENDORFF_ALPHA,
					Statistic.GWET_AC1, Statistic.COHEN_KAPPA)) {
				assertThat(estimate(report.get(statistic)).hasInterval()).as(statistic.key()).isTrue();
			}
		}

		@Test
		void disagreementOnOneItemIsZeroNotUndefined() {
			AgreementReport report = compute(RatingTable.builder("A", "B").add("1", "x", "y").build());
			assertThat(estimate(report.percentAgreement()).value()).isZero();
			assertThat(estimate(report.cohenKappa()).value()).isZero();
			assertThat(estimate(report.krippendorffAlpha()).value()).isZero();
		}

	}

	@Nested
	class UnusedDeclaredCategories {

		private final RatingTable table = RatingTable.builder("A", "B")
			.add("1", "low", "low")
			.add("2", "high", "high")
			.add("3", "low", "high")
			.add("4", "high", "high")
			.add("5", "low", "low")
			.build();

		private final AgreementReport inferred = AgreementCalculator.compute(table, MeasurementLevel.NOMINAL, null, 0,
				1);

		private final AgreementReport declared = AgreementCalculator.compute(table, MeasurementLevel.NOMINAL,
				CategorySet.of("low", "medium", "high"), 0, 1);

		@Test
		void nominalStatisticsIgnoreThem() {
			for (Statistic statistic : List.of(Statistic.PERCENT_AGREEMENT, Statistic.COHEN_KAPPA,
					Statistic.FLEISS_KAPPA, Statistic.KRIPPENDORFF_ALPHA)) {
				assertThat(estimate(declared.get(statistic)).value()).as(statistic.key())
					.isCloseTo(estimate(inferred.get(statistic)).value(), within(1e-12));
			}
		}

		@Test
		void ac1CountsThemInChanceAgreement() {
			assertThat(estimate(declared.gwetAc1()).value()).isGreaterThan(estimate(inferred.gwetAc1()).value());
		}

		@Test
		void weightedKappaUsesTheirPlaceInTheOrder() {
			// With "medium" between them, a low/high disagreement is the largest
			// possible, and the scale is the same,
			// so linear kappa equals unweighted kappa on two used extremes.
			assertThat(estimate(declared.cohenKappaLinear()).value())
				.isCloseTo(estimate(inferred.cohenKappaLinear()).value(), within(1e-12));
			assertThat(declared.categories()).containsExactly("low", "medium", "high");
			assertThat(declared.categoriesDeclared()).isTrue();
		}

	}

	@Nested
	class NumericCodesInDifferentSpellings {

		// As pandas writes a column of integer codes that has a missing value: floats.
		private final RatingTable table = RatingTable.builder("A", "B")
			.add("t1", "0.0", "0")
			.add("t2", "1.0", "1")
			.add("t3", "2.0", "2")
			.add("t4", null, "1")
			.add("t5", "1.0", "1")
			.add("t6", "0.0", "0")
			.build();

		@Test
		void inferredCategoriesAreTheNumbersAndAgreementIsPerfect() {
			AgreementReport report = AgreementCalculator.compute(table, MeasurementLevel.ORDINAL, null, 200, 7);
			assertThat(report.categories()).containsExactly("0", "1", "2");
			for (Statistic statistic : Statistic.values()) {
				assertThat(estimate(report.get(statistic)).value()).as(statistic.key()).isCloseTo(1.0, within(1e-12));
			}
		}

		@Test
		void declaredNumericCategoriesMatchByValue() {
			AgreementReport report = AgreementCalculator.compute(table, MeasurementLevel.INTERVAL,
					CategorySet.of("0", "1", "2"), 0, 1);
			assertThat(report.categories()).containsExactly("0", "1", "2");
			assertThat(estimate(report.krippendorffAlpha()).value()).isCloseTo(1.0, within(1e-12));
			assertThat(estimate(report.cohenKappaQuadratic()).value()).isCloseTo(1.0, within(1e-12));
		}

		@Test
		void sameResultsAsTheTableWrittenWithOneSpelling() {
			RatingTable oneSpelling = RatingTable.builder("A", "B", "C")
				.add("1", "1", "2", "2")
				.add("2", "3", "3", null)
				.add("3", "1", "1", "3")
				.add("4", "2", "2", "2")
				.build();
			RatingTable manySpellings = RatingTable.builder("A", "B", "C")
				.add("1", "1.0", "2", "2.00")
				.add("2", "3", "3.0", null)
				.add("3", "1", "1.0", "3e0")
				.add("4", "2.0", "2", "2")
				.build();
			for (MeasurementLevel level : MeasurementLevel.values()) {
				AgreementReport expected = AgreementCalculator.compute(oneSpelling, level, null, 100, 3);
				AgreementReport actual = AgreementCalculator.compute(manySpellings, level, null, 100, 3);
				assertThat(actual).as(level.label()).isEqualTo(expected);
			}
		}

	}

	@Nested
	class CategoryCodes {

		@Test
		void aCodeOutsideTheDeclaredCategoriesIsAnErrorNamingWhere() {
			RatingTable table = RatingTable.builder("A", "B").add("item-9", "yes", "maybe").build();
			assertThatThrownBy(() -> AgreementCalculator.compute(table, MeasurementLevel.NOMINAL,
					CategorySet.of("yes", "no"), 0, 1))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("item-9")
				.hasMessageContaining("rater 'B'")
				.hasMessageContaining("maybe");
		}

		@Test
		void aNumberAmongTextCategoriesMustBeSpelledAsDeclaredAndTheErrorSaysWhy() {
			RatingTable table = RatingTable.builder("A", "B").add("item-3", "1.0", "unsure").build();
			assertThatThrownBy(() -> AgreementCalculator.compute(table, MeasurementLevel.NOMINAL,
					CategorySet.of("0", "1", "unsure"), 0, 1))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("code '1.0' is not among the categories")
				.hasMessageContaining("'1'")
				.hasMessageContaining("not every category is a number");
		}

		@ParameterizedTest
		@EnumSource(value = MeasurementLevel.class, names = { "INTERVAL", "RATIO" })
		void numericLevelsOnNumbersBeyondDoubleRangeAreUndefinedNotNaN(MeasurementLevel level) {
			RatingTable table = RatingTable.builder("A", "B").add("1", "1e400", "1").add("2", "1", "1").build();
			AgreementReport report = AgreementCalculator.compute(table, level, null, 0, 1);
			assertThat(undefined(report.krippendorffAlpha()).reason()).contains("double range");
		}

		@ParameterizedTest
		@EnumSource(value = MeasurementLevel.class, names = { "INTERVAL", "RATIO" })
		void numericLevelsOnWordsAreUndefined(MeasurementLevel level) {
			RatingTable table = RatingTable.builder("A", "B").add("1", "yes", "no").add("2", "no", "no").build();
			AgreementReport report = AgreementCalculator.compute(table, level, null, 0, 1);
			assertThat(undefined(report.krippendorffAlpha()).reason()).contains("numeric categories");
			assertThat(report.cohenKappa()).isInstanceOf(Estimate.class);
		}

	}

}
