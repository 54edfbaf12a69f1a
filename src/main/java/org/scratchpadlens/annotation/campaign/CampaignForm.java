package org.scratchpadlens.annotation.campaign;

import java.util.List;

/**
 * The fields of the new-campaign form (as sent; checked by {@link CampaignService}).
 *
 * @param filter the transcript list's query string
 * @param stratifyMetric a boolean metric to stratify by, or blank
 */
public record CampaignForm(String name, String filter, Integer sampleSize, Boolean stratifyRun, Boolean stratifySplit,
		String stratifyMetric, Long seed, Boolean keepPairs, Integer ratersPerItem, List<String> raters, String order,
		Boolean hideMetrics, Boolean hideOtherLabels, Boolean maskCondition, Boolean revealAfterSubmit,
		Integer reservationMinutes) {

	/**
	 * The form as first shown: k = 3, random order, every blind option on, 30 minutes.
	 */
	static CampaignForm blank(String filter) {
		return new CampaignForm("", filter == null ? "" : filter, null, false, false, "", 1L, false, 3, List.of(),
				"random", true, true, false, true, 30);
	}

	CampaignRequest request() {
		List<String> stratify = new java.util.ArrayList<>();
		if (Boolean.TRUE.equals(stratifyRun)) {
			stratify.add("run");
		}
		if (Boolean.TRUE.equals(stratifySplit)) {
			stratify.add("split");
		}
		if (stratifyMetric != null && !stratifyMetric.isBlank()) {
			stratify.add(stratifyMetric.strip());
		}
		CampaignRequest.Sample sample = new CampaignRequest.Sample(sampleSize, stratify, seed == null ? 1 : seed,
				Boolean.TRUE.equals(keepPairs));
		tools.jackson.databind.node.JsonNodeFactory nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
		tools.jackson.databind.node.ObjectNode blind = nodes.objectNode();
		blind.put("hideMetrics", Boolean.TRUE.equals(hideMetrics));
		blind.put("hideOtherLabels", Boolean.TRUE.equals(hideOtherLabels));
		blind.put("maskCondition", Boolean.TRUE.equals(maskCondition));
		return new CampaignRequest(name, nodes.stringNode(filter == null ? "" : filter), sample, ratersPerItem,
				raters == null ? List.of() : raters, blind, order, seed, Boolean.TRUE.equals(revealAfterSubmit),
				reservationMinutes);
	}

}
