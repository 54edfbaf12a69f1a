package org.scratchpadlens.agreement;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap's binomial sampler: its draws have the distribution's mean and variance
 * (both samplers: inversion for small n·p, BTRS for large), its edge cases are exact, and
 * one seed gives one sequence.
 */
class BinomialTest {

	@ParameterizedTest(name = "n = {0}, p = {1}")
	@CsvSource({ "10, 0.3", "40, 0.05", "1000, 0.5", "75000, 0.02", "75000, 0.9", "5, 0.999" })
	void drawsHaveTheMeanAndVarianceOfTheDistribution(int n, double p) {
		SplittableRandom random = new SplittableRandom(20240601L + n);
		int draws = 200_000;
		double sum = 0;
		double squares = 0;
		for (int i = 0; i < draws; i++) {
			int k = Binomial.draw(random, n, p);
			assertThat(k).isBetween(0, n);
			sum += k;
			squares += (double) k * k;
		}
		double mean = sum / draws;
		double variance = squares / draws - mean * mean;
		double expectedVariance = n * p * (1 - p);
		// the sample mean's standard error is sqrt(np(1-p) / draws); allow 5 of them
		assertThat(mean).isCloseTo(n * p,
				org.assertj.core.api.Assertions.within(5 * Math.sqrt(expectedVariance / draws) + 1e-9));
		// the sample variance of 200,000 draws is within a few percent of the true one
		assertThat(variance).isCloseTo(expectedVariance,
				org.assertj.core.api.Assertions.within(0.03 * expectedVariance + 1e-9));
	}

	@Test
	void edgeCasesAreExact() {
		SplittableRandom random = new SplittableRandom(1);
		assertThat(Binomial.draw(random, 0, 0.5)).isZero();
		assertThat(Binomial.draw(random, 100, 0.0)).isZero();
		assertThat(Binomial.draw(random, 100, 1.0)).isEqualTo(100);
	}

	@Test
	void oneSeedGivesOneSequence() {
		SplittableRandom a = new SplittableRandom(7);
		SplittableRandom b = new SplittableRandom(7);
		for (int i = 0; i < 1000; i++) {
			assertThat(Binomial.draw(a, 75000, 0.37)).isEqualTo(Binomial.draw(b, 75000, 0.37));
		}
	}

}
