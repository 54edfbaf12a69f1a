package org.scratchpadlens.annotation.campaign;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A campaign as the API shows it to one reader. {@code filter} and {@code sample} (which
 * can name the split or a metric) are null for a reader blinded in it; {@code progress}
 * holds only what the reader may see.
 */
public record CampaignJson(long id, String name, String createdBy, Instant createdAt, int rubricVersion,
		int ratersPerItem, String order, long seed, Blind blind, int reservationMinutes, String filter, JsonNode sample,
		int matched, int items, List<String> raters, Progress progress) {

	public record Blind(boolean hideMetrics, boolean hideOtherLabels, boolean maskCondition,
			boolean revealAfterSubmit) {
	}

	/**
	 * @param labels submitted labels in the campaign
	 * @param needed items × k
	 * @param itemsDone items with their k labels
	 * @param raters per rater (an annotator sees only their own row)
	 * @param mine the reader's own progress, null when they are not a rater
	 * @param itemLabels per item the number of submitted labels, where the reader may see
	 * it (null in lists)
	 */
	public record Progress(long labels, long needed, long itemsDone, List<RaterProgress> raters, Mine mine,
			List<CampaignQueries.ItemCount> itemLabels) {
	}

	public record RaterProgress(String username, long labelled, long skipped, boolean reserving) {
	}

	/**
	 * @param open items the reader could still label (not finished, not labelled or
	 * skipped by them)
	 * @param reservedByOthers of those, how many others' live reservations hold now
	 * @param state {@code available}, {@code waiting} (everything left is reserved by
	 * others) or {@code done}
	 */
	public record Mine(long labelled, long skipped, long open, long reservedByOthers, String state) {
	}

}
