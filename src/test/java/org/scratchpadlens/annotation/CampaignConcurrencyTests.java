package org.scratchpadlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.annotation.campaign.Assignment;
import org.scratchpadlens.annotation.campaign.CampaignQueue;
import org.scratchpadlens.annotation.campaign.CampaignRequest;
import org.scratchpadlens.annotation.campaign.CampaignService;
import org.scratchpadlens.annotation.campaign.ConflictException;
import org.scratchpadlens.annotation.campaign.Label;
import org.scratchpadlens.annotation.campaign.LabelQueries;
import org.scratchpadlens.annotation.campaign.LabelRequest;
import org.scratchpadlens.annotation.campaign.LabelService;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 20 raters at once on a k = 3 campaign over 1,000 items, each asking for the next item
 * and submitting (a few skip) until nothing is left: no item ends with more than 3
 * labels, no rater labels an item twice, every submitted label is stored and read back,
 * every item ends with exactly 3. On H2 and on PostgreSQL (the guarantees are the
 * database's: the item row lock and the unique constraint).
 */
@AppTest
class CampaignConcurrencyTests extends LabellingTestBase {

	static final int RATERS = 20;

	static final int ITEMS = 1000;

	static final int K = 3;

	@Autowired
	CampaignService campaigns;

	@Autowired
	CampaignQueue queue;

	@Autowired
	LabelService labels;

	@Autowired
	LabelQueries labelQueries;

	@TempDir
	Path dir;

	@Test
	void twentyRatersNeverOverAssignAndFinishEveryItemWithExactlyK() throws Exception {
		TranscriptFiles.writeRun(dir, "crowd/run", ITEMS / 2);
		imports.importNow(new ImportRequest(List.of(dir), "cli", "test", null), ImportProgress.NONE);
		List<String> raters = new ArrayList<>();
		for (int i = 0; i < RATERS; i++) {
			raters.add("crowd" + i);
			user("crowd" + i, Role.ANNOTATOR);
		}
		long campaign = campaigns
			.create(new CampaignRequest("Crowd", JsonMapper.shared().readTree("{\"run\": " + "\"crowd/run\"}"), null, K,
					raters, null, "random", 11L, true, 30), "admin")
			.id();

		Map<Long, Label> submitted = new ConcurrentHashMap<>();
		Set<String> skipped = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(RATERS);
		List<Future<Integer>> done = new ArrayList<>();
		for (String rater : raters) {
			done.add(pool.submit(() -> {
				int mine = 0;
				int turn = 0;
				while (true) {
					Optional<Assignment> next = queue.next(campaign, rater);
					if (next.isEmpty()) {
						if (openFor(campaign, rater) == 0) {
							return mine;
						}
						Thread.onSpinWait();
						continue;
					}
					long item = next.get().transcriptId();
					// every 97th turn of some raters is a skip: the item goes to someone
					// else
					if (rater.hashCode() % 3 == 0 && ++turn % 97 == 0) {
						queue.skip(campaign, item, rater);
						skipped.add(item + "/" + rater);
						continue;
					}
					try {
						Label label = labels.submit(item, new LabelRequest(campaign, null,
								Map.of("confidence", "2", "note", rater), List.of(), 3), rater);
						submitted.put(label.id(), label);
						mine++;
					}
					catch (ConflictException ex) {
						throw new AssertionError(
								rater + " was given item " + item + " but could not label it: " + ex.getMessage(), ex);
					}
				}
			}));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("the raters finished").isTrue();
		int total = 0;
		for (Future<Integer> f : done) {
			total += f.get();
		}

		assertThat(total).isEqualTo(ITEMS * K);
		assertThat(submitted).hasSize(ITEMS * K);
		List<long[]> perItem = jdbc.sql("""
				select i.transcript_id, i.label_count, (select count(*) from label l
				  where l.campaign_id = i.campaign_id and l.transcript_id = i.transcript_id)
				from campaign_item i where i.campaign_id = ?""")
			.param(campaign)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.list();
		assertThat(perItem).hasSize(ITEMS);
		perItem.forEach(row -> {
			assertThat(row[2]).as("labels on item " + row[0]).isEqualTo(K);
			assertThat(row[1]).as("the counter of item " + row[0]).isEqualTo(K);
		});
		assertThat(jdbc.sql("""
				select count(*) from (select transcript_id, annotator from label where campaign_id = ?
				group by transcript_id, annotator having count(*) > 1) twice""")
			.param(campaign)
			.query(Long.class)
			.single()).as("a rater twice on an item").isZero();
		for (Label label : submitted.values()) {
			Label stored = labelQueries.find(label.id()).orElseThrow();
			assertThat(stored.answers()).containsEntry("note", label.annotator()).containsEntry("confidence", "2");
			assertThat(stored.campaignId()).isEqualTo(campaign);
			assertThat(skipped).doesNotContain(stored.transcriptId() + "/" + stored.annotator());
		}
		assertThat(jdbc.sql("select count(*) from reservation where campaign_id = ?")
			.param(campaign)
			.query(Long.class)
			.single()).as("reservations left").isZero();
	}

	long openFor(long campaign, String rater) {
		return jdbc.sql("""
				select count(*) from campaign_item i where i.campaign_id = ? and i.filled = false
				and not exists (select 1 from label l where l.campaign_id = i.campaign_id
				  and l.transcript_id = i.transcript_id and l.annotator = ?)
				and not exists (select 1 from campaign_skip s where s.campaign_id = i.campaign_id
				  and s.transcript_id = i.transcript_id and s.username = ?)""")
			.params(campaign, rater, rater)
			.query(Long.class)
			.single();
	}

}
