package org.scratchpadlens.annotation.campaign;

import java.time.Instant;

/**
 * What {@code next} gives a rater: an item reserved for them until {@code reservedUntil}.
 *
 * @param remaining items this rater has neither labelled nor skipped, besides this one
 * (others may finish some of them first)
 */
public record Assignment(long transcriptId, long campaignId, Instant reservedUntil, int position, long remaining) {
}
