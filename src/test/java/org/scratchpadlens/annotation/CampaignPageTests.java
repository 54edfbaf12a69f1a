package org.scratchpadlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The campaign pages rendered: the form and its errors, the list, one campaign, Label
 * next.
 */
@AppTest
class CampaignPageTests extends LabellingTestBase {

	@BeforeEach
	void setUp() {
		sampleData();
		user("rita", Role.RESEARCHER);
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
	}

	MockHttpServletResponse form(String user, String... params) throws Exception {
		var request = MockMvcRequestBuilders.post("/campaigns")
			.with(httpBasic(user, PASSWORD))
			.with(csrf())
			.accept(MediaType.TEXT_HTML);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	String html(String path, String user) throws Exception {
		MockHttpServletResponse r = mvc
			.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, PASSWORD)).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as(path).isEqualTo(200);
		return r.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theFormCreatesACampaignAndOpensIt() throws Exception {
		MockHttpServletResponse r = form("rita", "name", "From the form", "filter",
				"run=helpful_only%2Fdefault&split=train", "sampleSize", "4", "seed", "3", "ratersPerItem", "2",
				"raters", "ann1", "raters", "ann2", "order", "run", "hideMetrics", "true", "revealAfterSubmit", "true",
				"reservationMinutes", "10");
		assertThat(r.getStatus()).isEqualTo(302);
		long id = jdbc.sql("select id from campaign where name = 'From the form'").query(Long.class).single();
		assertThat(r.getRedirectedUrl()).isEqualTo("/campaigns/" + id + "?created");
		var c = jdbc
			.sql("select item_count, raters_per_item, item_order, hide_metrics, hide_other_labels, "
					+ "mask_condition, reservation_seconds from campaign where id = ?")
			.param(id)
			.query((rs,
					n) -> new Object[] { rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4),
							rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7) })
			.single();
		assertThat(c).containsExactly(4, 2, "run", true, false, false, 600);

		String page = html("/campaigns/" + id, "rita");
		assertThat(page).contains("From the form", "metrics hidden", "10 minutes",
				"run=helpful_only/default&amp;split=train",
				"href=\"/transcripts?run=helpful_only%2Fdefault&amp;split=train\"");
		assertThat(html("/campaigns", "rita")).contains("From the form");
	}

	@Test
	void aRefusedFormComesBackWithTheReasonAndTheValues() throws Exception {
		MockHttpServletResponse r = form("rita", "name", "Kept <name>", "filter", "split=sideways", "ratersPerItem",
				"1", "raters", "ann1");
		assertThat(r.getStatus()).isEqualTo(200);
		String page = r.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("split must be train or deploy", "value=\"Kept &lt;name&gt;\"");
		assertThat(page).containsPattern("value=\"split(=|&#61;)sideways\"");
		assertThat(page).containsPattern("value=\"ann1\"\\s+checked");
	}

	@Test
	void theFormListsAccountsAndBooleanMetrics() throws Exception {
		String page = mvc
			.perform(MockMvcRequestBuilders.get("/campaigns/new")
				.param("filter", "split=train")
				.with(httpBasic("rita", PASSWORD))
				.accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("value=\"ann1\"", "value=\"ann2\"", "<option value=\"effective_scheme\"");
		assertThat(page).containsPattern("value=\"split(=|&#61;)train\"");
		assertThat(page).doesNotContain("<option value=\"pm_score\"");
	}

	@Test
	void labelNextOpensTheReservedItemOrSaysWhyNot() throws Exception {
		form("rita", "name", "One item", "filter", "run=helpful_only%2Fdefault&split=train", "sampleSize", "1",
				"ratersPerItem", "1", "raters", "ann1", "raters", "ann2");
		long id = jdbc.sql("select id from campaign where name = 'One item'").query(Long.class).single();
		long item = jdbc.sql("select transcript_id from campaign_item where campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		var next = MockMvcRequestBuilders.post("/campaigns/" + id + "/next").with(csrf());
		MockHttpServletResponse first = mvc.perform(next.with(httpBasic("ann1", PASSWORD))).andReturn().getResponse();
		assertThat(first.getRedirectedUrl()).isEqualTo("/campaigns/" + id + "/label/" + item);
		var second = mvc
			.perform(MockMvcRequestBuilders.post("/campaigns/" + id + "/next")
				.with(csrf())
				.with(httpBasic("ann2", PASSWORD)))
			.andReturn();
		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/campaigns/" + id);
		assertThat(second.getFlashMap().get("message").toString()).contains("reserved by other raters");
		assertThat(html("/campaigns", "ann2")).contains("everything left is reserved by others");
	}

}
