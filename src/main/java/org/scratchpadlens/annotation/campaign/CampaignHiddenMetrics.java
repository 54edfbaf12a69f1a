package org.scratchpadlens.annotation.campaign;

import java.util.HashSet;
import java.util.Set;

import org.scratchpadlens.transcript.HiddenMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transcripts whose metrics browsing hides from a reader: the items of campaigns that
 * hide the metrics and in which the reader rates, until the reader has submitted a label
 * there (for ever, if the campaign does not reveal them after a submit).
 */
@Component
class CampaignHiddenMetrics implements HiddenMetrics {

	private final CampaignAccess access;

	private final JdbcClient jdbc;

	CampaignHiddenMetrics(CampaignAccess access, JdbcClient jdbc) {
		this.access = access;
		this.jdbc = jdbc;
	}

	@Override
	public boolean hiddenOn(long transcriptId, String username) {
		return access.metricsHiddenOn(transcriptId, username);
	}

	@Override
	public Set<Long> hiddenFrom(String username) {
		return new HashSet<>(jdbc.sql("""
				select distinct i.transcript_id from campaign_rater r
				join campaign c on c.id = r.campaign_id and c.hide_metrics
				join campaign_item i on i.campaign_id = c.id
				where r.username = :u
				  and (c.reveal_after_submit = false or not exists (select 1 from label l
				       where l.campaign_id = c.id and l.transcript_id = i.transcript_id and l.annotator = :u))""")
			.param("u", username)
			.query(Long.class)
			.list());
	}

}
