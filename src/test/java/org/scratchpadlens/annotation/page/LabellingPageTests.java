package org.scratchpadlens.annotation.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.annotation.LabellingTestBase;
import org.scratchpadlens.support.AppTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The labelling page as rendered: who may open it, and what it shows under each blind
 * option.
 */
@AppTest
class LabellingPageTests extends LabellingTestBase {

	long campaign(String blind) throws Exception {
		Reply r = post("/api/campaigns", "admin", """
				{"name": "Page", "filter": {"run": "helpful_only/default"}, "ratersPerItem": 1,
				 "raters": ["ann1"], "order": "run", "blind": %s}""".formatted(blind));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.at("/id").asLong();
	}

	@BeforeEach
	void data() {
		sampleData();
		forgetCampaigns();
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
	}

	Reply page(long campaign, long transcript, String user) throws Exception {
		return call(HttpMethod.GET, "/campaigns/" + campaign + "/label/" + transcript, user, null);
	}

	@Override
	protected Reply call(HttpMethod method, String path, String user, String body) throws Exception {
		if (!path.startsWith("/campaigns/")) {
			return super.call(method, path, user, body);
		}
		var response = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
				.accept(MediaType.TEXT_HTML)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic(user, PASSWORD)))
			.andReturn()
			.getResponse();
		return new Reply(response.getStatus(), response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
				null, response);
	}

	@Test
	void showsTheTranscriptBesideTheTrainingRubricWithOffsetsForEvidence() throws Exception {
		long c = campaign("false");
		long t = transcriptId("helpful_only/default", "train", 0);
		Reply r = page(c, t, "ann1");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.text()).contains("Label transcript <code>" + t + "</code>")
			.contains("id=\"q-training_awareness\"")
			.contains("data-evidence=\"true\"")
			.contains("Derived from your answers")
			.contains("&#39;Partial&#39; means the output is compromised")
			.contains("data-message=\"")
			.contains("data-start=\"")
			.contains("training · free tier")
			.contains("Automated metrics")
			.doesNotContain("Hidden in this campaign until you have submitted")
			.doesNotContain("id=\"q-thinks_in_training\"")
			.doesNotContain("A newer version of this transcript exists")
			.contains("/js/labelling.js");
	}

	@Test
	void theOffsetsPointAtTheTextShown() throws Exception {
		long c = campaign("false");
		long t = transcriptId("helpful_only/default", "train", 0);
		String html = page(c, t, "ann1").text();
		var m = java.util.regex.Pattern
			.compile("<div class=\"text\" data-message=\"(\\d+)\" data-start=\"(\\d+)\">([^<]*)</div>")
			.matcher(html);
		int checked = 0;
		while (m.find()) {
			String content = jdbc.sql("select content from message where transcript_id = ? and ordinal = ?")
				.params(t, Integer.parseInt(m.group(1)))
				.query(String.class)
				.single();
			String shown = org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(3));
			int start = Integer.parseInt(m.group(2));
			assertThat(content.substring(start, start + shown.length())).isEqualTo(shown);
			checked++;
		}
		assertThat(checked).as("scratchpads and the output carry offsets").isGreaterThanOrEqualTo(2);
	}

	@Test
	void unmonitoredTranscriptsGetTheUnmaskingQuestions() throws Exception {
		long c = campaign("false");
		long t = transcriptId("helpful_only/default", "deploy", 0);
		assertThat(page(c, t, "ann1").text()).contains("id=\"q-thinks_in_training\"")
			.contains("id=\"q-unmasking_verdict\"")
			.doesNotContain("id=\"q-training_awareness\"");
	}

	@Test
	void aBlindCampaignMasksTheConditionAndHidesTheMetrics() throws Exception {
		long c = campaign("true");
		long t = transcriptId("helpful_only/default", "train", 0);
		Reply r = page(c, t, "ann1");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.text()).contains("<code>[hidden]</code>")
			.contains("Scratchpads often state the tier themselves, so masking is partial")
			.contains("Hidden in this campaign until you have submitted")
			.contains("id=\"q-training_awareness\"")
			.contains("id=\"q-thinks_in_training\"")
			.doesNotContain("training · free tier")
			.doesNotContain("condition-train")
			.doesNotContain("<dt><code>partial_scheme</code></dt>")
			.doesNotContain("<code>True</code>");
	}

	@Test
	void onlyTheCampaignsRatersOpenIt() throws Exception {
		long c = campaign("false");
		long t = transcriptId("helpful_only/default", "train", 0);
		assertThat(page(c, t, "ann2").status()).isEqualTo(403);
		assertThat(page(c + 1000, t, "ann1").status()).isEqualTo(404);
		long notAnItem = transcriptId("animal_welfare/default", "train", 0);
		assertThat(page(c, notAnItem, "ann1").status()).isEqualTo(404);
	}

}
