package org.scratchpadlens.annotation.campaign;

import java.time.Instant;

/**
 * What {@code next} gives a rater: an item reserved for them until {@code reservedUntil}.
 *
 * @param remaining items this rater could still be given after this one
 */
public record Assignment(long transcriptId, long campaignId, Instant reservedUntil, int position, long remaining) {
}
