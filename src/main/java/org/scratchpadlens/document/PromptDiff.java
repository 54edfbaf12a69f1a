package org.scratchpadlens.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A line diff of two system prompts: the unified diff text ({@code diff -u}, empty when
 * they are the same) and its hunks, with {@code context} unchanged lines around each
 * change.
 */
public record PromptDiff(Side a, Side b, boolean identical, int context, String unified, List<UnifiedDiff.Hunk> hunks) {

	/** One of the two prompts, and the name its lines carry in the diff. */
	public record Side(long id, String name, int chars) {
	}

	/** {@code prompt-3-vs-7.patch}. */
	@JsonIgnore
	public String downloadName() {
		return "prompt-" + a.id() + "-vs-" + b.id() + ".patch";
	}

}
