package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.DatabaseTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What surrounds the pages: the favicon, the login notices and what Swagger UI says about
 * the API.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
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

}
