package org.scratchpadlens.transcript;

/**
 * One run as {@code GET /api/runs} lists it: counts are of current transcript versions;
 * {@code sample}: the placeholder data shipped with the app, kept apart from real runs (a
 * sample run and a real run may share a path).
 */
public record RunSummary(long id, String run, boolean sample, String setting, String variation, String model,
		long train, long deploy) {
}
