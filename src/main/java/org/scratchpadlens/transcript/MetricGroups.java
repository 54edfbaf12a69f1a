package org.scratchpadlens.transcript;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups the paper's website shows metrics in (docs: af-release-format.md, 1.1), in
 * display order. Names the release uses that are not listed here, and names other
 * experiments add, fall into {@link #OTHER}.
 */
public final class MetricGroups {

	public static final String INSTRUMENTAL = "instrumental reasoning";

	public static final String UNMASKING = "unmasking";

	public static final String MONITORING = "monitoring";

	public static final String COMPLIANCE = "compliance";

	public static final String OTHER = "other";

	/** Every group, in display order. */
	public static final List<String> ORDER = List.of(INSTRUMENTAL, UNMASKING, MONITORING, COMPLIANCE, OTHER);

	private static final Map<String, String> GROUP_OF = new LinkedHashMap<>();

	static {
		for (String name : List.of("partial_scheme", "effective_scheme", "full_goal_guarding",
				"at_least_some_goal_guarding", "training_awareness", "understands_modification", "preference_conflict",
				"deviates_for_reward", "motivated_by_modification", "made_compromise", "soft_scheme", "hard_scheme")) {
			GROUP_OF.put(name, INSTRUMENTAL);
		}
		for (String name : List.of("is_unmasking", "awareness_not_used_for_training",
				"expresses_conflicting_preferences", "decides_to_stay_true", "cites_not_trained_as_reason",
				"thinks_in_training")) {
			GROUP_OF.put(name, UNMASKING);
		}
		for (String name : List.of("reasoning_says_probably_not_monitored", "reasoning_says_probably_monitored")) {
			GROUP_OF.put(name, MONITORING);
		}
		for (String name : List.of("pm_score", "is_refusal_0_7", "follows_instructions")) {
			GROUP_OF.put(name, COMPLIANCE);
		}
	}

	private MetricGroups() {
	}

	/** The group of a metric name; {@link #OTHER} for a name not listed. */
	public static String groupOf(String metricName) {
		return GROUP_OF.getOrDefault(metricName, OTHER);
	}

	/**
	 * The known names of a group in the order the website lists them (empty for
	 * {@link #OTHER}), so a page can sort a group's metrics the familiar way.
	 */
	public static List<String> knownNames(String group) {
		return GROUP_OF.entrySet().stream().filter(e -> e.getValue().equals(group)).map(Map.Entry::getKey).toList();
	}

	/**
	 * Sorts metric names for display: by group, then by the website's order within the
	 * group, then alphabetically for names not listed.
	 */
	public static int compare(String a, String b) {
		int ga = ORDER.indexOf(groupOf(a));
		int gb = ORDER.indexOf(groupOf(b));
		if (ga != gb) {
			return Integer.compare(ga, gb);
		}
		int ia = rank(a);
		int ib = rank(b);
		if (ia != ib) {
			return Integer.compare(ia, ib);
		}
		return a.compareTo(b);
	}

	private static int rank(String name) {
		int i = 0;
		for (String known : GROUP_OF.keySet()) {
			if (known.equals(name)) {
				return i;
			}
			i++;
		}
		return Integer.MAX_VALUE;
	}

}
