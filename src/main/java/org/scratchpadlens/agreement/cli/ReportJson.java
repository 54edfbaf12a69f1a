package org.scratchpadlens.agreement.cli;

import java.util.Map;

import org.scratchpadlens.agreement.AgreementReport;
import org.scratchpadlens.agreement.Estimate;
import org.scratchpadlens.agreement.Statistic;
import org.scratchpadlens.agreement.StatisticResult;
import org.scratchpadlens.agreement.Undefined;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report as one JSON object. Every statistic key is always present: a number, or null
 * with the reason under {@code undefined}. Doubles are written in full (shortest
 * round-trip form), never rounded.
 */
final class ReportJson {

	static final String PERCENT_AGREEMENT_DEFINITION = "mean over pairable items (2+ ratings) of the share of "
			+ "ordered pairs of that item's ratings that agree";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ReportJson() {
	}

	static String write(AgreementReport report) {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report));
	}

	static ObjectNode toJson(AgreementReport report) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("items", report.items());
		root.put("raters", report.raters());
		root.put("pairable_items", report.pairableItems());
		root.put("complete_items", report.completeItems());
		root.put("dropped_incomplete_items", report.droppedIncompleteItems());
		root.put("level", report.level().label());
		ArrayNode categories = root.putArray("categories");
		report.categories().forEach(categories::add);
		root.put("categories_declared", report.categoriesDeclared());
		root.put("percent_agreement_definition", PERCENT_AGREEMENT_DEFINITION);
		Map<Statistic, StatisticResult> statistics = report.statistics();
		for (Map.Entry<Statistic, StatisticResult> entry : statistics.entrySet()) {
			if (entry.getValue() instanceof Estimate estimate) {
				root.put(entry.getKey().key(), estimate.value());
			}
			else {
				root.putNull(entry.getKey().key());
			}
		}
		ObjectNode ci = root.putObject("ci");
		ObjectNode se = root.putObject("se");
		ObjectNode ciMethod = root.putObject("ci_method");
		ObjectNode undefined = root.putObject("undefined");
		for (Map.Entry<Statistic, StatisticResult> entry : statistics.entrySet()) {
			String key = entry.getKey().key();
			if (entry.getValue() instanceof Estimate estimate) {
				if (estimate.hasInterval()) {
					ci.putArray(key).add(estimate.ciLow()).add(estimate.ciHigh());
				}
				else {
					ci.putNull(key);
				}
				if (estimate.standardError() != null) {
					se.put(key, estimate.standardError());
				}
				else {
					se.putNull(key);
				}
				ciMethod.put(key, estimate.ciMethod());
			}
			else if (entry.getValue() instanceof Undefined reason) {
				undefined.put(key, reason.reason());
			}
		}
		ObjectNode bootstrap = root.putObject("bootstrap");
		bootstrap.put("samples", report.bootstrapSamples());
		bootstrap.put("seed", report.seed());
		return root;
	}

}
