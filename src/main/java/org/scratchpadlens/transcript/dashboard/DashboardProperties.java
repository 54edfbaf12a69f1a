package org.scratchpadlens.transcript.dashboard;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code scratchpad.dashboard.refusal-metric.<setting>=<metric name>}: which boolean
 * metric means "refused" in a setting. Empty or absent: the setting's compliance is not
 * shown.
 */
@ConfigurationProperties("scratchpad.dashboard")
public record DashboardProperties(Map<String, String> refusalMetric) {

	public DashboardProperties {
		refusalMetric = refusalMetric == null ? Map.of() : Map.copyOf(refusalMetric);
	}

	/** The refusal metric of a setting, or null when none is configured. */
	public String refusalMetricOf(String setting) {
		String name = setting == null ? null : refusalMetric.get(setting);
		return name == null || name.isBlank() ? null : name.strip();
	}

}
