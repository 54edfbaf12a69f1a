package org.scratchpadlens.ingest.parse;

import java.util.List;
import java.util.Map;

/**
 * A transcript file as read. {@code hints} carries identity fields a file may hold itself
 * (run, split, query_index, model: JSONL lines do); {@code extraJson} keeps every
 * top-level field that is neither the messages nor a scalar metric, as a JSON object, or
 * null if there were none.
 */
public record ParsedTranscript(List<ParsedMessage> messages, List<MetricValue> metrics, Map<String, String> hints,
		String extraJson) {

	/**
	 * The raw value of the first {@code <is_free_tier_user>} tag, e.g. "True", or null.
	 */
	public String freeTierTag() {
		return firstSectionBody(SectionKind.IS_FREE_TIER_USER);
	}

	/** The first {@code <user_input>} body, trimmed, or null. */
	public String userInput() {
		return firstSectionBody(SectionKind.USER_INPUT);
	}

	public int scratchpadBlocks() {
		return (int) sections(SectionKind.SCRATCHPAD_REASONING);
	}

	public boolean hasOutput() {
		return sections(SectionKind.OUTPUT) > 0;
	}

	/** Cut off: the last assistant turn never produced a closed OUTPUT. */
	public boolean cutOff() {
		for (int k = messages.size() - 1; k >= 0; k--) {
			ParsedMessage m = messages.get(k);
			if ("assistant".equals(m.role())) {
				return m.sections().stream().noneMatch(s -> s.kind() == SectionKind.OUTPUT && s.closed());
			}
		}
		return true;
	}

	private long sections(SectionKind kind) {
		return messages.stream().flatMap(m -> m.sections().stream()).filter(s -> s.kind() == kind).count();
	}

	private String firstSectionBody(SectionKind kind) {
		for (ParsedMessage m : messages) {
			if (!"user".equals(m.role())) {
				continue;
			}
			for (Section s : m.sections()) {
				if (s.kind() == kind) {
					return m.content().substring(s.start(), s.end()).strip();
				}
			}
		}
		return null;
	}

}
