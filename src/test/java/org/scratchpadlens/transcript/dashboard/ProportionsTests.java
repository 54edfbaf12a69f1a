package org.scratchpadlens.transcript.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.scratchpadlens.transcript.dashboard.Proportions.Z95;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scratchpadlens.transcript.dashboard.Proportions.Interval;

class ProportionsTests {

	/**
	 * Published to four decimals: compare within half a unit of the last place.
	 */
	static final double PRINTED = 0.00005;

	@Nested
	class Wilson {

		/**
		 * Newcombe RG (1998). Two-sided confidence intervals for the single proportion:
		 * comparison of seven methods. Stat Med 17:857-872, method 3 (score, no
		 * continuity correction), its worked examples 81/263 and 15/148 (as also pinned
		 * by the tests of the R package propint,
		 * tests/testthat/test_Single_Proportion_CI.R).
		 */
		@ParameterizedTest(name = "{0}/{1} -> {2} to {3}")
		@CsvSource(textBlock = """
				81, 263, 0.2553, 0.3662
				15, 148, 0.0624, 0.1605
				""")
		void matchesNewcombe1998SingleProportion(long x, long n, double low, double high) {
			Interval i = Proportions.wilson(x, n, Z95);
			assertThat(i.estimate()).isEqualTo((double) x / n);
			assertThat(i.low()).isCloseTo(low, within(PRINTED));
			assertThat(i.high()).isCloseTo(high, within(PRINTED));
		}

		@Test
		void noSuccessesGiveALowerBoundOfExactlyZeroAndAllSuccessesAnUpperBoundOfOne() {
			Interval none = Proportions.wilson(0, 20, Z95);
			assertThat(none.low()).isZero();
			// z^2 / (n + z^2): the closed form of the upper bound at 0/n
			assertThat(none.high()).isCloseTo(Z95 * Z95 / (20 + Z95 * Z95), within(1e-12));
			Interval all = Proportions.wilson(20, 20, Z95);
			assertThat(all.high()).isEqualTo(1);
			assertThat(all.low()).isCloseTo(1 - none.high(), within(1e-12));
		}

		@Test
		void aRateOfNothingIsUndefinedWithAReason() {
			assertThat(Proportions.undefinedReason(0)).isEqualTo("no transcript has a value for it");
			assertThat(Proportions.undefinedReason(1)).isNull();
			assertThatIllegalArgumentException().isThrownBy(() -> Proportions.wilson(0, 0, Z95));
			assertThatIllegalArgumentException().isThrownBy(() -> Proportions.wilson(3, 2, Z95));
			assertThatIllegalArgumentException().isThrownBy(() -> Proportions.wilson(-1, 2, Z95));
		}

	}

	@Nested
	class Newcombe {

		/**
		 * Newcombe RG (1998). Interval estimation for the difference between independent
		 * proportions: comparison of eleven methods. Stat Med 17:873-890, method 10
		 * (hybrid score, no continuity correction), its examples 56/70 - 48/80 and 9/10 -
		 * 3/10 (as also pinned by the tests of the R package propint,
		 * tests/testthat/test_Two_Independent_Props_CI.R).
		 */
		@ParameterizedTest(name = "{0}/{1} - {2}/{3} -> {4} to {5}")
		@CsvSource(textBlock = """
				56, 70, 48, 80, 0.0524, 0.3339
				 9, 10,  3, 10, 0.1705, 0.8090
				""")
		void matchesNewcombe1998Method10(long x1, long n1, long x2, long n2, double low, double high) {
			Interval d = Proportions.newcombe(x1, n1, x2, n2, Z95);
			assertThat(d.estimate()).isCloseTo((double) x1 / n1 - (double) x2 / n2, within(1e-12));
			assertThat(d.low()).isCloseTo(low, within(PRINTED));
			assertThat(d.high()).isCloseTo(high, within(PRINTED));
		}

		/**
		 * The paper (Greenblatt et al. 2024), helpful-only after RL: 0% refusals in
		 * training, 6.9 ± 1.9% unmonitored; the release's deploy split holds 12 refusals
		 * in 172 files.
		 */
		@Test
		void thePapersHelpfulOnlyAfterRlGapIs698PointsWithinRoundingOfThePrinted69() {
			Interval gap = Proportions.newcombe(12, 172, 0, 172, Z95);
			assertThat(100 * gap.estimate()).isCloseTo(6.98, within(0.005)).isCloseTo(6.9, within(0.1));
			// the printed ± is a standard error: sqrt(p(1-p)/n) = 1.94 points
			assertThat(100 * Math.sqrt(12.0 / 172 * (160.0 / 172) / 172)).isCloseTo(1.9, within(0.05));
			assertThat(gap.low()).isPositive().isLessThan(gap.estimate());
			assertThat(gap.high()).isGreaterThan(gap.estimate()).isLessThan(0.13);
		}

		@Test
		void isSymmetricWhenTheGroupsSwapAndStaysWithinMinusOneToOne() {
			Interval ab = Proportions.newcombe(9, 10, 3, 10, Z95);
			Interval ba = Proportions.newcombe(3, 10, 9, 10, Z95);
			assertThat(ba.low()).isCloseTo(-ab.high(), within(1e-12));
			assertThat(ba.high()).isCloseTo(-ab.low(), within(1e-12));
			Interval extreme = Proportions.newcombe(5, 5, 0, 5, Z95);
			assertThat(extreme.high()).isLessThanOrEqualTo(1);
			assertThat(extreme.estimate()).isEqualTo(1);
		}

	}

	@Nested
	class MeanScore {

		@Test
		void whenBothMetricsAgreeOnEveryTranscriptItIsTheWilsonIntervalOfTheRate() {
			// 10 transcripts flagged by both metrics (score 1), 30 by neither: sum 10
			assertThat(Proportions.meanScore(10, 40, Z95)).isEqualTo(Proportions.wilson(10, 40, Z95));
		}

		@Test
		void halvesCountAndNoFlagsStillGiveAnUpperBound() {
			// 3 transcripts flagged by one metric only: (3 * 0.5) / 20
			Interval i = Proportions.meanScore(1.5, 20, Z95);
			assertThat(i.estimate()).isEqualTo(0.075);
			assertThat(i.low()).isPositive().isLessThan(0.075);
			Interval none = Proportions.meanScore(0, 20, Z95);
			assertThat(none.low()).isZero();
			assertThat(none.high()).isPositive();
		}

	}

}
