package org.scratchpadlens.annotation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What the campaign and label tests share: the sample data, accounts of each role, and
 * JSON calls made as one of them (HTTP Basic).
 */
public abstract class LabellingTestBase extends FreshDatabase {

	public static final String PASSWORD = "labels-password-1";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected AccountService accounts;

	@Autowired
	protected ImportService imports;

	@Autowired
	protected JdbcClient jdbc;

	/** A reply: status, body as text and JSON (null when empty or not JSON), headers. */
	public record Reply(int status, String text, JsonNode json, MockHttpServletResponse response) {

		public JsonNode at(String pointer) {
			return json.at(pointer);
		}

	}

	protected void sampleData() {
		if (jdbc.sql("select count(*) from transcript").query(Long.class).single() == 0) {
			imports.importNow(new ImportRequest(List.of(Path.of("transcripts")), "sample", "test", null),
					ImportProgress.NONE);
		}
	}

	/** Removes every campaign and label (for tests whose blind rules span campaigns). */
	protected void forgetCampaigns() {
		for (String table : List.of("label_span", "label_answer", "label_revision", "label", "label_draft",
				"campaign_skip", "reservation", "campaign_item", "campaign_rater", "campaign")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	protected void user(String name, Role role) {
		if (!accounts.exists(name)) {
			accounts.create(name, PASSWORD, role);
		}
	}

	protected Reply call(HttpMethod method, String path, String user, String body) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path)
			.accept(MediaType.APPLICATION_JSON)
			.with(httpBasic(user, user.equals("admin") ? "admin-test-password" : PASSWORD));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		JsonNode json = null;
		if (!text.isBlank() && text.strip().matches("(?s)^[\\[{].*")) {
			json = JsonMapper.shared().readTree(text);
		}
		return new Reply(response.getStatus(), text, json, response);
	}

	protected Reply get(String path, String user) throws Exception {
		return call(HttpMethod.GET, path, user, null);
	}

	protected Reply post(String path, String user, String body) throws Exception {
		return call(HttpMethod.POST, path, user, body);
	}

	protected Reply put(String path, String user, String body) throws Exception {
		return call(HttpMethod.PUT, path, user, body);
	}

	protected long transcriptId(String run, String split, int fileNumber) {
		return jdbc.sql("""
				select t.id from transcript t join run r on r.id = t.run_id
				where r.path = ? and t.split = ? and t.file_name = ? and t.is_current""")
			.params(run, split, fileNumber + ".json")
			.query(Long.class)
			.single();
	}

}
