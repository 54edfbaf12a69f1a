package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What surrounds the pages: the favicon, the login notices and what Swagger UI says about
 * the API.
 */
@AppTest
class PageChromeTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Test
	void faviconsNeedNoLogin() {
		assertThat(mvc.get().uri("/favicon.ico")).hasStatusOk().contentType().isEqualTo("image/x-icon");
		assertThat(mvc.get().uri("/images/favicon.svg")).hasStatusOk();
	}

	@Test
	void theLoginPageExplainsAnExpiredSession() {
		assertThat(mvc.get().uri("/login?expired")).hasStatusOk()
			.bodyText()
			.contains("Your session expired; log in again.");
		assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().doesNotContain("session expired");
	}

	@Test
	void theApiDescriptionNamesTheApiItsLoginAndReadableGroups() {
		var docs = mvc.get().uri("/api/openapi").with(httpBasic("admin", "admin-test-password"));
		assertThat(docs).hasStatusOk().bodyJson().extractingPath("$.info.title").isEqualTo("Scratchpad Lens API");
		assertThat(docs).bodyJson().extractingPath("$.components.securitySchemes.basicAuth.scheme").isEqualTo("basic");
		assertThat(docs).bodyJson().extractingPath("$.security[0].basicAuth").asArray().isEmpty();
		assertThat(docs).bodyJson().extractingPath("$.paths['/api/runs'].get.tags").asArray().containsExactly("Runs");
		assertThat(docs).bodyJson()
			.extractingPath("$.paths['/api/imports'].get.tags")
			.asArray()
			.containsExactly("Imports");
		assertThat(docs).bodyText().doesNotContain("-api-controller").doesNotContain("OpenAPI definition");
	}

	@Test
	void aSettingChangeIsDocumentedAsTheNoContentItAnswers() {
		var docs = mvc.get().uri("/api/openapi").with(httpBasic("admin", "admin-test-password"));
		assertThat(docs).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths['/api/runs/{id}/setting'].put.responses")
			.asMap()
			.containsOnlyKeys("204", "default");
		assertThat(docs).bodyJson()
			.extractingPath("$.paths['/api/runs/{id}/setting'].put.responses['204']")
			.asMap()
			.doesNotContainKey("content");
	}

	@Test
	void theApiDescriptionDeclaresTheErrorShapeForEveryCall() {
		var docs = mvc.get().uri("/api/openapi").with(httpBasic("admin", "admin-test-password"));
		assertThat(docs).hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.schemas.Error.properties.error.type")
			.isEqualTo("string");
		assertThat(docs).bodyJson()
			.extractingPath("$.components.schemas.Error.required")
			.asArray()
			.containsExactly("error");
		for (String call : new String[] { "$.paths['/api/runs'].get", "$.paths['/api/runs/{id}/setting'].put",
				"$.paths['/api/imports/{id}'].delete" }) {
			assertThat(docs).bodyJson()
				.extractingPath(call + ".responses.default.content['application/json'].schema['$ref']")
				.isEqualTo("#/components/schemas/Error");
		}
		assertThat(docs).bodyJson()
			.extractingPath("$.paths['/api/runs'].get.responses.default.description")
			.asString()
			.contains("404")
			.contains("{\"error\": ");
	}

	@Test
	void swaggerUiShowsTheDescription() {
		var docs = mvc.get().uri("/api/docs").with(httpBasic("admin", "admin-test-password")).exchange();
		assertThat(docs).hasStatus3xxRedirection();
		String ui = docs.getResponse().getRedirectedUrl();
		assertThat(mvc.get().uri(ui).with(httpBasic("admin", "admin-test-password"))).hasStatusOk()
			.bodyText()
			.contains("swagger-ui");
	}

}
