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

	/**
	 * Whether this transcript, or another version of its file (a re-import), is an item
	 * whose metrics are still hidden from this reader: the versions of a file share most
	 * metrics, so one version's would give away the other's.
	 */
	@Override
	public boolean hiddenOn(long transcriptId, String username) {
		if (access.metricsHiddenOn(transcriptId, username)) {
			return true;
		}
		return jdbc.sql("""
				select count(*) from transcript t
				join transcript v on v.run_id = t.run_id and v.split = t.split and v.file_name = t.file_name
				  and v.id <> t.id
				join campaign_item i on i.transcript_id = v.id
				join campaign c on c.id = i.campaign_id and c.hide_metrics
				join campaign_rater r on r.campaign_id = c.id and r.username = :u
				where t.id = :t
				  and (c.reveal_after_submit = false or not exists (select 1 from label l
				       where l.campaign_id = c.id and l.transcript_id = v.id and l.annotator = :u))""")
			.param("t", transcriptId)
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The items still hidden from this reader, and every other version of their files.
	 */
	@Override
	public Set<Long> hiddenFrom(String username) {
		return new HashSet<>(jdbc.sql("""
				select distinct o.id from campaign_rater r
				join campaign c on c.id = r.campaign_id and c.hide_metrics
				join campaign_item i on i.campaign_id = c.id
				join transcript t on t.id = i.transcript_id
				join transcript o on o.run_id = t.run_id and o.split = t.split and o.file_name = t.file_name
				where r.username = :u
				  and (c.reveal_after_submit = false or not exists (select 1 from label l
				       where l.campaign_id = c.id and l.transcript_id = i.transcript_id and l.annotator = :u))""")
			.param("u", username)
			.query(Long.class)
			.list());
	}

}
