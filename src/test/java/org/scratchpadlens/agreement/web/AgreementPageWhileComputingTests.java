package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The agreement page never waits long for figures (here not at all): while a campaign's
 * first figures are computed it says so and reloads itself; once labels change it shows
 * the last finished figures, marked as being updated; the API waits for the figures.
 */
@AppTest
@TestPropertySource(properties = "scratchpad.agreement.wait-millis=0")
class AgreementPageWhileComputingTests extends AgreementTestData {

	@Autowired
	AgreementService service;

	@BeforeEach
	void setUp() {
		sampleData();
		user("rita", Role.RESEARCHER);
	}

	@Test
	void thePageSaysTheFiguresAreBeingComputedThenShowsThemThenMarksThemAsBeingUpdated() throws Exception {
		List<Long> items = transcripts().subList(0, 3);
		long c = campaign("while computing", 1, items, List.of("r1", "r2"), false);
		label(c, items.get(0), "r1", Map.of("verdict", "no"));
		label(c, items.get(0), "r2", Map.of("verdict", "no"));
		String computing = html("/campaigns/" + c + "/agreement", "rita");
		assertThat(computing).contains("being computed for the first time", "data-reload-after", "/js/reload.js");
		service.awaitComputations();
		String ready = html("/campaigns/" + c + "/agreement", "rita");
		assertThat(ready).contains("2 labels by 2 raters").doesNotContain("data-reload-after");
		label(c, items.get(1), "r1", Map.of("verdict", "full"));
		String updating = html("/campaigns/" + c + "/agreement", "rita");
		assertThat(updating).contains("2 labels by 2 raters", "Labels have changed since these figures",
				"data-reload-after");
		// the API waits for the new figures only as long as the page does: it says which
		Reply api = get("/api/campaigns/" + c + "/agreement", "rita");
		assertThat(api.status()).isEqualTo(200);
		service.awaitComputations();
		Reply now = get("/api/campaigns/" + c + "/agreement", "rita");
		assertThat(now.at("/updating").asBoolean()).isFalse();
		assertThat(now.at("/labels").asInt()).isEqualTo(3);
		assertThat(html("/campaigns/" + c + "/agreement", "rita")).contains("3 labels by 2 raters")
			.doesNotContain("data-reload-after");
	}

}
