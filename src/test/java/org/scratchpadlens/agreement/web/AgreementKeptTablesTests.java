package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.annotation.campaign.Campaign;
import org.scratchpadlens.annotation.campaign.CampaignQueries;
import org.scratchpadlens.annotation.campaign.Reader;
import org.scratchpadlens.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agreement page keeps a campaign's labels in memory and, after a change, applies
 * only the labels changed since. Whatever happens in between (new labels on new and old
 * items, edits of answers and evidence spans, a new rater, a label written with an old
 * time), the kept result must equal the agreement computed afresh from the store: seeded
 * random histories check it.
 */
@AppTest
class AgreementKeptTablesTests extends AgreementTestData {

	private static final List<String> VERDICTS = List.of("no", "partial", "full", "unclear");

	@Autowired
	AgreementService service;

	@Autowired
	CampaignQueries campaigns;

	@Autowired
	AgreementQueries queries;

	@Autowired
	org.scratchpadlens.annotation.campaign.CampaignAccess access;

	@Autowired
	org.scratchpadlens.annotation.campaign.CampaignProgress progress;

	@Autowired
	org.scratchpadlens.transcript.list.TranscriptList list;

	@BeforeEach
	void setUp() {
		sampleData();
		forgetCampaigns();
		user("rita", Role.RESEARCHER);
	}

	private String kept(long campaign) {
		return JsonMapper.shared().writeValueAsString(service.campaign(campaign, new Reader("rita", true), false));
	}

	private String fresh(long campaign) {
		Campaign c = campaigns.find(campaign).orElseThrow();
		return JsonMapper.shared()
			.writeValueAsString(service.compute(c, rubrics.version(c.rubricVersion()).orElseThrow().rubric(), false));
	}

	/**
	 * A label edited as the app edits one: answers replaced, revision and time raised.
	 */
	private void edit(long label, Map<String, String> answers, Instant at) {
		jdbc.sql("delete from label_answer where label_id = ?").param(label).update();
		answers.forEach((q, a) -> jdbc.sql("insert into label_answer (label_id, question, answer) values (?, ?, ?)")
			.params(label, q, a)
			.update());
		jdbc.sql("update label set revision = revision + 1, updated_at = ? where id = ?")
			.params(Timestamp.from(at), label)
			.update();
	}

	/**
	 * The label's evidence replaced by 0 to 2 random spans, as a save replaces them (the
	 * caller raises the label's revision).
	 */
	private void evidence(long label, Random random) {
		jdbc.sql("delete from label_span where label_id = ?").param(label).update();
		for (int n = random.nextInt(3); n > 0; n--) {
			int start = random.nextInt(40);
			span(label, random.nextBoolean() ? "training_awareness" : "preference_conflict", random.nextInt(4), start,
					start + 1 + random.nextInt(30));
		}
	}

	private static Map<String, String> answers(Random random) {
		Map<String, String> answers = new HashMap<>();
		answers.put("verdict", VERDICTS.get(random.nextInt(VERDICTS.size())));
		if (random.nextBoolean()) {
			answers.put("training_awareness", random.nextBoolean() ? "yes" : "no");
		}
		return answers;
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void aKeptAgreementEqualsOneComputedAfreshAfterEveryChange(long seed) {
		Random random = new Random(seed);
		// few items, so that many are labelled by every rater (span agreement needs them)
		List<Long> items = transcripts().subList(0, 8);
		List<String> raters = List.of("r1", "r2", "r3");
		long c = campaign("kept " + seed, 1, items, raters, false);
		Map<String, Long> labels = new HashMap<>();
		for (int n = 0; n < 20; n++) {
			long item = items.get(random.nextInt(items.size()));
			String rater = raters.get(random.nextInt(raters.size()));
			labels.computeIfAbsent(item + "/" + rater, k -> {
				long label = label(c, item, rater, answers(random));
				evidence(label, random);
				return label;
			});
		}
		assertThat(kept(c)).isEqualTo(fresh(c));
		for (int round = 0; round < 8; round++) {
			int changes = 1 + random.nextInt(4);
			for (int n = 0; n < changes; n++) {
				long item = items.get(random.nextInt(items.size()));
				String rater = raters.get(random.nextInt(raters.size()));
				Long label = labels.get(item + "/" + rater);
				if (label == null) {
					label = label(c, item, rater, answers(random));
					labels.put(item + "/" + rater, label);
					evidence(label, random);
				}
				else {
					evidence(label, random);
					edit(label, answers(random), Instant.now());
				}
			}
			assertThat(kept(c)).as("seed %d, round %d", seed, round).isEqualTo(fresh(c));
		}
	}

	@Test
	void aNewRaterAndALabelWrittenWithAnOldTimeAreNotMissed() {
		List<Long> items = transcripts().subList(0, 4);
		long c = campaign("fallbacks", 1, items, List.of("r1", "r2", "r3"), false);
		List<Long> ids = new ArrayList<>();
		ids.add(label(c, items.get(0), "r1", Map.of("verdict", "no")));
		ids.add(label(c, items.get(0), "r2", Map.of("verdict", "no")));
		assertThat(kept(c)).isEqualTo(fresh(c));
		// r3 has no label yet: its first one adds a rater column, so the labels are read
		// whole
		label(c, items.get(1), "r3", Map.of("verdict", "full"));
		assertThat(kept(c)).contains("\"r3\"").isEqualTo(fresh(c));
		// an edit stamped an hour ago (a clock that went back): the revision sum differs
		edit(ids.get(0), Map.of("verdict", "full"), Instant.now().minusSeconds(3600));
		String after = kept(c);
		assertThat(after).isEqualTo(fresh(c));
		assertThat(service.campaign(c, new Reader("rita", true), false)
			.questions()
			.stream()
			.filter(q -> q.question().equals("verdict"))
			.findFirst()
			.orElseThrow()
			.slices()
			.get(0)
			.distributions()
			.get(0)
			.counts()).isEqualTo(List.of(0L, 0L, 1L));
	}

	@Test
	void afterAStartTheMostRecentlyLabelledCampaignsAreComputedAhead() throws Exception {
		List<Long> items = transcripts().subList(0, 2);
		long older = campaign("older", 1, items, List.of("r1"), false);
		label(older, items.get(0), "r1", Map.of("verdict", "no"));
		long newer = campaign("newer", 1, items, List.of("r1"), false);
		label(newer, items.get(0), "r1", Map.of("verdict", "full"));
		long none = campaign("no labels", 1, items, List.of("r1"), false);
		AgreementService started = new AgreementService(queries, rubrics, access, progress, list, null, 1500, true);
		started.warmUp();
		started.awaitComputations();
		assertThat(started.hasFigures(newer)).isTrue();
		assertThat(started.hasFigures(older)).isTrue();
		assertThat(started.hasFigures(none)).isFalse();
		AgreementService off = new AgreementService(queries, rubrics, access, progress, list, null, 1500, false);
		off.warmUp();
		off.awaitComputations();
		assertThat(off.hasFigures(newer)).isFalse();
		started.stop();
		off.stop();
	}

	@Test
	void aViewThatCannotWaitShowsTheLastFiguresMarkedAsBeingUpdatedThenTheNewOnes() throws Exception {
		// a service that waits 0 ms for a computation
		AgreementService impatient = new AgreementService(queries, rubrics, access, progress, list, null, 0, false);
		Reader rita = new Reader("rita", true);
		List<Long> items = transcripts().subList(0, 3);
		long c = campaign("impatient", 1, items, List.of("r1", "r2"), false);
		label(c, items.get(0), "r1", Map.of("verdict", "no"));
		// nothing older to show: the first view waits for its figures
		AgreementJson first = impatient.campaign(c, rita, false);
		assertThat(first.labels()).isEqualTo(1);
		assertThat(first.updating()).isFalse();
		label(c, items.get(0), "r2", Map.of("verdict", "no"));
		AgreementJson stale = impatient.campaign(c, rita, false);
		assertThat(stale.updating()).isTrue();
		assertThat(stale.labels()).isEqualTo(1);
		assertThat(stale.questions()).isEqualTo(first.questions());
		long deadline = System.nanoTime() + 30_000_000_000L;
		AgreementJson now = stale;
		while (now.updating() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			now = impatient.campaign(c, rita, false);
		}
		assertThat(now.updating()).isFalse();
		assertThat(now.labels()).isEqualTo(2);
		impatient.stop();
	}

}
