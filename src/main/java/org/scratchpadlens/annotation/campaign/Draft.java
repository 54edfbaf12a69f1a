package org.scratchpadlens.annotation.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A rater's unsubmitted answers on an item, autosaved by the labelling page. */
public record Draft(Map<String, String> answers, List<Span> spans, int secondsSpent, Instant savedAt) {
}
