package org.scratchpadlens.annotation.campaign;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/campaigns}. {@code filter} is an object of the transcript list's
 * parameters (a value may be a list) or its query string; {@code blind} is true, false or
 * {@code {"hideMetrics", "hideOtherLabels", "maskCondition"}}.
 *
 * @param order {@code random} (default) or {@code run}
 * @param seed seeds the random order (default: the sample's seed, else 1)
 * @param revealAfterSubmit show what blind mode hid once the rater submitted (default
 * true)
 * @param reservationMinutes how long an item given out stays reserved (default 30)
 */
public record CampaignRequest(String name, JsonNode filter, Sample sample, Integer ratersPerItem, List<String> raters,
		JsonNode blind, String order, Long seed, Boolean revealAfterSubmit, Integer reservationMinutes) {

	/**
	 * @param stratifyBy any of {@code run}, {@code split} and a boolean metric's name
	 * @param keepPairs a train transcript and its deploy pair are taken (and queued)
	 * together
	 */
	public record Sample(Integer size, List<String> stratifyBy, Long seed, Boolean keepPairs) {
	}

}
