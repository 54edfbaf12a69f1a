package org.scratchpadlens.agreement;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link UnitizingAlpha}: Krippendorff's published example, and DKPro's own result on
 * random studies (the fast expected disagreement must change nothing but the time).
 */
class UnitizingAlphaTest {

	/**
	 * Krippendorff (2004), Content Analysis, 2nd ed., p. 254: two observers over [150,
	 * 450); category c: D_o = 0.0144, D_e = 0.0532, alpha = 0.7286; category k: alpha =
	 * 1.
	 */
	@Test
	void krippendorff2004Example() {
		UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(2, 150, 300);
		study.addUnit(225, 70, 0, "c");
		study.addUnit(370, 30, 0, "c");
		study.addUnit(220, 80, 1, "c");
		study.addUnit(355, 20, 1, "c");
		study.addUnit(400, 20, 1, "c");
		study.addUnit(180, 60, 0, "k");
		study.addUnit(300, 50, 0, "k");
		study.addUnit(180, 60, 1, "k");
		study.addUnit(300, 50, 1, "k");
		UnitizingAlpha alpha = new UnitizingAlpha(study);
		assertThat(alpha.calculateExpectedCategoryDisagreement("c")).isCloseTo(0.0532, within(0.0001));
		assertThat(alpha.calculateCategoryAgreement("c")).isCloseTo(0.7286, within(0.0001));
		assertThat(alpha.calculateExpectedCategoryDisagreement("k")).isCloseTo(0.0490, within(0.0001));
		assertThat(alpha.calculateCategoryAgreement("k")).isCloseTo(1.0, within(0.0001));
	}

	static LongStream seeds() {
		return LongStream.range(1, 41);
	}

	/**
	 * Random studies: 2 to 6 raters, 1 or 2 categories, units of 1 to 60 positions that
	 * may touch each other or either end of the continuum, possibly none for a rater.
	 */
	@ParameterizedTest
	@MethodSource("seeds")
	void sameAsDkproOnRandomStudies(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int raters = 2 + random.nextInt(5);
		long begin = random.nextInt(3) == 0 ? 0 : random.nextInt(1000);
		long length = 50 + random.nextInt(3000);
		UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters, begin, length);
		String[] categories = random.nextBoolean() ? new String[] { "evidence" } : new String[] { "a", "b" };
		for (int r = 0; r < raters; r++) {
			for (String category : categories) {
				long at = begin + (random.nextInt(4) == 0 ? 0 : random.nextInt(40));
				while (at < begin + length && random.nextInt(12) != 0) {
					long l = Math.min(1 + random.nextInt(60), begin + length - at);
					study.addUnit(at, l, r, category);
					at += l + (random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(80));
				}
			}
		}
		KrippendorffAlphaUnitizingAgreement dkpro = new KrippendorffAlphaUnitizingAgreement(study);
		UnitizingAlpha fast = new UnitizingAlpha(study);
		for (String category : categories) {
			double expected = dkproExpected(study, category);
			assertThat(fast.calculateExpectedCategoryDisagreement(category)).as("D_e of %s", category)
				.isCloseTo(expected, within(Math.abs(expected) * 1e-12 + 1e-15));
		}
		double dkproAlpha = dkpro.calculateAgreement();
		double fastAlpha = fast.calculateAgreement();
		if (Double.isNaN(dkproAlpha)) {
			assertThat(fastAlpha).isNaN();
		}
		else {
			assertThat(fastAlpha).isCloseTo(dkproAlpha, within(1e-12));
		}
	}

	/** DKPro's expected disagreement, through its protected method. */
	private static double dkproExpected(UnitizingAnnotationStudy study, String category) {
		return new KrippendorffAlphaUnitizingAgreement(study) {
			double expected() {
				return calculateExpectedCategoryDisagreement(category);
			}
		}.expected();
	}

}
