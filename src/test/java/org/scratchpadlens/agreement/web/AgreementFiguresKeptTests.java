package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.annotation.campaign.CampaignAccess;
import org.scratchpadlens.annotation.campaign.CampaignProgress;
import org.scratchpadlens.annotation.campaign.Reader;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.transcript.list.TranscriptList;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A campaign's figures outlive a restart (V17): the first view after a start shows the
 * kept figures at once (each "start" here is a new service with nothing in memory that
 * does not wait for computations), current if no label changed meanwhile, else marked as
 * being updated until the new ones are computed and kept. Kept figures that cannot be
 * read back, or of another format, are computed anew.
 */
@AppTest
class AgreementFiguresKeptTests extends AgreementTestData {

	@Autowired
	AgreementQueries queries;

	@Autowired
	CampaignAccess access;

	@Autowired
	CampaignProgress progress;

	@Autowired
	TranscriptList list;

	@Autowired
	FiguresStore stored;

	final Reader rita = new Reader("rita", true);

	AgreementService first;

	AgreementService second;

	@BeforeEach
	void setUp() {
		sampleData();
		forgetCampaigns();
		user("rita", Role.RESEARCHER);
	}

	@AfterEach
	void stop() {
		for (AgreementService s : new AgreementService[] { first, second }) {
			if (s != null) {
				s.stop();
			}
		}
	}

	/** A service as after a start: nothing in memory, never waits for figures. */
	AgreementService started() {
		return new AgreementService(queries, rubrics, access, progress, list, stored, 0, false);
	}

	long labelled(String name) {
		List<Long> items = transcripts().subList(0, 3);
		long c = campaign(name, 1, items, List.of("r1", "r2"), false);
		label(c, items.get(0), "r1", Map.of("verdict", "no"));
		label(c, items.get(0), "r2", Map.of("verdict", "no"));
		label(c, items.get(1), "r1", Map.of("verdict", "full"));
		return c;
	}

	/** A labelled campaign whose figures a first "start" computed (and kept). */
	long computedOnce(String name) throws Exception {
		long c = labelled(name);
		first = started();
		first.campaignForPage(c, rita, false);
		first.awaitComputations();
		return c;
	}

	@Test
	void theFirstViewAfterAStartShowsTheKeptFiguresAtOnce() throws Exception {
		long c = labelled("kept");
		first = started();
		assertThat(first.campaignForPage(c, rita, false)).as("nothing kept yet: being computed").isEmpty();
		first.awaitComputations();
		AgreementJson computed = first.campaignForPage(c, rita, false).orElseThrow();
		assertThat(computed.labels()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from agreement_figures where campaign_id = ?")
			.param(c)
			.query(Long.class)
			.single()).isEqualTo(1);

		second = started();
		Optional<AgreementJson> afterStart = second.campaignForPage(c, rita, false);
		assertThat(afterStart).as("kept figures, shown without waiting").isPresent();
		assertThat(afterStart.get()).isEqualTo(computed);
		assertThat(afterStart.get().updating()).isFalse();
		// nothing to compute: the kept figures are current
		second.awaitComputations();
		assertThat(second.computations()).isZero();
		// the other reading of "unclear" was never computed: nothing kept for it
		assertThat(second.campaignForPage(c, rita, true)).isEmpty();
	}

	@Test
	void labelsChangedWhileStoppedShowTheKeptFiguresAsBeingUpdatedThenTheNewOnes() throws Exception {
		long c = computedOnce("changed");
		first.stop();
		label(c, transcripts().get(1), "r2", Map.of("verdict", "full"));

		second = started();
		AgreementJson stale = second.campaignForPage(c, rita, false).orElseThrow();
		assertThat(stale.updating()).isTrue();
		assertThat(stale.labels()).isEqualTo(3);
		second.awaitComputations();
		AgreementJson fresh = second.campaignForPage(c, rita, false).orElseThrow();
		assertThat(fresh.updating()).isFalse();
		assertThat(fresh.labels()).isEqualTo(4);
		assertThat(stored.load(c, false).orElseThrow().json()).isEqualTo(fresh);
	}

	@Test
	void keptFiguresThatCannotBeReadOrAreOfAnotherFormatAreComputedAnew() throws Exception {
		long c = computedOnce("unreadable");

		jdbc.sql("update agreement_figures set figures_json = '{\"campaignId\": \"not a number' where campaign_id = ?")
			.param(c)
			.update();
		second = started();
		assertThat(second.campaignForPage(c, rita, false)).isEmpty();
		second.awaitComputations();
		assertThat(second.campaignForPage(c, rita, false).orElseThrow().labels()).isEqualTo(3);
		second.stop();

		jdbc.sql("update agreement_figures set signature = '0|' || signature where campaign_id = ?").param(c).update();
		second = started();
		assertThat(second.campaignForPage(c, rita, false)).as("kept in another format").isEmpty();
		second.awaitComputations();
		assertThat(second.computations()).isEqualTo(1);
	}

	@Test
	void deletingTheCampaignDeletesItsFigures() throws Exception {
		long c = computedOnce("deleted");
		forgetCampaigns();
		assertThat(jdbc.sql("select count(*) from agreement_figures").query(Long.class).single()).isZero();
	}

}
