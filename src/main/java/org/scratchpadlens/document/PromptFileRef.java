package org.scratchpadlens.document;

/**
 * A prompt file of the release ({@code prompt_<variation>.txt},
 * {@code prompt_<variation>_with_examples.txt}, {@code prompt_diff_<variation>.patch})
 * and the system prompt that holds its text.
 */
public record PromptFileRef(String variation, String kind, String fileName, long promptId) {
}
