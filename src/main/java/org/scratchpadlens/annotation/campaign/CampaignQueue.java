package org.scratchpadlens.annotation.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A campaign's queue: {@code next} gives a rater an item they have not labelled or
 * skipped whose labels plus live reservations are fewer than k, and reserves it; skips;
 * reservations renewed by drafts. Each change happens in one transaction that first locks
 * the item's row ({@link ItemLock}) and counts under the lock (decision 0011).
 */
@Service
public class CampaignQueue {

	/** Candidates read per query; tried in order until one can be locked and reserved. */
	static final int BATCH = 64;

	private final JdbcClient jdbc;

	private final ItemLock lock;

	private final CampaignAccess access;

	private final TransactionTemplate tx;

	CampaignQueue(JdbcClient jdbc, ItemLock lock, CampaignAccess access, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.lock = lock;
		this.access = access;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * The rater's live reservation if they hold one, else the first item in the
	 * campaign's order they may take, now reserved for them; empty when there is none.
	 * The candidates are read without locks; each one tried is locked, checked again and
	 * reserved in a transaction of its own, so that a rater never holds the lock of an
	 * item they passed over while others wait for it.
	 */
	public Optional<Assignment> next(long campaignId, String username) {
		Campaign campaign = access.raterCampaign(campaignId, username);
		long id = campaign.id();
		Instant now = Instant.now();
		Timestamp at = Timestamp.from(now);
		Optional<Assignment> mine = jdbc.sql("""
				select r.transcript_id, r.expires_at, i.position from reservation r
				join campaign_item i on i.campaign_id = r.campaign_id and i.transcript_id = r.transcript_id
				where r.campaign_id = ? and r.username = ? and r.expires_at > ?
				order by i.position fetch first 1 rows only""")
			.params(id, username, at)
			.query((rs, n) -> new Assignment(rs.getLong(1), id, rs.getTimestamp(2).toInstant(), rs.getInt(3), 0))
			.optional();
		if (mine.isPresent()) {
			Assignment a = mine.get();
			return Optional
				.of(new Assignment(a.transcriptId(), id, a.reservedUntil(), a.position(), remaining(id, username) - 1));
		}
		jdbc.sql("delete from reservation where campaign_id = ? and username = ? and expires_at <= ?")
			.params(id, username, at)
			.update();
		int after = 0;
		while (true) {
			List<Candidate> window = window(campaign, username, after, at);
			for (Candidate c : window) {
				if (c.open() && Boolean.TRUE.equals(Retry.onLockFailure(
						() -> tx.execute(status -> tryReserve(campaign, c.transcriptId(), username, now))))) {
					Instant until = now.plusSeconds(campaign.reservationSeconds());
					return Optional
						.of(new Assignment(c.transcriptId(), id, until, c.position(), remaining(id, username) - 1));
				}
			}
			if (window.size() < BATCH) {
				return Optional.empty();
			}
			after = window.get(window.size() - 1).position();
		}
	}

	/** An unfinished item of the queue, and whether this rater may take it, as read. */
	private record Candidate(long transcriptId, int position, boolean open) {
	}

	/**
	 * The next {@link #BATCH} unfinished items after {@code after} in queue order, each
	 * marked open when the rater has neither labelled nor skipped it and its labels plus
	 * live reservations are below k. One query: the items are a range of the index
	 * (campaign_id, filled, position), ordered by all three columns so that H2 reads them
	 * from the index in order (ordered by position alone it sorts every unfinished item:
	 * 726 ms on 75,000), and what rules each out is looked up per row by its full key (an
	 * {@code in} list of the window's ids made H2 walk every label of the campaign). The
	 * cost does not grow with the campaign.
	 */
	private List<Candidate> window(Campaign campaign, String user, int after, Timestamp at) {
		return jdbc.sql("""
				select i.transcript_id, i.position, i.label_count,
				  (select count(*) from reservation v where v.campaign_id = i.campaign_id
				     and v.transcript_id = i.transcript_id and v.expires_at > ?),
				  (select count(*) from label l where l.campaign_id = i.campaign_id
				     and l.transcript_id = i.transcript_id and l.annotator = ?)
				  + (select count(*) from campaign_skip s where s.campaign_id = i.campaign_id
				     and s.transcript_id = i.transcript_id and s.username = ?)
				from campaign_item i
				where i.campaign_id = ? and i.filled = false and i.position > ?
				order by i.campaign_id, i.filled, i.position fetch first %d rows only""".formatted(BATCH))
			.params(at, user, user, campaign.id(), after)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getInt(2),
					rs.getLong(5) == 0 && rs.getInt(3) + rs.getLong(4) < campaign.ratersPerItem()))
			.list();
	}

	/**
	 * Under the item's lock: reserve it for the user if it still has room (labels plus
	 * others' live reservations below k) and they have neither labelled nor skipped it.
	 */
	boolean tryReserve(Campaign campaign, long transcriptId, String user, Instant now) {
		Optional<Integer> labels = lock.lock(campaign.id(), transcriptId);
		if (labels.isEmpty()) {
			return false;
		}
		Timestamp at = Timestamp.from(now);
		long reservedByOthers = jdbc.sql("""
				select count(*) from reservation where campaign_id = ? and transcript_id = ? and username <> ?
				and expires_at > ?""").params(campaign.id(), transcriptId, user, at).query(Long.class).single();
		if (labels.get() + reservedByOthers >= campaign.ratersPerItem() || done(campaign.id(), transcriptId, user)) {
			return false;
		}
		jdbc.sql("delete from reservation where campaign_id = ? and transcript_id = ? and username = ?")
			.params(campaign.id(), transcriptId, user)
			.update();
		jdbc.sql("""
				insert into reservation (campaign_id, transcript_id, username, reserved_at, expires_at)
				values (?, ?, ?, ?, ?)""")
			.params(campaign.id(), transcriptId, user, at,
					Timestamp.from(now.plusSeconds(campaign.reservationSeconds())))
			.update();
		return true;
	}

	/** Whether the user labelled or skipped the item. */
	private boolean done(long campaignId, long transcriptId, String user) {
		return jdbc
			.sql("""
					select (select count(*) from label where campaign_id = :c and transcript_id = :t and annotator = :u)
					     + (select count(*) from campaign_skip where campaign_id = :c and transcript_id = :t and username = :u)
					""")
			.param("c", campaignId)
			.param("t", transcriptId)
			.param("u", user)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Items of the campaign this user has neither labelled nor skipped (some may be
	 * finished by others before the user reaches them). Counted from the user's own rows,
	 * so that it costs the same in a campaign of 75,000 items as in one of 10.
	 */
	long remaining(long campaignId, String user) {
		return jdbc.sql("""
				select (select item_count from campaign where id = :c)
				  - (select count(*) from label where campaign_id = :c and annotator = :u)
				  - (select count(*) from campaign_skip where campaign_id = :c and username = :u)""")
			.param("c", campaignId)
			.param("u", user)
			.query(Long.class)
			.single();
	}

	/**
	 * The user passes on an item: their reservation is released and it is never offered
	 * to them again. Refused (409) once they labelled it.
	 */
	public void skip(long campaignId, long transcriptId, String user) {
		Campaign campaign = access.raterCampaign(campaignId, user);
		Retry.onLockFailure(() -> tx.execute(status -> {
			if (lock.lock(campaign.id(), transcriptId).isEmpty()) {
				throw new NotFoundException(
						"Transcript " + transcriptId + " is not an item of campaign " + campaignId + ".");
			}
			long labelled = jdbc
				.sql("select count(*) from label where campaign_id = ? and transcript_id = ? and annotator = ?")
				.params(campaignId, transcriptId, user)
				.query(Long.class)
				.single();
			if (labelled > 0) {
				throw new ConflictException("You have labelled this transcript in this campaign: edit your label "
						+ "instead of skipping it.");
			}
			jdbc.sql("delete from reservation where campaign_id = ? and transcript_id = ? and username = ?")
				.params(campaignId, transcriptId, user)
				.update();
			long skipped = jdbc
				.sql("select count(*) from campaign_skip where campaign_id = ? and transcript_id = ? and username = ?")
				.params(campaignId, transcriptId, user)
				.query(Long.class)
				.single();
			if (skipped == 0) {
				jdbc.sql("insert into campaign_skip (campaign_id, transcript_id, username, skipped_at) "
						+ "values (?, ?, ?, ?)")
					.params(campaignId, transcriptId, user, Timestamp.from(Instant.now()))
					.update();
			}
			return null;
		}));
	}

	/**
	 * A draft save renews the user's reservation of the item (or takes one again if it
	 * lapsed and there is still room); called in the draft's transaction, item locked.
	 */
	public void renew(Campaign campaign, long transcriptId, String user, Instant now) {
		int renewed = jdbc.sql("""
				update reservation set expires_at = ?
				where campaign_id = ? and transcript_id = ? and username = ? and expires_at > ?""")
			.params(Timestamp.from(now.plusSeconds(campaign.reservationSeconds())), campaign.id(), transcriptId, user,
					Timestamp.from(now))
			.update();
		if (renewed == 0) {
			tryReserve(campaign, transcriptId, user, now);
		}
	}

	/** Releases the user's reservation of the item (their label is in). */
	public void release(long campaignId, long transcriptId, String user) {
		jdbc.sql("delete from reservation where campaign_id = ? and transcript_id = ? and username = ?")
			.params(campaignId, transcriptId, user)
			.update();
	}

}
