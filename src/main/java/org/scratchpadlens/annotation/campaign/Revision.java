package org.scratchpadlens.annotation.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One saved version of a label, kept for ever. {@code secondsSpent}: in that sitting. */
public record Revision(int revision, Map<String, String> answers, List<Span> spans, int secondsSpent, Instant savedAt) {
}
