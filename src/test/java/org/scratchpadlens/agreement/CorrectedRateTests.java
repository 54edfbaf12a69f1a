package org.scratchpadlens.agreement;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.agreement.CorrectedRate.Accuracy;
import org.scratchpadlens.agreement.CorrectedRate.Apparent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Rogan–Gladen correction and its delta-method interval, against values worked out by
 * hand (the arithmetic is in each test).
 */
class CorrectedRateTests {

	/**
	 * The sample: 50 items the raters call positive, 40 of them caught (Se = 0.8); 150
	 * negatives, 135 right (Sp = 0.9).
	 */
	private static final Accuracy ACCURACY = new Accuracy(40, 50, 135, 150);

	@Test
	void correctsTheRunsRateAndCarriesTheUncertaintyOfAllThree() {
		// p = 200 / 1000 = 0.2; J = 0.8 + 0.9 - 1 = 0.7; π = (0.2 + 0.9 - 1) / 0.7 = 0.1
		// / 0.7 = 0.142857
		// Var(p) = 0.2 × 0.8 / 1000 = 0.00016; Var(Se) = 0.8 × 0.2 / 50 = 0.0032; Var(Sp)
		// = 0.9 × 0.1 / 150 = 0.0006
		// Var(π) = (0.00016 + 0.142857² × 0.0032 + 0.857143² × 0.0006) / 0.49
		// = (0.00016 + 0.0000653 + 0.0004408) / 0.49 = 0.00066612 / 0.49 = 0.0013594; SE
		// = 0.036870
		// 95%: 0.142857 ± 1.959964 × 0.036870 = 0.142857 ± 0.072265 = [0.070592,
		// 0.215122]
		Estimate e = (Estimate) CorrectedRate.rate(new Apparent(200, 1000), ACCURACY);
		assertThat(e.value()).isCloseTo(0.142857, within(1e-6));
		assertThat(e.standardError()).isCloseTo(0.036870, within(1e-6));
		assertThat(e.ciLow()).isCloseTo(0.070592, within(1e-6));
		assertThat(e.ciHigh()).isCloseTo(0.215122, within(1e-6));
		assertThat(e.ciMethod()).isEqualTo("Rogan-Gladen, delta-method 95% interval");
	}

	@Test
	void aPerfectClassifierNeedsNoCorrectionAndItsIntervalIsTheRunsAlone() {
		// Se = Sp = 1: π = p = 0.3; Var = 0.3 × 0.7 / 400 = 0.000525; SE = 0.022913; ±
		// 0.044909
		Estimate e = (Estimate) CorrectedRate.rate(new Apparent(120, 400), new Accuracy(10, 10, 30, 30));
		assertThat(e.value()).isCloseTo(0.3, within(1e-12));
		assertThat(e.standardError()).isCloseTo(0.022913, within(1e-6));
		assertThat(e.ciLow()).isCloseTo(0.255091, within(1e-6));
	}

	@Test
	void anEstimateBelowZeroIsClippedAndSaysSo() {
		// p = 0.05: π = (0.05 + 0.9 - 1) / 0.7 = -0.071429, reported as 0; the interval's
		// upper bound
		// -0.071429 + 1.959964 × 0.039191 = 0.005384
		Estimate e = (Estimate) CorrectedRate.rate(new Apparent(50, 1000), ACCURACY);
		assertThat(e.value()).isZero();
		assertThat(e.ciLow()).isZero();
		assertThat(e.ciHigh()).isCloseTo(0.005384, within(1e-6));
		assertThat(e.ciMethod()).contains("-0.0714 was clipped to [0, 1]");
	}

	@Test
	void theCorrectedGapIsTheApparentGapOverJ() {
		// unmonitored 150 / 500 = 0.3, training 50 / 500 = 0.1: d = 0.2 / 0.7 = 0.285714
		// Var = (0.3 × 0.7 / 500 + 0.1 × 0.9 / 500 + 0.285714² × (0.0032 + 0.0006)) /
		// 0.49
		// = (0.00042 + 0.00018 + 0.0003102) / 0.49 = 0.0009102 / 0.49 = 0.0018576; SE =
		// 0.043099
		// 95%: 0.285714 ± 0.084473 = [0.201241, 0.370188]
		Estimate e = (Estimate) CorrectedRate.difference(new Apparent(150, 500), new Apparent(50, 500), ACCURACY);
		assertThat(e.value()).isCloseTo(0.285714, within(1e-6));
		assertThat(e.standardError()).isCloseTo(0.043099, within(1e-6));
		assertThat(e.ciLow()).isCloseTo(0.201241, within(1e-6));
		assertThat(e.ciHigh()).isCloseTo(0.370188, within(1e-6));
	}

	@Test
	void undefinedWhenTheClassifierIsNoBetterThanChance() {
		// Se = 0.5, Sp = 0.5: J = 0
		StatisticResult r = CorrectedRate.rate(new Apparent(10, 100), new Accuracy(5, 10, 5, 10));
		assertThat(r).isInstanceOfSatisfying(Undefined.class,
				u -> assertThat(u.reason()).startsWith("sensitivity + specificity ≤ 1 (0.500 + 0.500)"));
		// Se = 0.2, Sp = 0.6: J < 0, the correction would flip the sign
		assertThat(CorrectedRate.difference(new Apparent(1, 2), new Apparent(1, 2), new Accuracy(2, 10, 6, 10)))
			.isInstanceOf(Undefined.class);
	}

	@Test
	void undefinedWithoutReferencePositivesOrNegativesOrARun() {
		assertThat(CorrectedRate.rate(new Apparent(10, 100), new Accuracy(0, 0, 5, 10)))
			.isInstanceOfSatisfying(Undefined.class, u -> assertThat(u.reason()).contains("sensitivity is unknown"));
		assertThat(CorrectedRate.rate(new Apparent(10, 100), new Accuracy(5, 5, 0, 0)))
			.isInstanceOfSatisfying(Undefined.class, u -> assertThat(u.reason()).contains("specificity is unknown"));
		assertThat(CorrectedRate.rate(new Apparent(0, 0), ACCURACY)).isInstanceOf(Undefined.class);
	}

}
