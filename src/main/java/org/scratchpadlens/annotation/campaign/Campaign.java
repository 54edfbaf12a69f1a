package org.scratchpadlens.annotation.campaign;

import java.time.Instant;

/**
 * A campaign as stored: its options are fixed at creation, as are its items.
 *
 * @param order {@code random} (by {@code seed}) or {@code run}
 * @param filter the transcript list's query string the items were selected by
 * @param sampleJson how the items were sampled (JSON), null when all matching were taken
 * @param matched transcripts the filter selected at creation
 */
public record Campaign(long id, String name, String createdBy, Instant createdAt, int rubricVersion, int ratersPerItem,
		String order, long seed, boolean hideMetrics, boolean hideOtherLabels, boolean maskCondition,
		boolean revealAfterSubmit, int reservationSeconds, String filter, String sampleJson, int matched, int items) {

	/**
	 * Whether a rater who has not submitted sees other raters' labels: never. After: if
	 * revealed.
	 */
	public boolean otherLabelsHidden(boolean submitted) {
		return hideOtherLabels && !(submitted && revealAfterSubmit);
	}

	public boolean metricsHidden(boolean submitted) {
		return hideMetrics && !(submitted && revealAfterSubmit);
	}

}
