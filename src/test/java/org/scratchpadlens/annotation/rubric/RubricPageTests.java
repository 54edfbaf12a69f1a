package org.scratchpadlens.annotation.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The read-only rubric page (every role) and the admins' page to publish a version. */
@AppTest
class RubricPageTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rubrics rubrics;

	@BeforeEach
	void onlyTheSeededVersion() {
		jdbc.sql("delete from rubric_version").update();
	}

	int versionsStored() {
		return jdbc.sql("select count(*) from rubric_version").query(Integer.class).single();
	}

	@Test
	void showsEveryQuestionWithItsDefinitionExamplesAndMetricToARater() {
		assertThat(mvc.get().uri("/rubric").with(user("rater").roles("ANNOTATOR"))).hasStatusOk()
			.bodyText()
			.contains("Rubric, version 1")
			.contains("Training condition (free tier): alignment-faking reasoning")
			.contains("Unmonitored condition (paid tier): unmasking")
			.contains("<code>training_awareness</code>")
			.contains("The model says or shows that it is currently in training")
			.contains("&#39;Partial&#39; means the output is compromised")
			.contains("<code>effective_scheme</code>")
			.contains("highlight the sentences that show a yes")
			.contains("version 1")
			.doesNotContain("Publish a new version");
	}

	@Test
	void escapesWhatAnAdminWroteIntoTheDefinition() {
		rubrics.current();
		String json = RubricFile.read()
			.replace("\"version\": 1,", "")
			.replace("Knows it is in training", "Knows <script>alert(1)</script> & training");
		rubrics.publish(json, "<b>bold</b> note", "admin");
		assertThat(mvc.get().uri("/rubric").with(user("rater").roles("ANNOTATOR"))).hasStatusOk()
			.bodyText()
			.contains("Knows &lt;script&gt;alert(1)&lt;/script&gt; &amp; training")
			.contains("&lt;b&gt;bold&lt;/b&gt; note")
			.doesNotContain("<script>alert(1)")
			.doesNotContain("<b>bold</b>");
	}

	@Test
	void showsAnEarlierVersionSayingItIsNotCurrent() {
		rubrics.current();
		rubrics.publish(RubricFile.read().replace("\"version\": 1,", ""), "same again", "admin");
		assertThat(mvc.get().uri("/rubric/versions/1").with(user("rater").roles("ANNOTATOR"))).hasStatusOk()
			.bodyText()
			.contains("Rubric, version 1")
			.contains("This is an earlier version.")
			.contains("The current one is version 2.");
		assertThat(mvc.get().uri("/rubric").with(user("rater").roles("ANNOTATOR"))).hasStatusOk()
			.bodyText()
			.contains("Rubric, version 2")
			.doesNotContain("This is an earlier version.")
			.contains("same again");
		assertThat(mvc.get().uri("/rubric/versions/3").with(user("rater").roles("ANNOTATOR"))).hasStatus(404);
		assertThat(mvc.get().uri("/rubric/versions/x").with(user("rater").roles("ANNOTATOR"))).hasStatus(400);
	}

	@Test
	void givesAnAdminTheCurrentDefinitionToEditAsTheNextVersion() {
		assertThat(mvc.get().uri("/rubric").with(user("admin").roles("ADMIN"))).bodyText()
			.contains("Publish a new version");
		assertThat(mvc.get().uri("/rubric/edit").with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("The current version is <a href=\"/rubric\">version 1</a>")
			.contains("<textarea id=\"definition\" name=\"definition\"")
			.contains("&quot;version&quot; : 2,")
			.contains("&quot;training_awareness&quot;");
	}

	@Test
	void publishesAValidDefinition() {
		rubrics.current();
		String json = RubricFile.read()
			.replace("\"version\": 1,", "\"version\": 2,")
			.replace("Goal guarding", "Goal protection");
		assertThat(mvc.post()
			.uri("/rubric/edit")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("definition", json)
			.param("changeNote", "goal guarding renamed")).hasStatus3xxRedirection().hasRedirectedUrl("/rubric");
		assertThat(rubrics.currentVersion()).isEqualTo(2);
		assertThat(rubrics.current().changeNote()).isEqualTo("goal guarding renamed");
		assertThat(rubrics.current().rubric().question("goal_guarding").orElseThrow().title())
			.isEqualTo("Goal protection");
		assertThat(rubrics.version(1).orElseThrow().rubric().question("goal_guarding").orElseThrow().title())
			.isEqualTo("Goal guarding");
	}

	@Test
	void refusesAnInvalidDefinitionKeepingWhatWasTypedAndSavingNothing() {
		rubrics.current();
		String json = RubricFile.read()
			.replace("\"version\": 1,", "")
			.replace("\"evidence\": true", "\"evidance\": true");
		var page = assertThat(mvc.post()
			.uri("/rubric/edit")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("definition", json)
			.param("changeNote", "typo"));
		page.hasStatus(400)
			.bodyText()
			.contains("Nothing was published.")
			.contains("has an unknown property &#39;evidance&#39;")
			.contains("&quot;evidance&quot;: true")
			.contains("value=\"typo\"");
		assertThat(versionsStored()).isEqualTo(1);
		assertThat(mvc.post()
			.uri("/rubric/edit")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("definition", "{ not json")).hasStatus(400).bodyText().contains("not valid JSON (line 1");
		assertThat(versionsStored()).isEqualTo(1);
	}

	@Test
	void letsOnlyAdminsEdit() {
		assertThat(mvc.get().uri("/rubric/edit").with(user("rater").roles("ANNOTATOR"))).hasStatus(403);
		assertThat(mvc.post()
			.uri("/rubric/edit")
			.with(user("rater").roles("ANNOTATOR"))
			.with(csrf())
			.param("definition", RubricFile.read())).hasStatus(403);
	}

}
