package org.scratchpadlens.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One system prompt whole, with where it is used. {@code patch} is true for the text of a
 * {@code prompt_diff_*.patch} file, which the page shows as a patch.
 */
public record PromptDetail(long id, String sha256, int chars, int lines, boolean patch, String content,
		List<PromptFileRef> files, List<PromptRunUse> runs) {

	/** The text's lines, for showing with line numbers. */
	@JsonIgnore
	public List<String> textLines() {
		return UnifiedDiff.lines(content);
	}

	/** The patch's lines with their kinds. */
	@JsonIgnore
	public List<UnifiedDiff.Line> patchLines() {
		return UnifiedDiff.patchLines(content);
	}

	/** The name a diff gives this text: its first file's, else its number. */
	@JsonIgnore
	public String fileName() {
		return files.isEmpty() ? "system-prompt-" + id + ".txt" : files.get(0).fileName();
	}

}
