package org.scratchpadlens.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine says about one ratings table.
 *
 * @param items rows of the table, including rows without any rating
 * @param raters columns of the table
 * @param pairableItems items with at least 2 ratings: the only ones that carry agreement
 * information
 * @param completeItems items rated by every rater: what Cohen's and Fleiss' kappa use
 * @param droppedIncompleteItems items - completeItems: left out of Cohen's and Fleiss'
 * kappa
 * @param level level used for Krippendorff's alpha
 * @param categories the category set used, in order
 * @param categoriesDeclared true when the caller gave the categories, false when inferred
 * from the codes
 * @param bootstrapSamples resamples used for alpha's interval (0 = no interval)
 * @param seed seed of those resamples
 */
public record AgreementReport(int items, int raters, int pairableItems, int completeItems, int droppedIncompleteItems,
		MeasurementLevel level, List<String> categories, boolean categoriesDeclared, int bootstrapSamples, long seed,
		StatisticResult percentAgreement, StatisticResult cohenKappa, StatisticResult cohenKappaLinear,
		StatisticResult cohenKappaQuadratic, StatisticResult fleissKappa, StatisticResult krippendorffAlpha,
		StatisticResult gwetAc1) {

	public AgreementReport {
		categories = List.copyOf(categories);
	}

	/** Every statistic under its {@link Statistic} key, in output order. */
	public Map<Statistic, StatisticResult> statistics() {
		Map<Statistic, StatisticResult> map = new LinkedHashMap<>();
		map.put(Statistic.PERCENT_AGREEMENT, percentAgreement);
		map.put(Statistic.COHEN_KAPPA, cohenKappa);
		map.put(Statistic.COHEN_KAPPA_LINEAR, cohenKappaLinear);
		map.put(Statistic.COHEN_KAPPA_QUADRATIC, cohenKappaQuadratic);
		map.put(Statistic.FLEISS_KAPPA, fleissKappa);
		map.put(Statistic.KRIPPENDORFF_ALPHA, krippendorffAlpha);
		map.put(Statistic.GWET_AC1, gwetAc1);
		return map;
	}

	public StatisticResult get(Statistic statistic) {
		return statistics().get(statistic);
	}

}
