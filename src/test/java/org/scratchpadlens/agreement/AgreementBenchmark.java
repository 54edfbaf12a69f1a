package org.scratchpadlens.agreement;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The targets: alpha with a 1,000-resample bootstrap on 75,000 items × 5 raters
 * (10% missing) in ≤ 5 s, Cohen / Fleiss / AC1 in ≤ 1 s, against DKPro computing the same
 * alpha once as a baseline in the same run. Excluded from surefire; how to run it is in
 * docs/benchmarks.md. Each measured call starts from the RatingTable, so counting the
 * categories is included in every figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g" })
public class AgreementBenchmark {

	static final int ITEMS = 75_000;

	static final int RATERS = 5;

	static final CategorySet CATEGORIES = CategorySet.of("none", "partial", "full");

	RatingTable fiveRaters;

	RatingTable twoRaters;

	@Setup
	public void createTables() {
		fiveRaters = table(RATERS, 20240601L);
		twoRaters = table(2, 20240602L);
	}

	/**
	 * Rare positives (as alignment faking is): truth none 80%, partial 15%, full 5%;
	 * raters 85% right; 10% missing.
	 */
	static RatingTable table(int raters, long seed) {
		Random random = new Random(seed);
		String[] ids = new String[raters];
		for (int r = 0; r < raters; r++) {
			ids[r] = "rater" + r;
		}
		RatingTable.Builder builder = RatingTable.builder(ids);
		for (int i = 0; i < ITEMS; i++) {
			double u = random.nextDouble();
			int truth = u < 0.80 ? 0 : u < 0.95 ? 1 : 2;
			String[] row = new String[raters];
			for (int r = 0; r < raters; r++) {
				if (raters > 2 && random.nextDouble() < 0.10) {
					continue;
				}
				int answer = random.nextDouble() < 0.85 ? truth : random.nextInt(3);
				row[r] = CATEGORIES.labels().get(answer);
			}
			builder.add("t" + i, row);
		}
		return builder.build();
	}

	@Benchmark
	public AgreementReport fullReportNominalAlphaBootstrap1000() {
		return AgreementCalculator.compute(fiveRaters, MeasurementLevel.NOMINAL, CATEGORIES, 1000, 1);
	}

	@Benchmark
	public AgreementReport fullReportOrdinalAlphaBootstrap1000() {
		return AgreementCalculator.compute(fiveRaters, MeasurementLevel.ORDINAL, CATEGORIES, 1000, 1);
	}

	@Benchmark
	public StatisticResult fleissKappa() {
		ItemCounts counts = ItemCounts.of(fiveRaters, CATEGORIES);
		return GwetFramework.compute(counts.withExactly(RATERS), GwetFramework.Coefficient.FLEISS_KAPPA);
	}

	@Benchmark
	public StatisticResult gwetAc1() {
		ItemCounts counts = ItemCounts.of(fiveRaters, CATEGORIES);
		return GwetFramework.compute(counts.withAtLeast(1), GwetFramework.Coefficient.GWET_AC1);
	}

	@Benchmark
	public AgreementReport twoRaterReportWithCohenKappasNoBootstrap() {
		return AgreementCalculator.compute(twoRaters, MeasurementLevel.NOMINAL, CATEGORIES, 0, 1);
	}

	/**
	 * Baseline: DKPro building its study and computing nominal alpha once (no interval).
	 */
	@Benchmark
	public double dkproNominalAlphaOnce() {
		return new KrippendorffAlphaAgreement(dkproStudy(fiveRaters), new NominalDistanceFunction())
			.calculateAgreement();
	}

	/** Baseline: DKPro's Fleiss kappa on the complete items, once. */
	@Benchmark
	public double dkproFleissKappaOnce() {
		CodingAnnotationStudy study = new CodingAnnotationStudy(RATERS);
		for (int i = 0; i < fiveRaters.itemCount(); i++) {
			Object[] row = new Object[RATERS];
			boolean complete = true;
			for (int r = 0; r < RATERS; r++) {
				row[r] = fiveRaters.code(i, r);
				complete &= row[r] != null;
			}
			if (complete) {
				study.addItemAsArray(row);
			}
		}
		return new FleissKappaAgreement(study).calculateAgreement();
	}

	static CodingAnnotationStudy dkproStudy(RatingTable table) {
		CodingAnnotationStudy study = new CodingAnnotationStudy(table.raterCount());
		for (int i = 0; i < table.itemCount(); i++) {
			Object[] row = new Object[table.raterCount()];
			for (int r = 0; r < row.length; r++) {
				row[r] = table.code(i, r);
			}
			study.addItemAsArray(row);
		}
		return study;
	}

}
