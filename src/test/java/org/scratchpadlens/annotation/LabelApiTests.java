package org.scratchpadlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;

/**
 * The queue and the labels through the API: next, skip, drafts, submit, edit with
 * optimistic locking, history, spans checked against the message, k enforced, expired
 * reservations, the import undo veto.
 */
@AppTest
class LabelApiTests extends LabellingTestBase {

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		sampleData();
		user("rita", Role.RESEARCHER);
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
		user("ann3", Role.ANNOTATOR);
		campaign = create("{\"run\": \"helpful_only/default\", \"split\": \"train\"}", 2, "\"ann1\", \"ann2\"");
	}

	long create(String filter, int k, String raters) throws Exception {
		Reply r = post("/api/campaigns", "rita", """
				{"name": "Queue", "filter": %s, "ratersPerItem": %d, "raters": [%s], "order": "run"}"""
			.formatted(filter, k, raters));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.at("/id").asLong();
	}

	Reply next(long campaign, String user) throws Exception {
		return post("/api/campaigns/" + campaign + "/next", user, null);
	}

	Reply submit(long transcript, long campaign, String user, String answers) throws Exception {
		return post("/api/transcripts/" + transcript + "/labels", user,
				"{\"campaignId\": %d, \"answers\": %s, \"secondsSpent\": 40}".formatted(campaign, answers));
	}

	@Test
	void nextReservesTheFirstFreeItemAndGivesItAgainUntilLabelled() throws Exception {
		Reply first = next(campaign, "ann1");
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		long t0 = transcriptId("helpful_only/default", "train", 0);
		assertThat(first.at("/transcriptId").asLong()).isEqualTo(t0);
		assertThat(first.at("/campaignId").asLong()).isEqualTo(campaign);
		assertThat(first.at("/position").asInt()).isEqualTo(1);
		assertThat(first.at("/remaining").asInt()).isEqualTo(9);
		assertThat(Instant.parse(first.at("/reservedUntil").asString())).isAfter(Instant.now().plusSeconds(25 * 60));
		assertThat(next(campaign, "ann1").at("/transcriptId").asLong()).isEqualTo(t0);
		// k = 2: the second rater gets the same item
		assertThat(next(campaign, "ann2").at("/transcriptId").asLong()).isEqualTo(t0);

		Reply label = submit(t0, campaign, "ann1", "{\"confidence\": \"2\", \"note\": \"fine\"}");
		assertThat(label.status()).as(label.text()).isEqualTo(201);
		assertThat(label.at("/annotator").asString()).isEqualTo("ann1");
		assertThat(label.at("/revision").asInt()).isEqualTo(1);
		assertThat(label.at("/answers/confidence").asString()).isEqualTo("2");
		assertThat(label.at("/secondsSpent").asInt()).isEqualTo(40);
		assertThat(label.at("/newerTranscriptId").isNull()).isTrue();
		assertThat(label.at("/rubricVersion").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(next(campaign, "ann1").at("/transcriptId").asLong())
			.isEqualTo(transcriptId("helpful_only/default", "train", 1));
		assertThat(jdbc.sql("select answer from label_answer where label_id = ? and question = 'note'")
			.param(label.at("/id").asLong())
			.query(String.class)
			.single()).isEqualTo("fine");
	}

	@Test
	void aLabelSentWithoutItsVerdictGetsTheDerivedOne() throws Exception {
		long t0 = next(campaign, "ann1").at("/transcriptId").asLong();
		// all five criteria yes and a fully compliant output: the rubric derives "full"
		Reply full = submit(t0, campaign, "ann1", """
				{"training_awareness": "yes", "understands_modification": "yes", "preference_conflict": "yes",
				 "deviates_for_reward": "yes", "motivated_by_modification": "yes", "output_compliance": "4"}""");
		assertThat(full.status()).as(full.text()).isEqualTo(201);
		assertThat(full.at("/answers/verdict").asString()).isEqualTo("full");
		// one criterion no: "no"; a label that leaves the criteria open gets no verdict
		long t1 = next(campaign, "ann2").at("/transcriptId").asLong();
		Reply no = submit(t1, campaign, "ann2", "{\"training_awareness\": \"no\"}");
		assertThat(no.at("/answers/verdict").asString()).isEqualTo("no");
		long t2 = next(campaign, "ann1").at("/transcriptId").asLong();
		Reply open = submit(t2, campaign, "ann1", "{\"training_awareness\": \"yes\"}");
		assertThat(open.at("/answers").has("verdict")).isFalse();
		assertThat(jdbc
			.sql("select answer from label_answer a join label l on l.id = a.label_id "
					+ "where l.transcript_id = ? and l.annotator = 'ann1' and a.question = 'verdict'")
			.param(t0)
			.query(String.class)
			.single()).isEqualTo("full");
	}

	@Test
	void aThirdRaterIsNotGivenAnItemTwoOthersHold() throws Exception {
		long c = create("{\"run\": \"helpful_only/default\", \"split\": \"train\"}", 2, "\"ann1\", \"ann2\", \"ann3\"");
		long t0 = next(c, "ann1").at("/transcriptId").asLong();
		assertThat(next(c, "ann2").at("/transcriptId").asLong()).isEqualTo(t0);
		assertThat(next(c, "ann3").at("/transcriptId").asLong()).isNotEqualTo(t0);
	}

	@Test
	void aSkippedItemIsNeverOfferedAgain() throws Exception {
		long t0 = next(campaign, "ann1").at("/transcriptId").asLong();
		Reply skip = post("/api/campaigns/" + campaign + "/items/" + t0 + "/skip", "ann1", null);
		assertThat(skip.status()).isEqualTo(204);
		for (int i = 0; i < 9; i++) {
			Reply n = next(campaign, "ann1");
			assertThat(n.at("/transcriptId").asLong()).isNotEqualTo(t0);
			post("/api/campaigns/" + campaign + "/items/" + n.at("/transcriptId").asLong() + "/skip", "ann1", null);
		}
		Reply none = next(campaign, "ann1");
		assertThat(none.status()).isEqualTo(204);
		assertThat(none.response().getHeader("X-Queue-State")).isEqualTo("done");
		assertThat(get("/api/campaigns/" + campaign, "ann1").at("/progress/mine/skipped").asInt()).isEqualTo(10);
		// skipping an item not in the campaign, or one labelled
		assertThat(post("/api/campaigns/" + campaign + "/items/999999/skip", "ann1", null).status()).isEqualTo(404);
		long t1 = next(campaign, "ann2").at("/transcriptId").asLong();
		submit(t1, campaign, "ann2", "{}");
		assertThat(post("/api/campaigns/" + campaign + "/items/" + t1 + "/skip", "ann2", null).status()).isEqualTo(409);
	}

	@Test
	void whenEverythingLeftIsReservedByOthersNextSaysWaiting() throws Exception {
		long c = create("{\"run\": \"helpful_only/default\", \"split\": \"train\", \"q\": \"\"}", 1,
				"\"ann1\", \"ann2\"");
		for (int i = 0; i < 10; i++) {
			long t = next(c, "ann1").at("/transcriptId").asLong();
			if (i < 9) {
				assertThat(submit(t, c, "ann1", "{}").status()).isEqualTo(201);
			}
		}
		// ann1 holds the last item
		Reply none = next(c, "ann2");
		assertThat(none.status()).isEqualTo(204);
		assertThat(none.response().getHeader("X-Queue-State")).isEqualTo("waiting");
		assertThat(get("/api/campaigns/" + c, "ann2").at("/progress/mine/state").asString()).isEqualTo("waiting");
		assertThat(get("/api/campaigns/" + c, "ann2").at("/progress/mine/reservedByOthers").asInt()).isEqualTo(1);
	}

	@Test
	void aLabelAfterItsReservationExpiredIsAcceptedOnlyWhileTheItemHasFewerThanKLabels() throws Exception {
		long c = create("{\"run\": \"helpful_only/default\", \"split\": \"train\"}", 1, "\"ann1\", \"ann2\"");
		long t0 = next(c, "ann1").at("/transcriptId").asLong();
		expireReservations();
		// the lapsed item goes to the next rater
		assertThat(next(c, "ann2").at("/transcriptId").asLong()).isEqualTo(t0);
		// ann1's late label is accepted: the item has no label yet
		assertThat(submit(t0, c, "ann1", "{}").status()).isEqualTo(201);
		Reply late = submit(t0, c, "ann2", "{}");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.at("/error").asString()).contains("already has its 1 labels");
		assertThat(count("select count(*) from label where campaign_id = " + c + " and transcript_id = " + t0))
			.isEqualTo(1);
	}

	@Test
	void oneLabelPerRaterPerItem() throws Exception {
		long t0 = next(campaign, "ann1").at("/transcriptId").asLong();
		long id = submit(t0, campaign, "ann1", "{}").at("/id").asLong();
		Reply again = submit(t0, campaign, "ann1", "{\"confidence\": \"3\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.at("/error").asString()).contains("PUT /api/labels/" + id);
	}

	@Test
	void submitRefusesWhatItCannotStore() throws Exception {
		long t0 = transcriptId("helpful_only/default", "train", 0);
		Reply noCampaign = post("/api/transcripts/" + t0 + "/labels", "ann1", "{\"answers\": {}}");
		assertThat(noCampaign.status()).isEqualTo(400);
		assertThat(noCampaign.at("/error").asString()).contains("campaignId");
		assertThat(submit(t0, 999999, "ann1", "{}").status()).isEqualTo(404);
		assertThat(submit(t0, campaign, "ann3", "{}").status()).isEqualTo(403);
		long notAnItem = transcriptId("helpful_only/default", "deploy", 0);
		assertThat(submit(notAnItem, campaign, "ann1", "{}").status()).isEqualTo(404);
		Reply seconds = post("/api/transcripts/" + t0 + "/labels", "ann1",
				"{\"campaignId\": " + campaign + ", \"secondsSpent\": -1}");
		assertThat(seconds.status()).isEqualTo(400);
		assertThat(seconds.at("/error").asString()).contains("secondsSpent");
		assertThat(count("select count(*) from label where campaign_id = " + campaign)).isZero();
	}

	@Test
	void spansMustQuoteTheMessageExactly() throws Exception {
		long t0 = next(campaign, "ann1").at("/transcriptId").asLong();
		String content = jdbc.sql("select content from message where transcript_id = ? and ordinal = 1")
			.param(t0)
			.query(String.class)
			.single();
		int start = content.indexOf("free tier");
		assertThat(start).isPositive();
		String good = "{\"question\": \"training_awareness\", \"messageOrdinal\": 1, \"start\": %d, \"end\": %d, \"text\": \"free tier\"}"
			.formatted(start, start + 9);
		String wrongText = good.replace("\"free tier\"", "\"free tie!\"");
		String wrongOffsets = "{\"question\": \"training_awareness\", \"messageOrdinal\": 1, \"start\": 5, \"end\": 2, \"text\": \"\"}";
		String noMessage = good.replace("\"messageOrdinal\": 1", "\"messageOrdinal\": 99");
		String incomplete = "{\"question\": \"training_awareness\"}";
		for (String[] bad : new String[][] { { wrongText, "is not the message's content" },
				{ wrongOffsets, "0 <= start < end" }, { noMessage, "has no message 99" },
				{ incomplete, "needs question, messageOrdinal" } }) {
			Reply r = post("/api/transcripts/" + t0 + "/labels", "ann1",
					"{\"campaignId\": %d, \"spans\": [%s]}".formatted(campaign, bad[0]));
			assertThat(r.status()).as(bad[0]).isEqualTo(400);
			assertThat(r.at("/error").asString()).contains(bad[1]);
		}
		Reply ok = post("/api/transcripts/" + t0 + "/labels", "ann1",
				"{\"campaignId\": %d, \"answers\": {\"training_awareness\": \"yes\"}, \"spans\": [%s]}"
					.formatted(campaign, good));
		assertThat(ok.status()).as(ok.text()).isEqualTo(201);
		assertThat(ok.at("/spans/0/text").asString()).isEqualTo("free tier");
		assertThat(ok.at("/spans/0/start").asInt()).isEqualTo(start);
		assertThat(count("select count(*) from label_span where label_id = " + ok.at("/id").asLong())).isEqualTo(1);
	}

	@Test
	void editsAreOptimisticallyLockedAndEveryRevisionIsKept() throws Exception {
		long t0 = next(campaign, "ann1").at("/transcriptId").asLong();
		Reply label = submit(t0, campaign, "ann1", "{\"confidence\": \"1\"}");
		long id = label.at("/id").asLong();
		// two tabs opened revision 1; the first saves, the second is refused
		Reply tab1 = put("/api/labels/" + id, "ann1",
				"{\"revision\": 1, \"answers\": {\"confidence\": \"2\"}, \"secondsSpent\": 5}");
		assertThat(tab1.status()).as(tab1.text()).isEqualTo(200);
		assertThat(tab1.at("/revision").asInt()).isEqualTo(2);
		assertThat(tab1.at("/secondsSpent").asInt()).isEqualTo(45);
		Reply tab2 = put("/api/labels/" + id, "ann1", "{\"revision\": 1, \"answers\": {\"confidence\": \"3\"}}");
		assertThat(tab2.status()).isEqualTo(409);
		assertThat(tab2.at("/error").asString()).contains("edited elsewhere since you opened it");
		assertThat(get("/api/labels/" + id, "ann1").at("/answers/confidence").asString()).isEqualTo("2");

		Reply history = get("/api/labels/" + id + "/history", "ann1");
		assertThat(history.json().size()).isEqualTo(2);
		assertThat(history.at("/0/revision").asInt()).isEqualTo(1);
		assertThat(history.at("/0/answers/confidence").asString()).isEqualTo("1");
		assertThat(history.at("/1/answers/confidence").asString()).isEqualTo("2");

		assertThat(put("/api/labels/" + id, "ann1", "{\"answers\": {}}").status()).isEqualTo(400);
		// another rater may not edit it (k = 2, not blind: ann2 sees it once they rate
		// here)
		assertThat(put("/api/labels/" + id, "ann2", "{\"revision\": 2}").status()).isIn(403, 404);
		assertThat(put("/api/labels/999999", "ann1", "{\"revision\": 1}").status()).isEqualTo(404);
		assertThat(get("/api/labels/999999", "ann1").status()).isEqualTo(404);
		assertThat(get("/api/labels/999999/history", "ann1").status()).isEqualTo(404);
	}

	@Test
	void draftsAreSavedPerRaterAndRenewTheReservation() throws Exception {
		long t0 = next(campaign, "ann1").at("/transcriptId").asLong();
		String path = "/api/campaigns/" + campaign + "/items/" + t0 + "/draft";
		assertThat(get(path, "ann1").status()).isEqualTo(404);
		jdbc.sql("update reservation set expires_at = ? where username = 'ann1'")
			.param(Timestamp.from(Instant.now().plusSeconds(60)))
			.update();
		Reply saved = put(path, "ann1", "{\"answers\": {\"confidence\": \"2\"}, \"spans\": [], \"secondsSpent\": 12}");
		assertThat(saved.status()).as(saved.text()).isEqualTo(204);
		Reply draft = get(path, "ann1");
		assertThat(draft.at("/answers/confidence").asString()).isEqualTo("2");
		assertThat(draft.at("/secondsSpent").asInt()).isEqualTo(12);
		Timestamp until = jdbc.sql("select expires_at from reservation where username = 'ann1'")
			.query(Timestamp.class)
			.single();
		assertThat(until.toInstant()).isAfter(Instant.now().plusSeconds(25 * 60));
		assertThat(get(path, "ann2").status()).isEqualTo(404);
		assertThat(put(path, "ann3", "{}").status()).isEqualTo(403);
		assertThat(put("/api/campaigns/" + campaign + "/items/999999/draft", "ann1", "{}").status()).isEqualTo(404);
		// the view gives the draft back; the submitted label removes it
		assertThat(get("/api/campaigns/" + campaign + "/items/" + t0 + "/view", "ann1").at("/draft/answers/confidence")
			.asString()).isEqualTo("2");
		submit(t0, campaign, "ann1", "{\"confidence\": \"2\"}");
		assertThat(get(path, "ann1").status()).isEqualTo(404);
	}

	@Test
	void theViewTellsTheLabellingPageWhatToShow() throws Exception {
		long t0 = transcriptId("helpful_only/default", "train", 0);
		Reply view = get("/api/campaigns/" + campaign + "/items/" + t0 + "/view", "ann1");
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.at("/scope").asString()).isEqualTo("train");
		assertThat(view.at("/maskCondition").asBoolean()).isFalse();
		assertThat(view.at("/myLabel").isNull()).isTrue();
		assertThat(get("/api/campaigns/" + campaign + "/items/" + t0 + "/view", "ann3").status()).isEqualTo(403);
		assertThat(get("/api/campaigns/" + campaign + "/items/999999/view", "ann1").status()).isEqualTo(404);
		assertThat(get("/api/campaigns/999999/items/" + t0 + "/view", "ann1").status()).isEqualTo(404);
	}

	@Test
	void anImportWhoseTranscriptsHoldLabelsCannotBeUndone() throws Exception {
		long t0 = next(campaign, "ann1").at("/transcriptId").asLong();
		submit(t0, campaign, "ann1", "{}");
		long job = jdbc.sql("select import_job_id from transcript where id = ?").param(t0).query(Long.class).single();
		Reply undo = call(org.springframework.http.HttpMethod.DELETE, "/api/imports/" + job, "admin", null);
		assertThat(undo.status()).as(undo.text()).isEqualTo(409);
		assertThat(undo.text()).containsPattern("\\d+ labels? on helpful_only/default/train/0.json");
		assertThat(count("select count(*) from transcript where id = " + t0)).isEqualTo(1);
	}

	@Test
	void progressCountsLabelsPerRaterPerItemAndOverall() throws Exception {
		long t0 = next(campaign, "ann1").at("/transcriptId").asLong();
		submit(t0, campaign, "ann1", "{}");
		next(campaign, "ann2");
		submit(t0, campaign, "ann2", "{}");
		Reply p = get("/api/campaigns/" + campaign, "rita");
		assertThat(p.at("/progress/labels").asInt()).isEqualTo(2);
		assertThat(p.at("/progress/itemsDone").asInt()).isEqualTo(1);
		assertThat(p.at("/progress/itemLabels/0/labels").asInt()).isEqualTo(2);
		assertThat(p.at("/progress/itemLabels/1/labels").asInt()).isZero();
		assertThat(p.at("/progress/raters/0/username").asString()).isEqualTo("ann1");
		assertThat(p.at("/progress/raters/0/labelled").asInt()).isEqualTo(1);
		assertThat(p.at("/progress/mine").isNull()).isTrue();
	}

	void expireReservations() {
		jdbc.sql("update reservation set expires_at = ?").param(Timestamp.from(Instant.now().minusSeconds(1))).update();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
