package org.scratchpadlens.agreement.web;

import java.util.List;

/**
 * A campaign's agreement, or the agreement of every label on the transcripts a list
 * filter selects, as the pages show it and {@code GET /api/campaigns/{id}/agreement} and
 * {@code GET /api/agreement?<filter>} return it. Field names are documented in the README
 * ("Agreement in the app").
 *
 * @param campaignId the campaign, or null for a filter's agreement
 * @param campaign the campaign's name, or a description of the filter
 * @param filter the list's parameters as a query string (null for a campaign)
 * @param rubricVersion the campaign's rubric version; for a filter, the current version
 * (labels made on other versions count for the questions they share with it)
 * @param items the campaign's items, or the transcripts the filter selects
 * @param olderLabels labels left out because their rater labelled the same transcript
 * again in another campaign (the newest label counts; filter only)
 * @param leftOutBlind transcripts of the filter left out because the reader rates them
 * blind (filter only)
 * @param updating labels changed since these figures, which were the last finished when
 * the reader asked (newer ones took longer than the page waits): ask again shortly
 * @param unclear {@code missing} (an "unclear" answer counts as no answer, the default)
 * or {@code category} (it is one more category)
 * @param raters everyone who submitted a label in the campaign, by name
 * @param labelledItems items with at least one submitted label
 * @param questions per rubric question with answers (not the note), in rubric order
 * @param classifier the automated metrics against the human answers (gold, else majority)
 * @param spans evidence-span agreement per criterion
 */
public record AgreementJson(Long campaignId, String campaign, String filter, int rubricVersion, String unclear,
		List<String> raters, int items, int labelledItems, int labels, int olderLabels, int leftOutBlind,
		int unreliableBelow, boolean updating, List<QuestionAgreement> questions, List<ClassifierAgreement> classifier,
		List<SpanAgreement> spans) {

	/** The same figures, said to be the last finished ones while newer are computed. */
	AgreementJson asUpdating() {
		return new AgreementJson(campaignId, campaign, filter, rubricVersion, unclear, raters, items, labelledItems,
				labels, olderLabels, leftOutBlind, unreliableBelow, true, questions, classifier, spans);
	}

	/**
	 * @param level the level of measurement used for Krippendorff's alpha: ordinal for
	 * the 1-n scales, nominal otherwise
	 * @param categories the answer categories in the rubric's order (without
	 * {@code unclear} when it counts as missing)
	 * @param slices all items, then train and deploy, then each run (and its conditions)
	 */
	public record QuestionAgreement(String question, String title, String scope, String level, List<String> categories,
			List<Slice> slices) {
	}

	/**
	 * One subset of the items: {@code condition} is all, train or deploy; {@code run} is
	 * a run's path or null for every run. Pairwise matrices, distributions and confusion
	 * matrices are given for the slices over every run only (null in per-run slices).
	 *
	 * @param items items in the slice with at least one label
	 * @param answered items with at least one answer to the question
	 * @param pairableItems items with 2 or more answers
	 * @param completeItems items answered by every rater of the slice
	 */
	public record Slice(String condition, String run, int items, int answered, int raters, int pairableItems,
			int completeItems, List<Stat> statistics, List<PairKappa> pairwiseKappa,
			List<RaterDistribution> distributions, List<Confusion> confusions) {
	}

	/**
	 * One statistic: {@code value} null when undefined, with {@code undefined} the
	 * reason. {@code ciLow}/{@code ciHigh} null when there is no interval
	 * ({@code ciMethod} says why). {@code unreliable} with its reason when the statistic
	 * rests on fewer than {@code unreliableBelow} items or its interval has zero width.
	 *
	 * @param items the items the statistic uses (complete items for Cohen and Fleiss,
	 * pairable items for the rest)
	 */
	public record Stat(String statistic, Double value, Double se, Double ciLow, Double ciHigh, String ciMethod,
			String undefined, int items, boolean unreliable, String unreliableReason) {
	}

	/** Cohen's kappa of two raters over the items both answered. */
	public record PairKappa(String raterA, String raterB, int items, Stat kappa) {
	}

	/** How often a rater gave each category (in {@code categories} order). */
	public record RaterDistribution(String rater, List<Long> counts, long missing) {
	}

	/** Rows: rater A's answer, columns: rater B's, over items both answered. */
	public record Confusion(String raterA, String raterB, List<List<Long>> counts) {
	}

	/**
	 * One automated metric against one rubric question.
	 *
	 * @param positiveAnswers the answers that correspond to the metric being true
	 * @param slices all, train, deploy, then each run
	 */
	public record ClassifierAgreement(String question, String metric, List<String> positiveAnswers, String note,
			List<ClassifierSlice> slices) {
	}

	/**
	 * @param compared items with both a metric value and a human reference
	 * @param gold of those, items whose reference is the gold answer
	 * @param ties items left out because the human answers were tied (no gold answer)
	 * @param noHumanAnswer items left out because no rater answered (or only unclear)
	 * @param metricMissing items left out because the metric is missing or not boolean
	 * @param confusion [[both true, metric true human false], [metric false human true,
	 * both false]]: rows the metric, columns the human reference
	 * @param precision of the metric being true, against the human reference
	 * @param recall of the human reference being true, found by the metric
	 * @param disagreeingCount transcripts where the metric and the reference differ
	 * @param disagreeing the first {@code AgreementService.DISAGREEING_LISTED} of their
	 * ids (all of them: the adjudication queue, kind {@code classifier})
	 */
	public record ClassifierSlice(String condition, String run, int compared, int gold, int ties, int noHumanAnswer,
			int metricMissing, List<List<Long>> confusion, Stat kappa, Stat ac1, Stat percentAgreement,
			Proportion precision, Proportion recall, long disagreeingCount, List<Long> disagreeing) {
	}

	/**
	 * A proportion with its Wilson 95% interval; {@code value} null (and
	 * {@code undefined} the reason) when the denominator is 0.
	 */
	public record Proportion(Double value, long numerator, long denominator, Double ciLow, Double ciHigh,
			String ciMethod, String undefined) {
	}

	/**
	 * Krippendorff's unitizing alpha of the evidence spans of one criterion, over the
	 * items every rater of the campaign... see {@code method}.
	 */
	public record SpanAgreement(String question, int items, int raters, int spans, long continuum, Double alpha,
			String undefined, String method) {
	}

}
