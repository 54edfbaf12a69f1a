package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default, checked the long way: every endpoint Spring MVC knows (read from its
 * handler mapping, so a new one is walked without anyone adding it here), called by
 * nobody and each role (annotator, researcher, admin), each with a browser session and
 * with HTTP Basic, must answer as the table below says. An endpoint missing from the
 * table fails; so does one the table names that no longer exists. Two endpoints exist
 * only in this test, as if someone had forgotten to give them a rule: they must be closed
 * to everybody.
 */
@ActiveProfiles("test")
@SpringBootTest
@AutoConfigureMockMvc
@Import(RoleWalkTests.Forgotten.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleWalkTests extends FreshDatabase {

	/**
	 * Who may call what. {@code *} is an endpoint that takes any method (it is called
	 * with GET and POST). Ids in paths are called with an id that does not exist, so an
	 * allowed change finds nothing to change.
	 */
	static final String ENDPOINTS = """
			GET    /                               BROWSERS
			GET    /login                          ANYONE
			*      /error                          ANYONE
			GET    /imports                        BROWSERS
			GET    /imports/new                    IMPORTERS
			POST   /imports                        IMPORTERS
			GET    /imports/{id}                   BROWSERS
			GET    /imports/{id}/progress          BROWSERS
			POST   /imports/{id}/delete            IMPORTERS
			POST   /runs/{id}/setting              ADMINS
			GET    /api/runs                       BROWSERS
			GET    /api/runs/totals                BROWSERS
			GET    /dashboard                      BROWSERS
			GET    /api/dashboard                  BROWSERS
			GET    /api/runs/{id}/pairs            BROWSERS
			PUT    /api/runs/{id}/setting          ADMINS
			GET    /transcripts                    BROWSERS
			POST   /transcripts/views              BROWSERS
			POST   /transcripts/views/{id}/delete  BROWSERS
			GET    /api/transcripts                BROWSERS
			GET    /api/transcripts/facets         BROWSERS
			GET    /api/imports                    BROWSERS
			GET    /api/imports/{id}               BROWSERS
			GET    /api/imports/{id}/files         BROWSERS
			DELETE /api/imports/{id}               IMPORTERS
			POST   /samples/delete                 ADMINS
			DELETE /api/samples                    ADMINS
			GET    /transcripts/{id}               BROWSERS
			GET    /transcripts/{id}/side-by-side  BROWSERS
			GET    /api/transcripts/{id}           BROWSERS
			GET    /documents                      BROWSERS
			GET    /documents/{id}                 BROWSERS
			GET    /api/documents                  BROWSERS
			GET    /api/documents/{id}             BROWSERS
			GET    /prompts                        BROWSERS
			GET    /prompts/{id}                   BROWSERS
			GET    /prompts/diff                   BROWSERS
			GET    /prompts/diff.patch             BROWSERS
			GET    /api/prompts                    BROWSERS
			GET    /api/prompts/{id}               BROWSERS
			GET    /api/prompts/diff               BROWSERS
			GET    /api/openapi                    EVERYONE
			GET    /api/openapi.yaml               EVERYONE
			GET    /api/openapi/swagger-config     EVERYONE
			GET    /api/docs                       EVERYONE
			GET    /users                          ADMINS
			POST   /users                          ADMINS
			GET    /users/{username}               ADMINS
			POST   /users/{username}/role          ADMINS
			POST   /users/{username}/deactivate    ADMINS
			POST   /users/{username}/reactivate    ADMINS
			POST   /users/{username}/password      ADMINS
			GET    /api/users                      ADMINS
			POST   /api/users                      ADMINS
			PUT    /api/users/{username}/role      ADMINS
			POST   /api/users/{username}/deactivate ADMINS
			POST   /api/users/{username}/reactivate ADMINS
			PUT    /api/users/{username}/password  ADMINS
			GET    /account/password               EVERYONE
			POST   /account/password               EVERYONE
			PUT    /api/account/password           EVERYONE
			GET    /rubric                         EVERYONE
			GET    /campaigns/{campaignId}/label/{transcriptId}  EVERYONE
			GET    /rubric/versions/{version}      EVERYONE
			GET    /rubric/edit                    ADMINS
			POST   /rubric/edit                    ADMINS
			GET    /api/rubric                     EVERYONE
			GET    /api/rubric/versions            EVERYONE
			GET    /api/rubric/versions/{version}  EVERYONE
			POST   /api/rubric/versions            ADMINS
			GET    /campaigns                      EVERYONE
			GET    /campaigns/new                  BROWSERS
			POST   /campaigns                      BROWSERS
			GET    /campaigns/{id}                 EVERYONE
			POST   /campaigns/{id}/next            EVERYONE
			GET    /api/campaigns                  EVERYONE
			POST   /api/campaigns                  BROWSERS
			GET    /api/campaigns/{id}             EVERYONE
			POST   /api/campaigns/{id}/next        EVERYONE
			POST   /api/campaigns/{id}/items/{transcriptId}/skip   EVERYONE
			GET    /api/campaigns/{id}/items/{transcriptId}/view   EVERYONE
			GET    /api/campaigns/{id}/items/{transcriptId}/draft  EVERYONE
			PUT    /api/campaigns/{id}/items/{transcriptId}/draft  EVERYONE
			POST   /api/transcripts/{id}/labels    EVERYONE
			GET    /api/transcripts/{id}/labels    EVERYONE
			GET    /api/labels/{id}                EVERYONE
			PUT    /api/labels/{id}                EVERYONE
			GET    /api/labels/{id}/history        EVERYONE
			GET    /campaigns/{id}/agreement       BROWSERS
			GET    /campaigns/{id}/agreement.csv   BROWSERS
			GET    /api/campaigns/{id}/agreement   BROWSERS
			GET    /agreement                      BROWSERS
			GET    /agreement.csv                  BROWSERS
			GET    /api/agreement                  BROWSERS
			GET    /campaigns/{id}/corrected-rates BROWSERS
			GET    /api/campaigns/{id}/corrected-rates BROWSERS
			GET    /dashboard/corrected-rates      BROWSERS
			GET    /campaigns/{id}/adjudication    BROWSERS
			GET    /campaigns/{id}/adjudication/{transcriptId}  BROWSERS
			POST   /campaigns/{id}/adjudication/{transcriptId}/gold  BROWSERS
			POST   /campaigns/{id}/adjudication/{transcriptId}/gold/withdraw  BROWSERS
			GET    /api/campaigns/{id}/adjudication  BROWSERS
			GET    /api/campaigns/{id}/items/{transcriptId}/gold  BROWSERS
			PUT    /api/campaigns/{id}/items/{transcriptId}/gold  BROWSERS
			DELETE /api/campaigns/{id}/items/{transcriptId}/gold  BROWSERS
			GET    /export/labels.csv              BROWSERS
			GET    /export/labels.jsonl            BROWSERS
			GET    /export/transcripts.csv         BROWSERS
			GET    /export/transcripts.jsonl       BROWSERS
			GET    /export/ratings.csv             BROWSERS
			POST   /api/labels/import              BROWSERS
			GET    /campaigns/{id}/import          BROWSERS
			POST   /campaigns/{id}/import          BROWSERS
			GET    /test-only/forgotten            NOBODY
			POST   /api/test-only/forgotten        NOBODY
			""";

	/**
	 * Addresses no controller method answers: files, and what does not exist (a logged-in
	 * user is told "not found", or which methods are allowed).
	 */
	static final String OTHER_ADDRESSES = """
			GET    /css/app.css                               ANYONE
			GET    /favicon.ico                               ANYONE
			GET    /images/favicon.svg                        ANYONE
			GET    /webjars/htmx.org/dist/htmx.min.js         ANYONE
			GET    /js/confirm.js                             EVERYONE
			GET    /js/transcript-keys.js                     EVERYONE
			GET    /css/transcript.css                        ANYONE
			GET    /js/dashboard.js                           EVERYONE
			GET    /webjars/chart.js/dist/chart.umd.min.js    BROWSERS
			GET    /css/documents.css                         ANYONE
			GET    /css/list.css                              ANYONE
			GET    /css/account.css                           ANYONE
			GET    /css/campaigns.css                         ANYONE
			GET    /js/list.js                                EVERYONE
			GET    /api/swagger-ui/index.html                 EVERYONE
			GET    /webjars/swagger-ui/index.html             EVERYONE
			GET    /no-such-page                              EVERYONE
			GET    /api/no-such-endpoint                      EVERYONE
			GET    /export/runs.csv                           EVERYONE
			POST   /api/imports                               EVERYONE
			GET    /css/rubric.css                            ANYONE
			GET    /css/agreement.css                         ANYONE
			GET    /css/adjudication.css                      ANYONE
			GET    /js/adjudicate.js                          EVERYONE
			GET    /css/labelling.css                         ANYONE
			GET    /js/labelling.js                           EVERYONE
			GET    /js/reload.js                              EVERYONE
			GET    /css/export.css                            ANYONE
			""";

	enum Access {

		ANYONE(EnumSet.allOf(Role.class)), EVERYONE(EnumSet.allOf(Role.class)),
		BROWSERS(EnumSet.of(Role.ADMIN, Role.RESEARCHER)), IMPORTERS(EnumSet.of(Role.ADMIN)),
		ADMINS(EnumSet.of(Role.ADMIN)), NOBODY(EnumSet.noneOf(Role.class));

		final Set<Role> roles;

		Access(Set<Role> roles) {
			this.roles = roles;
		}

	}

	enum Caller {

		ANONYMOUS(null, false), ANNOTATOR_SESSION(Role.ANNOTATOR, false), ANNOTATOR_BASIC(Role.ANNOTATOR, true),
		RESEARCHER_SESSION(Role.RESEARCHER, false), RESEARCHER_BASIC(Role.RESEARCHER, true),
		ADMIN_SESSION(Role.ADMIN, false), ADMIN_BASIC(Role.ADMIN, true);

		final Role role;

		final boolean basic;

		Caller(Role role, boolean basic) {
			this.role = role;
			this.basic = basic;
		}

		String username() {
			return role == Role.ADMIN ? "admin" : "walker-" + role.name().toLowerCase(java.util.Locale.ROOT);
		}

		String password() {
			return role == Role.ADMIN ? "admin-test-password" : "walker-password";
		}

	}

	/** Endpoints that exist only here, as if someone had forgotten their rule. */
	@Controller
	static class Forgotten {

		@GetMapping("/test-only/forgotten")
		@ResponseBody
		String page() {
			return "this should never be seen";
		}

		@PostMapping("/api/test-only/forgotten")
		@ResponseBody
		String call() {
			return "this should never be seen";
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping controllers;

	@Autowired
	AccountService accounts;

	/** The session cookie of each role's login (sessions live in the database). */
	final Map<Role, Cookie> sessions = new LinkedHashMap<>();

	@BeforeAll
	void logIn() throws Exception {
		accounts.create(Caller.ANNOTATOR_SESSION.username(), "walker-password", Role.ANNOTATOR);
		accounts.create(Caller.RESEARCHER_SESSION.username(), "walker-password", Role.RESEARCHER);
		for (Caller caller : List.of(Caller.ANNOTATOR_SESSION, Caller.RESEARCHER_SESSION, Caller.ADMIN_SESSION)) {
			var login = mvc
				.perform(MockMvcRequestBuilders.post("/login")
					.param("username", caller.username())
					.param("password", caller.password())
					.with(csrf()))
				.andReturn();
			assertThat(login.getResponse().getRedirectedUrl()).as("login of " + caller)
				.isEqualTo(caller.role == Role.ANNOTATOR ? "/campaigns" : "/");
			sessions.put(caller.role, login.getResponse().getCookie("JSESSIONID"));
		}
	}

	@Test
	void everyEndpointIsInTheTableAndTheTableNamesOnlyEndpoints() {
		assertThat(endpoints()).as("the endpoints Spring MVC knows, as 'METHOD /path' ('*' for any method)")
			.containsExactlyInAnyOrderElementsOf(table(ENDPOINTS).keySet());
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheTableSays() {
		Map<String, Access> table = table(ENDPOINTS);
		return endpoints().stream().flatMap(endpoint -> {
			Access access = table.get(endpoint);
			if (access == null) {
				return Stream
					.of(DynamicTest.dynamicTest(endpoint,
							() -> assertThat(access).as(endpoint
									+ " is not in the table of RoleWalkTests: add it with the roles it needs (and a "
									+ "rule in SecurityConfig; until then it is refused to everybody)")
								.isNotNull()));
			}
			return walk(endpoint, access);
		});
	}

	@TestFactory
	Stream<DynamicTest> addressesWithoutAControllerAnswerAsTheTableSays() {
		return table(OTHER_ADDRESSES).entrySet().stream().flatMap(e -> walk(e.getKey(), e.getValue()));
	}

	private Stream<DynamicTest> walk(String endpoint, Access access) {
		String[] parts = endpoint.split(" ");
		List<String> methods = parts[0].equals("*") ? List.of("GET", "POST") : List.of(parts[0]);
		String path = parts[1].replaceAll("\\{[^}]+}", "999999");
		List<DynamicTest> tests = new ArrayList<>();
		for (String method : methods) {
			for (Caller caller : Caller.values()) {
				tests.add(DynamicTest.dynamicTest(method + " " + parts[1] + " as " + caller,
						() -> check(method, path, access, caller)));
			}
		}
		return tests.stream();
	}

	private void check(String method, String path, Access access, Caller caller) throws Exception {
		MockHttpServletResponse response = mvc.perform(request(method, path, caller)).andReturn().getResponse();
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		String seen = method + " " + path + " as " + caller + " answered " + status
				+ (location == null ? "" : " -> " + location);
		boolean script = path.startsWith("/api/") || path.startsWith("/export/");
		boolean change = !method.equals("GET");
		assertThat(status).as(seen + ": never a server error").isLessThan(500);
		if (access != Access.ANYONE && caller.role == null) {
			if (script) {
				assertThat(status).as(seen + ": a script without login is asked for one").isEqualTo(401);
			}
			else {
				assertThat(status).as(seen + ": a person without login is sent to log in").isEqualTo(302);
				assertThat(location).as(seen).endsWith("/login");
			}
		}
		else if (caller.role != null && !access.roles.contains(caller.role)) {
			assertThat(status).as(seen + ": not allowed to this account").isEqualTo(403);
		}
		else if (caller.basic && change && !script) {
			assertThat(status).as(seen + ": a page's form needs the CSRF token from its page, Basic or not")
				.isEqualTo(403);
		}
		else {
			assertThat(status).as(seen + ": allowed").isNotIn(401, 403);
			assertThat(location == null ? "" : location).as(seen + ": allowed, not sent to log in")
				.doesNotContain("/login");
		}
	}

	private MockHttpServletRequestBuilder request(String method, String path, Caller caller) {
		boolean script = path.startsWith("/api/") || path.startsWith("/export/");
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
			.accept(script ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
		if (method.equals("PUT") || (script && method.equals("POST"))) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"setting\": \"unknown\"}");
		}
		else if (method.equals("POST")) {
			request.param("setting", "unknown");
		}
		if (caller.basic) {
			return request.with(httpBasic(caller.username(), caller.password()));
		}
		if (caller.role != null) {
			request.cookie(sessions.get(caller.role));
		}
		// a browser, logged in or not, has the CSRF token of the page it came from
		return method.equals("GET") ? request : request.with(csrf());
	}

	/** Every handler method as "METHOD /path" ("*" when it takes any method). */
	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : controllers.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add("* " + pattern);
				}
				for (RequestMethod method : methods) {
					endpoints.add(method.name() + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	private static Map<String, Access> table(String text) {
		Map<String, Access> table = new LinkedHashMap<>();
		text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
			String[] cells = line.split("\\s+");
			table.put(cells[0] + " " + cells[1], Access.valueOf(cells[2]));
		});
		return table;
	}

}
