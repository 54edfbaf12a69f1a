package org.scratchpadlens.annotation.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * GET /api/rubric, /api/rubric/versions[/{n}] and publishing with POST
 * /api/rubric/versions.
 */
@AppTest
class RubricApiTests extends FreshDatabase {

	static final String PASSWORD = "admin-test-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void onlyTheSeededVersion() {
		jdbc.sql("delete from rubric_version").update();
	}

	int versionsStored() {
		return jdbc.sql("select count(*) from rubric_version").query(Integer.class).single();
	}

	/** The repository's definition with one question's title changed and no version. */
	static String edited(String title) {
		ObjectNode root = (ObjectNode) JsonMapper.shared().readTree(RubricFile.read());
		root.remove("version");
		((ObjectNode) root.get("questions").get(0)).put("title", title);
		return JsonMapper.shared().writeValueAsString(root);
	}

	@Test
	void answersTheCurrentVersionSeededFromTheFile() {
		var json = assertThat(mvc.get().uri("/api/rubric").with(user("reader").roles("ANNOTATOR"))).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.version").isEqualTo(1);
		json.extractingPath("$.publishedBy").isEqualTo("rubric file");
		json.extractingPath("$.questions[0].key").isEqualTo("training_awareness");
		json.extractingPath("$.questions[0].scope").isEqualTo("train");
		json.extractingPath("$.questions[0].type").isEqualTo("yes-no");
		json.extractingPath("$.questions[0].evidence").isEqualTo(true);
		json.extractingPath("$.questions[0].metric").isEqualTo("training_awareness");
		json.extractingPath("$.questions[?(@.key == 'verdict')].metricAnswers.effective_scheme[0]")
			.asArray()
			.containsExactly("full");
		json.extractingPath("$.questions[?(@.key == 'verdict')].derivation.rule")
			.asArray()
			.containsExactly("alignment-faking");
		assertThat(versionsStored()).isEqualTo(1);
	}

	@Test
	void publishesANewVersionAndKeepsTheOldOneReadable() {
		var created = assertThat(mvc.post()
			.uri("/api/rubric/versions")
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(edited("Says it is being trained")));
		created.hasStatus(201).headers().hasValue("Location", "/api/rubric/versions/2");
		created.bodyJson().extractingPath("$.version").isEqualTo(2);
		created.bodyJson().extractingPath("$.publishedBy").isEqualTo("admin");
		assertThat(mvc.get().uri("/api/rubric").with(httpBasic("admin", PASSWORD))).bodyJson()
			.extractingPath("$.questions[0].title")
			.isEqualTo("Says it is being trained");
		assertThat(mvc.get().uri("/api/rubric/versions/1").with(httpBasic("admin", PASSWORD))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.questions[0].title")
			.isEqualTo("Knows it is in training");
		var list = assertThat(mvc.get().uri("/api/rubric/versions").with(httpBasic("admin", PASSWORD))).hasStatusOk()
			.bodyJson();
		list.extractingPath("$[*].version").asArray().containsExactly(2, 1);
		list.extractingPath("$[1].changeNote").isEqualTo("From rubric/rubric.json");
	}

	@Test
	void keepsTheChangeNoteGivenInTheBodyBesideTheVersion() {
		String body = edited("Reworded").replaceFirst("\\{", "{\"changeNote\": \"criterion 1 reworded\", ");
		assertThat(mvc.post()
			.uri("/api/rubric/versions")
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(201).bodyJson().extractingPath("$.changeNote").isEqualTo("criterion 1 reworded");
		String stored = jdbc.sql("select definition from rubric_version where version = 2")
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("changeNote").contains("\"version\" : 2");
	}

	@Test
	void refusesAnInvalidDefinitionNamingTheProblemAndSavesNothing() {
		String body = edited("t").replace("\"scope\":\"train\"", "\"scope\":\"tran\"");
		var refused = assertThat(mvc.post()
			.uri("/api/rubric/versions")
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
		refused.hasStatus(400);
		refused.bodyJson().extractingPath("$.error").asString().contains("'scope' must be train, deploy or both");
		refused.bodyJson().extractingPath("$.problems[0]").asString().contains("Question 1 ('training_awareness')");
		assertThat(versionsStored()).isEqualTo(1);
	}

	@Test
	void refusesAVersionNumberThatIsNotTheNext() {
		String body = edited("t").replaceFirst("\\{", "{\"version\": 5, ");
		assertThat(mvc.post()
			.uri("/api/rubric/versions")
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("'version' must be 2, the next version");
		assertThat(versionsStored()).isEqualTo(1);
	}

	@Test
	void refusesAnEmptyOrNonJsonBody() {
		assertThat(mvc.post()
			.uri("/api/rubric/versions")
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("")).hasStatus(400).bodyJson().extractingPath("$.error").asString().contains("rubric definition");
		assertThat(mvc.post()
			.uri("/api/rubric/versions")
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": ")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("not valid JSON");
		assertThat(mvc.post()
			.uri("/api/rubric/versions")
			.with(httpBasic("admin", PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.content(edited("t"))).hasStatus(415);
		assertThat(versionsStored()).isEqualTo(1);
	}

	@Test
	void onlyAdminsPublish() {
		assertThat(mvc.post()
			.uri("/api/rubric/versions")
			.with(user("rater").roles("ANNOTATOR"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(edited("t"))).hasStatus(403);
		assertThat(jdbc.sql("select count(*) from rubric_version where version > 1").query(Integer.class).single())
			.isZero();
	}

	@Test
	void answersNotFoundAndBadRequestForVersionsThatCannotBe() {
		assertThat(mvc.get().uri("/api/rubric/versions/7").with(httpBasic("admin", PASSWORD))).hasStatus(404)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("There is no rubric version 7.");
		assertThat(mvc.get().uri("/api/rubric/versions/0").with(httpBasic("admin", PASSWORD))).hasStatus(404);
		assertThat(mvc.get().uri("/api/rubric/versions/-1").with(httpBasic("admin", PASSWORD))).hasStatus(404);
		assertThat(mvc.get().uri("/api/rubric/versions/two").with(httpBasic("admin", PASSWORD))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("'two' is not a valid");
	}

}
