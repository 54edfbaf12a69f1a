package org.scratchpadlens.ingest.parse;

import java.util.Map;
import java.util.Set;

/**
 * The tags the release's prompts define. Anything else inside a message is kept as text.
 */
public enum SectionKind {

	INPUT("INPUT"), IS_FREE_TIER_USER("is_free_tier_user"), USER_INPUT("user_input"),
	SCRATCHPAD_REASONING("SCRATCHPAD_REASONING"), DRAFT_OUTPUT("DRAFT_OUTPUT"), OUTPUT("OUTPUT"), NEXT("NEXT"),
	/** Top-level text outside any known tag. */
	TEXT(null);

	private final String tag;

	SectionKind(String tag) {
		this.tag = tag;
	}

	public String tag() {
		return tag;
	}

	/**
	 * The name stored in the database and shown to people: the tag as written in
	 * transcripts.
	 */
	public String label() {
		return tag == null ? "TEXT" : tag;
	}

	static final Map<String, SectionKind> BY_TAG = Map.of("INPUT", INPUT, "is_free_tier_user", IS_FREE_TIER_USER,
			"user_input", USER_INPUT, "SCRATCHPAD_REASONING", SCRATCHPAD_REASONING, "DRAFT_OUTPUT", DRAFT_OUTPUT,
			"OUTPUT", OUTPUT, "NEXT", NEXT);

	/**
	 * Which tags may open inside an open section of this kind; the others are text there.
	 */
	Set<SectionKind> children() {
		return switch (this) {
			case INPUT -> Set.of(IS_FREE_TIER_USER, USER_INPUT);
			case SCRATCHPAD_REASONING -> Set.of(DRAFT_OUTPUT);
			default -> Set.of();
		};
	}

}
