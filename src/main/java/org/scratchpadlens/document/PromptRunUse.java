package org.scratchpadlens.document;

/** How many current transcripts of a run carry a system prompt. */
public record PromptRunUse(long promptId, long runId, String run, String variation, boolean sample, long transcripts) {
}
