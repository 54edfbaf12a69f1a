package org.scratchpadlens.transcript;

import java.util.List;

/**
 * The conversation of one transcript as stored: it never changes once imported (a changed
 * file is a new version with a new id), so it is cached by id.
 *
 * @param systemPrompt the text of the system prompt the transcript links to, or null
 * @param blocks the sections as a page shows them
 */
public record TranscriptBody(List<Message> messages, List<Metric> metrics, String systemPrompt,
		List<TranscriptBlocks.Block> blocks, boolean metricsHidden) {

	/**
	 * The same conversation with no metrics: a reader who rates it blind sees no
	 * automated answer (see {@link HiddenMetrics}).
	 */
	public TranscriptBody withoutMetrics() {
		return new TranscriptBody(messages, List.of(), systemPrompt, blocks, true);
	}

	/**
	 * @param content null for a system prompt stored once (see systemPromptId)
	 */
	public record Message(int ordinal, String role, String content, Long systemPromptId, List<Section> sections) {
	}

	/** {@code [start, end)} of the message's content. */
	public record Section(int ordinal, String kind, int depth, int start, int end, boolean closed) {
	}

	/** value_type boolean, number, text or missing; the typed value; the raw JSON. */
	public record Metric(String name, String type, Boolean bool, Double number, String text, String raw) {

		/** The typed value: true/false, a number, a string, or null when missing. */
		public Object value() {
			return switch (type) {
				case "boolean" -> bool;
				case "number" -> number;
				case "text" -> text;
				default -> null;
			};
		}

		/**
		 * The value as a reader sees it: true, false, a number, the text, or "missing".
		 */
		public String display() {
			Object v = value();
			if (v == null) {
				return "missing";
			}
			if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
				return Long.toString(d.longValue());
			}
			return v.toString();
		}

	}

	/** Metrics of one group, in the website's order. */
	public record MetricGroup(String name, List<Metric> metrics) {
	}

	/** The metrics by group ({@link MetricGroups}), groups without metrics left out. */
	public List<MetricGroup> metricGroups() {
		List<MetricGroup> groups = new java.util.ArrayList<>();
		for (String group : MetricGroups.ORDER) {
			List<Metric> in = metrics.stream().filter(m -> MetricGroups.groupOf(m.name()).equals(group)).toList();
			if (!in.isEmpty()) {
				groups.add(new MetricGroup(group, in));
			}
		}
		return groups;
	}

	/** Characters held, to bound the cache by memory rather than by count. */
	long weight() {
		long chars = systemPrompt == null ? 0 : systemPrompt.length();
		for (Message m : messages) {
			chars += m.content() == null ? 0 : m.content().length();
		}
		// the blocks hold copies of the text
		return 2 * chars + 64L * metrics.size() + 1_000;
	}

}
