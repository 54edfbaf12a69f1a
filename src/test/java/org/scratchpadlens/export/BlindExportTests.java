package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;

/**
 * A researcher who rates in a blind campaign exports nothing the campaign hides from
 * them: no other rater's answers or gold answers on its items and no metrics of them
 * until they have submitted their own label there.
 */
@AppTest
class BlindExportTests extends ExportTestBase {

	static final String SECRET = "SECRET-answer-of-ann2";

	static final List<String> EXPORTS = List.of("/export/labels.csv", "/export/labels.jsonl", "/export/transcripts.csv",
			"/export/transcripts.jsonl");

	long item;

	@BeforeEach
	void setUp() throws Exception {
		freshStore();
		user("rita", Role.RESEARCHER);
		user("ann2", Role.ANNOTATOR);
		user("rob", Role.RESEARCHER);
	}

	long blindCampaign(String blind) throws Exception {
		long campaign = campaign("Blind", """
				{"run": "helpful_only/default", "split": "train"}""", 3, List.of("ann2", "rita"), false);
		jdbc.sql("update campaign set hide_metrics = ?, hide_other_labels = ?, reveal_after_submit = true where id = ?")
			.params(blind.contains("metrics"), blind.contains("labels"), campaign)
			.update();
		item = items(campaign).get(0);
		label(campaign, item, "ann2", answers("note", SECRET, "training_awareness", "yes"));
		jdbc.sql("""
				insert into gold_answer (campaign_id, transcript_id, question, answer, reason, adjudicator, revision,
				  decided_at) values (?, ?, 'training_awareness', 'yes', 'GOLD-REASON', 'rob', 1, current_timestamp)""")
			.params(campaign, item)
			.update();
		return campaign;
	}

	@Test
	void metricsHiddenLeavesTheItemsOutAsTheListDoes() throws Exception {
		long campaign = blindCampaign("metrics labels");
		for (String path : EXPORTS) {
			for (String query : List.of("", "?campaign=" + campaign)) {
				Reply reply = get(path + query, "rita");
				assertThat(reply.status()).isEqualTo(200);
				assertThat(reply.text()).as(path + query).doesNotContain(SECRET).doesNotContain("GOLD-REASON");
				assertThat(reply.text().lines().skip(path.endsWith(".csv") ? 1 : 0)).as(path + query)
					.noneMatch(line -> line.startsWith(item + ",") || line.contains("\"transcript_id\":" + item + ","));
			}
		}
		Reply ratings = get("/export/ratings.csv?question=note&campaign=" + campaign, "rita");
		assertThat(ratings.text()).doesNotContain(SECRET).doesNotContain("\n" + item + ",");
		// someone who does not rate there sees everything
		assertThat(get("/export/labels.csv?campaign=" + campaign, "rob").text()).contains(SECRET);
		assertThat(get("/export/labels.csv?campaign=" + campaign, "rob").text()).contains("GOLD-REASON");
		// after rita's own label the campaign reveals the item to her
		label(campaign, item, "rita", answers("training_awareness", "no"));
		assertThat(get("/export/labels.csv?campaign=" + campaign, "rita").text()).contains(SECRET)
			.contains("GOLD-REASON");
	}

	@Test
	void otherLabelsHiddenShowsMetricsButOnlyTheirOwnLabels() throws Exception {
		long campaign = blindCampaign("labels");
		label(campaign, items(campaign).get(1), "rita", answers("training_awareness", "no"));
		for (String path : EXPORTS) {
			Reply reply = get(path + "?campaign=" + campaign, "rita");
			assertThat(reply.text()).as(path).doesNotContain(SECRET).doesNotContain("GOLD-REASON");
			if (path.startsWith("/export/transcripts")) {
				assertThat(reply.text()).as(path).contains(Long.toString(item));
			}
		}
		List<java.util.Map<String, String>> wide = rows(
				get("/export/transcripts.csv?campaign=" + campaign, "rita").text());
		java.util.Map<String, String> row = wide.stream()
			.filter(r -> r.get("transcript_id").equals(Long.toString(item)))
			.findFirst()
			.orElseThrow();
		assertThat(row).containsEntry("rater.ann2.training_awareness", "")
			.containsEntry("majority.training_awareness", "")
			.containsEntry("gold.training_awareness", "");
		assertThat(row.entrySet().stream().filter(e -> e.getKey().startsWith("metric.")).map(e -> e.getValue()))
			.anyMatch(v -> !v.isEmpty());
		Reply ratings = get("/export/ratings.csv?question=training_awareness&campaign=" + campaign, "rita");
		assertThat(ratings.text()).contains(item + ",,\r\n");
	}

}
