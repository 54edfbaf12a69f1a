package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.scratchpadlens.agreement.web.AgreementTests.question;
import static org.scratchpadlens.agreement.web.AgreementTests.slice;
import static org.scratchpadlens.agreement.web.AgreementTests.stat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;

/**
 * The agreement of every label on the transcripts a list filter selects
 * ({@code /agreement?<filter>}, {@code /api/agreement}, {@code /agreement.csv}): the same
 * figures as the campaign's on the same labels (Cohen's published example), narrowed by
 * the filter, the newest label of a rater who labelled a transcript twice, what a reader
 * rates blind left out, and refusals.
 */
@AppTest
class AgreementOverAFilterTests extends AgreementTestData {

	@BeforeEach
	void setUp() {
		sampleData();
		forgetCampaigns();
		user("rita", Role.RESEARCHER);
	}

	JsonNode agreement(String query) throws Exception {
		Reply r = get("/api/agreement" + query, "rita");
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json();
	}

	long cohensTable() throws Exception {
		return loadTable("cohen_wikipedia_2x2_expanded.csv", "training_awareness", Map.of("Yes", "yes", "No", "no"), "",
				1);
	}

	@Test
	void everyTranscriptGivesTheCampaignsPublishedKappaAndAFilterNarrowsIt() throws Exception {
		long c = cohensTable();
		JsonNode all = agreement("");
		assertThat(all.get("campaignId").isNull()).isTrue();
		assertThat(all.get("campaign").asString()).isEqualTo("Every transcript");
		assertThat(all.get("filter").asString()).isEmpty();
		assertThat(all.get("items").asInt()).isEqualTo(transcripts().size());
		assertThat(all.get("labelledItems").asInt()).isEqualTo(50);
		assertThat(all.get("labels").asInt()).isEqualTo(100);
		assertThat(all.get("olderLabels").asInt()).isZero();
		JsonNode s = slice(question(all, "training_awareness"), "all", null);
		assertThat(stat(s, "cohen_kappa").get("value").asDouble()).isCloseTo(0.4, within(1e-12));
		assertThat(stat(s, "cohen_kappa").get("items").asInt()).isEqualTo(50);
		assertThat(s.get("confusions").get(0).get("counts").toString()).isEqualTo("[[20,5],[10,15]]");
		// the campaign's own page says the same
		JsonNode campaign = get("/api/campaigns/" + c + "/agreement", "rita").json();
		assertThat(stat(slice(question(campaign, "training_awareness"), "all", null), "cohen_kappa").toString())
			.isEqualTo(stat(s, "cohen_kappa").toString());

		// the first 50 transcripts are the 40 training-condition ones and 10 unmonitored
		JsonNode train = agreement("?split=train");
		assertThat(train.get("campaign").asString()).isEqualTo("Transcripts where split = train");
		assertThat(train.get("filter").asString()).isEqualTo("split=train");
		assertThat(train.get("items").asInt()).isEqualTo(transcripts("train").size());
		assertThat(train.get("labelledItems").asInt()).isEqualTo(40);
		JsonNode t = question(train, "training_awareness");
		assertThat(slice(t, "all", null).get("answered").asInt()).isEqualTo(40);
		// no unmonitored transcript is in the filter: no slice of them
		assertThat(t.get("slices").findValuesAsString("condition")).doesNotContain("deploy");
		JsonNode deploy = agreement("?split=deploy");
		assertThat(deploy.get("labelledItems").asInt()).isEqualTo(10);
	}

	@Test
	void aRaterWhoLabelledATranscriptInTwoCampaignsCountsOnceWithTheirNewestLabel() throws Exception {
		long item = transcripts("train").get(0);
		long first = campaign("first", 1, List.of(item), List.of("r1", "r2"), false);
		long second = campaign("second", 1, List.of(item), List.of("r1"), false);
		long old = label(first, item, "r1", Map.of("verdict", "full"));
		label(first, item, "r2", Map.of("verdict", "no"));
		jdbc.sql("update label set updated_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(3600)), old)
			.update();
		label(second, item, "r1", Map.of("verdict", "no"));
		JsonNode json = agreement("?split=train");
		assertThat(json.get("labels").asInt()).isEqualTo(2);
		assertThat(json.get("olderLabels").asInt()).isEqualTo(1);
		assertThat(json.get("raters").toString()).isEqualTo("[\"r1\",\"r2\"]");
		JsonNode s = slice(question(json, "verdict"), "all", null);
		assertThat(stat(s, "percent_agreement").get("value").asDouble()).isEqualTo(1.0);
		assertThat(s.get("distributions").get(0).get("counts").toString()).isEqualTo("[1,0,0]");
		assertThat(html("/agreement?split=train", "rita")).contains("1 older label left out");
	}

	@Test
	void whatTheReaderRatesBlindIsLeftOutAndCounted() throws Exception {
		List<Long> items = transcripts("train").subList(0, 2);
		long open = campaign("open", 1, items, List.of("r1", "r2"), false);
		for (long item : items) {
			label(open, item, "r1", Map.of("verdict", "no"));
			label(open, item, "r2", Map.of("verdict", "no"));
		}
		// rita rates the first item in a campaign that hides the other labels (not the
		// metrics, so the list itself still shows it)
		long blind = campaign("blind", 1, items.subList(0, 1), List.of("rita", "r3"), true);
		jdbc.sql("update campaign set hide_metrics = false where id = ?").param(blind).update();
		label(blind, items.get(0), "r3", Map.of("verdict", "full"));
		JsonNode json = agreement("?split=train");
		assertThat(json.get("leftOutBlind").asInt()).isEqualTo(1);
		assertThat(json.get("items").asInt()).isEqualTo(transcripts("train").size() - 1);
		assertThat(json.get("labelledItems").asInt()).isEqualTo(1);
		assertThat(json.get("raters").toString()).doesNotContain("r3");
		assertThat(html("/agreement?split=train", "rita")).contains("1 transcript you rate blind is left out");
		// someone who does not rate there sees every label
		user("ross", Role.RESEARCHER);
		JsonNode ross = get("/api/agreement?split=train", "ross").json();
		assertThat(ross.get("leftOutBlind").asInt()).isZero();
		assertThat(ross.get("labels").asInt()).isEqualTo(5);
		// once rita has labelled it, hers and the others count for her too
		jdbc.sql("update campaign set reveal_after_submit = true where id = ?").param(blind).update();
		label(blind, items.get(0), "rita", Map.of("verdict", "full"));
		assertThat(agreement("?split=train").get("labels").asInt()).isEqualTo(6);
		// a campaign that hides the metrics: the list already leaves the item out
		long hidden = campaign("hidden", 1, items.subList(1, 2), List.of("rita"), true);
		JsonNode narrowed = agreement("?split=train");
		assertThat(narrowed.get("items").asInt()).isEqualTo(transcripts("train").size() - 1);
		assertThat(narrowed.get("labelledItems").asInt()).isEqualTo(1);
		assertThat(hidden).isPositive();
	}

	@Test
	void thePageTheCsvAndTheListLinkCarryTheFilter() throws Exception {
		cohensTable();
		String page = html("/agreement?split=train", "rita");
		assertThat(page).contains("Transcripts where split = train",
				"of the " + transcripts("train").size() + " transcripts this filter selects",
				"href=\"/agreement.csv?split=train\"", "href=\"/api/agreement?split=train\"",
				"href=\"/agreement?split=train&amp;unclear=category\"", "href=\"/transcripts?split=train\"");
		assertThat(page).doesNotContain("Adjudicate the disagreements");
		assertThat(html("/agreement?split=train&unclear=category", "rita")).contains("href=\"/agreement?split=train\"",
				"counts as a category");
		assertThat(html("/transcripts?split=train", "rita")).contains("href=\"/agreement?split=train\"");

		List<CSVRecord> rows = agreementCsv(get("/agreement.csv?split=train", "rita"));
		assertThat(csvRow(rows, "training_awareness", "all", "percent_agreement").get("items")).isEqualTo("40");
	}

	@Test
	void annotatorsAreRefusedAndBadParametersSaySo() throws Exception {
		user("anna", Role.ANNOTATOR);
		assertThat(get("/api/agreement", "anna").status()).isEqualTo(403);
		assertThat(get("/agreement.csv", "anna").status()).isEqualTo(403);
		assertThat(page("/agreement", "anna")).isEqualTo(403);
		Reply badUnclear = get("/api/agreement?unclear=maybe", "rita");
		assertThat(badUnclear.status()).isEqualTo(400);
		assertThat(badUnclear.at("/error").asString()).contains("unclear must be missing or category");
		Reply badFilter = get("/api/agreement?metric.no_such_metric=true", "rita");
		assertThat(badFilter.status()).as(badFilter.text()).isEqualTo(400);
		assertThat(badFilter.at("/error").asString()).contains("no_such_metric");
		assertThat(page("/agreement?metric.no_such_metric=true", "rita")).isEqualTo(400);
		// no label anywhere: every statistic undefined, the page still renders
		JsonNode empty = agreement("");
		assertThat(empty.get("labels").asInt()).isZero();
		assertThat(
				stat(slice(question(empty, "verdict"), "all", null), "krippendorff_alpha").get("undefined").asString())
			.isNotBlank();
		assertThat(html("/agreement", "rita")).contains("Every transcript", "undefined");
	}

}
