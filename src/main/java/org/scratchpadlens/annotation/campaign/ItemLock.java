package org.scratchpadlens.annotation.campaign;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lock every change to an item's reservations and labels takes first: the
 * campaign_item row, {@code select ... for update}, until the transaction ends. Holding
 * it, the counts of the item's labels and reservations cannot change under the caller
 * (every writer of them takes it too), on one JVM or several sharing the database.
 */
@Repository
public class ItemLock {

	private final JdbcClient jdbc;

	ItemLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the item and returns its count of submitted labels; empty if no such item.
	 */
	public Optional<Integer> lock(long campaignId, long transcriptId) {
		return jdbc.sql("select label_count from campaign_item where campaign_id = ? and transcript_id = ? for update")
			.params(campaignId, transcriptId)
			.query(Integer.class)
			.optional();
	}

	/** One more label on a locked item; {@code filled} once it has k. */
	public void countLabel(long campaignId, long transcriptId, int k) {
		jdbc.sql("""
				update campaign_item set label_count = label_count + 1,
				  filled = case when label_count + 1 >= ? then true else false end
				where campaign_id = ? and transcript_id = ?""").params(k, campaignId, transcriptId).update();
	}

}
