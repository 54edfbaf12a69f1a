package org.scratchpadlens.annotation.campaign;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/** A campaign with its progress, as much as one reader may see (the blind rules). */
@Service
public class CampaignProgress {

	private final CampaignQueries campaigns;

	CampaignProgress(CampaignQueries campaigns) {
		this.campaigns = campaigns;
	}

	/**
	 * An annotator, and anyone who rates in a campaign with a blind option, sees only
	 * their own row of the per-rater progress, and neither the filter nor the sample
	 * (which can name the split or a metric); per item, only the counts of the items they
	 * labelled once the campaign reveals them.
	 */
	public CampaignJson describe(Campaign c, Reader reader, boolean withItems) {
		Instant now = Instant.now();
		boolean rater = campaigns.isRater(c.id(), reader.username());
		boolean blinded = !reader.browser() || (rater && (c.hideMetrics() || c.hideOtherLabels() || c.maskCondition()));
		List<CampaignQueries.RaterCounts> counts = campaigns.raterCounts(c.id(), now);
		List<CampaignJson.RaterProgress> raters = counts.stream()
			.filter(r -> !blinded || r.username().equals(reader.username()))
			.map(r -> new CampaignJson.RaterProgress(r.username(), r.labelled(), r.skipped(), r.reserving()))
			.toList();
		CampaignJson.Mine mine = null;
		if (rater) {
			CampaignQueries.RaterCounts own = counts.stream()
				.filter(r -> r.username().equals(reader.username()))
				.findFirst()
				.orElseThrow();
			long[] open = campaigns.openFor(c.id(), reader.username(), c.ratersPerItem(), now);
			String state = open[0] == 0 ? "done" : (open[0] == open[1] && !own.reserving()) ? "waiting" : "available";
			mine = new CampaignJson.Mine(own.labelled(), own.skipped(), open[0], open[1], state);
		}
		List<CampaignQueries.ItemCount> items = null;
		if (withItems) {
			if (reader.browser() && !(rater && c.hideOtherLabels())) {
				items = campaigns.itemCounts(c.id());
			}
			else if (rater && !c.otherLabelsHidden(true)) {
				items = campaigns.itemCountsLabelledBy(c.id(), reader.username());
			}
			else {
				items = List.of();
			}
		}
		long[] totals = campaigns.totals(c.id());
		CampaignJson.Progress progress = new CampaignJson.Progress(totals[0], (long) c.items() * c.ratersPerItem(),
				totals[1], raters, mine, items);
		JsonNode sample = c.sampleJson() == null || blinded ? null : JsonMapper.shared().readTree(c.sampleJson());
		List<String> raterNames = blinded ? List.of(reader.username()) : campaigns.raters(c.id());
		return new CampaignJson(c.id(), c.name(), c.createdBy(), c.createdAt(), c.rubricVersion(), c.ratersPerItem(),
				c.order(), c.seed(),
				new CampaignJson.Blind(c.hideMetrics(), c.hideOtherLabels(), c.maskCondition(), c.revealAfterSubmit()),
				c.reservationSeconds() / 60, blinded ? null : c.filter(), sample, c.matched(), c.items(), raterNames,
				progress);
	}

	/** The campaigns a reader sees: every one for a browser, else those they rate in. */
	public List<Campaign> visible(Reader reader) {
		return reader.browser() ? campaigns.all() : campaigns.ratedBy(reader.username());
	}

	/** The campaigns a user rates in. */
	public List<Campaign> ratedBy(String username) {
		return campaigns.ratedBy(username);
	}

	public List<String> accounts() {
		return campaigns.accounts();
	}

}
