package org.scratchpadlens.transcript;

/**
 * One run as {@code GET /api/runs} lists it: counts are of current transcript versions.
 */
public record RunSummary(long id, String run, String setting, String variation, String model, long train, long deploy) {
}
