package org.scratchpadlens.annotation.campaign;

import java.util.List;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The blind rules, in one place, for every endpoint and page: who may open a campaign,
 * act in it, and see which labels. A rater in a campaign that hides other labels sees
 * only their own labels on its items until they have submitted theirs (and after, only if
 * the campaign reveals them), whatever their role; an annotator sees nothing outside the
 * campaigns they rate in.
 */
@Service
public class CampaignAccess {

	private final CampaignQueries campaigns;

	private final LabelQueries labels;

	private final JdbcClient jdbc;

	CampaignAccess(CampaignQueries campaigns, LabelQueries labels, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.labels = labels;
		this.jdbc = jdbc;
	}

	/** The campaign, for a reader who may see it (a browser, or one of its raters). */
	public Campaign readable(long campaignId, Reader reader) {
		Campaign campaign = campaigns.find(campaignId)
			.orElseThrow(() -> new NotFoundException("There is no campaign " + campaignId + "."));
		if (!reader.browser() && !campaigns.isRater(campaignId, reader.username())) {
			throw new NotARaterException(campaignId);
		}
		return campaign;
	}

	/** The campaign, for one of its raters (anyone else is refused). */
	public Campaign raterCampaign(long campaignId, String username) {
		Campaign campaign = campaigns.find(campaignId)
			.orElseThrow(() -> new NotFoundException("There is no campaign " + campaignId + "."));
		if (!campaigns.isRater(campaignId, username)) {
			throw new NotARaterException(campaignId);
		}
		return campaign;
	}

	/** The campaign's item, for one of its raters. */
	public Campaign raterItem(long campaignId, long transcriptId, String username) {
		Campaign campaign = raterCampaign(campaignId, username);
		if (!campaigns.hasItem(campaignId, transcriptId)) {
			throw new NotFoundException(
					"Transcript " + transcriptId + " is not an item of campaign " + campaignId + ".");
		}
		return campaign;
	}

	/** What this rater may see of the item, for the labelling page. */
	public ItemView view(long campaignId, long transcriptId, String username) {
		Campaign campaign = raterItem(campaignId, transcriptId, username);
		Label mine = labels.mine(campaignId, transcriptId, username).orElse(null);
		boolean submitted = mine != null;
		String scope = campaign.maskCondition() ? "masked" : split(transcriptId);
		return new ItemView(transcriptId, scope, campaign.rubricVersion(), campaign.metricsHidden(submitted),
				campaign.otherLabelsHidden(submitted), campaign.maskCondition(), mine,
				labels.draft(campaignId, transcriptId, username).orElse(null), labels.newerVersion(transcriptId));
	}

	public String split(long transcriptId) {
		return jdbc.sql("select split from transcript where id = ?")
			.param(transcriptId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("There is no transcript " + transcriptId + "."));
	}

	/**
	 * Whether the reader rates this transcript in a campaign that still hides other
	 * raters' labels from them: then they see only their own labels on it, from any
	 * campaign.
	 */
	public boolean blindedOn(long transcriptId, String username) {
		return stillHidden(OTHER_LABELS, transcriptId, username);
	}

	/**
	 * Whether the reader rates this transcript in a campaign that still hides the
	 * automated metrics from them.
	 */
	public boolean metricsHiddenOn(long transcriptId, String username) {
		return stillHidden(METRICS, transcriptId, username);
	}

	private static final String OTHER_LABELS = "hide_other_labels";

	private static final String METRICS = "hide_metrics";

	/**
	 * Whether the reader rates this transcript in a campaign whose blind option (a column
	 * of {@code campaign}) still applies to them.
	 */
	private boolean stillHidden(String option, long transcriptId, String username) {
		return jdbc.sql("""
				select count(*) from campaign c
				join campaign_item i on i.campaign_id = c.id and i.transcript_id = :t
				join campaign_rater r on r.campaign_id = c.id and r.username = :u
				where c.%s
				  and (c.reveal_after_submit = false or not exists (select 1 from label l
				       where l.campaign_id = c.id and l.transcript_id = :t and l.annotator = :u))""".formatted(option))
			.param("t", transcriptId)
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	/** The labels on a transcript this reader may see. */
	public List<Label> visibleLabels(long transcriptId, Reader reader) {
		List<Label> all = labels.onTranscript(transcriptId);
		if (all.isEmpty()) {
			return all;
		}
		boolean blinded = blindedOn(transcriptId, reader.username());
		List<Long> mine = reader.browser() ? List.of() : campaignsOf(reader.username());
		return all.stream().filter(l -> visible(l, reader, blinded, mine)).toList();
	}

	/** Whether the reader may see this label. */
	public boolean visible(Label label, Reader reader) {
		if (label.annotator().equals(reader.username())) {
			return true;
		}
		boolean blinded = blindedOn(label.transcriptId(), reader.username());
		return visible(label, reader, blinded, reader.browser() ? List.of() : campaignsOf(reader.username()));
	}

	private static boolean visible(Label label, Reader reader, boolean blinded, List<Long> ratedCampaigns) {
		if (label.annotator().equals(reader.username())) {
			return true;
		}
		if (blinded) {
			return false;
		}
		return reader.browser() || ratedCampaigns.contains(label.campaignId());
	}

	private List<Long> campaignsOf(String username) {
		return jdbc.sql("select campaign_id from campaign_rater where username = ?")
			.param(username)
			.query(Long.class)
			.list();
	}

	/**
	 * Every transcript on which this reader sees only their own labels now (the items of
	 * campaigns that hide other labels, in which they rate and have not yet submitted, or
	 * for ever when the campaign does not reveal): the set form of {@link #blindedOn},
	 * for exports.
	 */
	public java.util.Set<Long> blindedFrom(String username) {
		return new java.util.HashSet<>(jdbc.sql("""
				select distinct i.transcript_id from campaign_rater r
				join campaign c on c.id = r.campaign_id and c.hide_other_labels
				join campaign_item i on i.campaign_id = c.id
				where r.username = :u
				  and (c.reveal_after_submit = false or not exists (select 1 from label l
				       where l.campaign_id = c.id and l.transcript_id = i.transcript_id and l.annotator = :u))""")
			.param("u", username)
			.query(Long.class)
			.list());
	}

}
