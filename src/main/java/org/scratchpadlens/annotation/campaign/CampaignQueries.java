package org.scratchpadlens.annotation.campaign;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns, their raters and items, and the counts their progress is made of. */
@Repository
public class CampaignQueries {

	private static final String COLUMNS = """
			id, name, created_by, created_at, rubric_version, raters_per_item, item_order, order_seed, hide_metrics,
			hide_other_labels, mask_condition, reveal_after_submit, reservation_seconds, filter_query, sample_json,
			matched_count, item_count""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CampaignQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	long insert(Campaign c) {
		KeyHolder key = new GeneratedKeyHolder();
		template.update(connection -> {
			PreparedStatement ps = connection.prepareStatement("""
					insert into campaign (name, created_by, created_at, rubric_version, raters_per_item, item_order,
					  order_seed, hide_metrics, hide_other_labels, mask_condition, reveal_after_submit,
					  reservation_seconds, filter_query, sample_json, matched_count, item_count)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			ps.setString(1, c.name());
			ps.setString(2, c.createdBy());
			ps.setTimestamp(3, Timestamp.from(c.createdAt()));
			ps.setInt(4, c.rubricVersion());
			ps.setInt(5, c.ratersPerItem());
			ps.setString(6, c.order());
			ps.setLong(7, c.seed());
			ps.setBoolean(8, c.hideMetrics());
			ps.setBoolean(9, c.hideOtherLabels());
			ps.setBoolean(10, c.maskCondition());
			ps.setBoolean(11, c.revealAfterSubmit());
			ps.setInt(12, c.reservationSeconds());
			ps.setString(13, c.filter());
			ps.setString(14, c.sampleJson());
			ps.setInt(15, c.matched());
			ps.setInt(16, c.items());
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	void insertRaters(long campaignId, List<String> usernames) {
		template.batchUpdate("insert into campaign_rater (campaign_id, username) values (?, ?)", usernames, 500,
				(ps, u) -> {
					ps.setLong(1, campaignId);
					ps.setString(2, u);
				});
	}

	/** The items in queue order (positions 1..n), in batches. */
	void insertItems(long campaignId, List<CampaignSampler.Item> items) {
		template.batchUpdate("""
				insert into campaign_item (campaign_id, transcript_id, position, stratum, label_count, filled)
				values (?, ?, ?, ?, 0, false)""", items, 1000, (ps, item) -> {
			ps.setLong(1, campaignId);
			ps.setLong(2, item.transcriptId());
			ps.setInt(3, item.position());
			ps.setString(4, item.stratum());
		});
	}

	public Optional<Campaign> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from campaign where id = ?")
			.param(id)
			.query(CampaignQueries::campaign)
			.optional();
	}

	/** Every campaign, newest first. */
	List<Campaign> all() {
		return jdbc.sql("select " + COLUMNS + " from campaign order by id desc")
			.query(CampaignQueries::campaign)
			.list();
	}

	/** The campaigns a user rates in, newest first. */
	List<Campaign> ratedBy(String username) {
		return jdbc
			.sql("select " + COLUMNS + " from campaign where id in "
					+ "(select campaign_id from campaign_rater where username = ?) order by id desc")
			.param(username)
			.query(CampaignQueries::campaign)
			.list();
	}

	public boolean isRater(long campaignId, String username) {
		return jdbc.sql("select count(*) from campaign_rater where campaign_id = ? and username = ?")
			.params(campaignId, username)
			.query(Long.class)
			.single() > 0;
	}

	public List<String> raters(long campaignId) {
		return jdbc.sql("select username from campaign_rater where campaign_id = ? order by username")
			.param(campaignId)
			.query(String.class)
			.list();
	}

	public boolean hasItem(long campaignId, long transcriptId) {
		return jdbc.sql("select count(*) from campaign_item where campaign_id = ? and transcript_id = ?")
			.params(campaignId, transcriptId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Per rater: labels submitted, items skipped, whether they hold a live reservation.
	 */
	List<RaterCounts> raterCounts(long campaignId, Instant now) {
		return jdbc
			.sql("""
					select r.username,
					  (select count(*) from label l where l.campaign_id = r.campaign_id and l.annotator = r.username),
					  (select count(*) from campaign_skip s where s.campaign_id = r.campaign_id and s.username = r.username),
					  (select count(*) from reservation v where v.campaign_id = r.campaign_id and v.username = r.username
					     and v.expires_at > ?)
					from campaign_rater r where r.campaign_id = ? order by r.username""")
			.params(Timestamp.from(now), campaignId)
			.query((rs, n) -> new RaterCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) > 0))
			.list();
	}

	/** Submitted labels and finished items of a campaign. */
	long[] totals(long campaignId) {
		return jdbc
			.sql("select coalesce(sum(label_count), 0), coalesce(sum(case when filled then 1 else 0 end), 0) "
					+ "from campaign_item where campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** Every item in queue order with its count of submitted labels. */
	List<ItemCount> itemCounts(long campaignId) {
		return jdbc
			.sql("select transcript_id, position, label_count from campaign_item where campaign_id = ? "
					+ "order by position")
			.param(campaignId)
			.query((rs, n) -> new ItemCount(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/**
	 * Items this user has submitted a label on, with the counts (a blinded rater sees
	 * only these).
	 */
	List<ItemCount> itemCountsLabelledBy(long campaignId, String username) {
		return jdbc.sql("""
				select i.transcript_id, i.position, i.label_count from campaign_item i
				where i.campaign_id = ? and exists (select 1 from label l where l.campaign_id = i.campaign_id
				  and l.transcript_id = i.transcript_id and l.annotator = ?)
				order by i.position""")
			.params(campaignId, username)
			.query((rs, n) -> new ItemCount(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/**
	 * Items this user could still label: not filled, not labelled or skipped by them.
	 * Those of them held by others' live reservations are counted apart.
	 */
	long[] openFor(long campaignId, String username, int k, Instant now) {
		return jdbc.sql("""
				select count(*),
				  coalesce(sum(case when i.label_count + (select count(*) from reservation v
				      where v.campaign_id = i.campaign_id and v.transcript_id = i.transcript_id
				        and v.username <> :user and v.expires_at > :now) >= :k then 1 else 0 end), 0)
				from campaign_item i
				where i.campaign_id = :campaign and i.filled = false
				  and not exists (select 1 from label l where l.campaign_id = i.campaign_id
				                  and l.transcript_id = i.transcript_id and l.annotator = :user)
				  and not exists (select 1 from campaign_skip s where s.campaign_id = i.campaign_id
				                  and s.transcript_id = i.transcript_id and s.username = :user)""")
			.param("user", username)
			.param("now", Timestamp.from(now))
			.param("k", k)
			.param("campaign", campaignId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** Active accounts that may be made raters (for the form). */
	List<String> accounts() {
		return jdbc.sql("select username from app_user order by username").query(String.class).list();
	}

	/** Usernames among these that have no account. */
	List<String> unknownAccounts(List<String> usernames) {
		List<String> known = accounts();
		return usernames.stream().filter(u -> !known.contains(u)).toList();
	}

	private static Campaign campaign(ResultSet rs, int n) throws SQLException {
		return new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
				rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getLong(8), rs.getBoolean(9), rs.getBoolean(10),
				rs.getBoolean(11), rs.getBoolean(12), rs.getInt(13), rs.getString(14), rs.getString(15), rs.getInt(16),
				rs.getInt(17));
	}

	record RaterCounts(String username, long labelled, long skipped, boolean reserving) {
	}

	public record ItemCount(long transcriptId, int position, int labels) {
	}

}
