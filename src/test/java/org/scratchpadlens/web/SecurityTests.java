package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page and API call needs a login; forms need CSRF; scripts use Basic without CSRF
 * on /api and /export.
 */
@AppTest
class SecurityTests extends FreshDatabase {

	static final String ADMIN_PASSWORD = "admin-test-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@BeforeEach
	void rater() {
		if (!accounts.exists("rater1")) {
			accounts.create("rater1", "rater-password", Role.RATER);
		}
	}

	@Nested
	class Anonymous {

		@Test
		void aBrowserIsSentToTheLoginPage() {
			assertThat(mvc.get().uri("/").accept(MediaType.TEXT_HTML)).hasStatus(302)
				.redirectedUrl()
				.endsWith("/login");
		}

		@Test
		void aScriptGetsUnauthorized() {
			assertThat(mvc.get().uri("/api/runs")).hasStatus(401);
			assertThat(mvc.get().uri("/api/imports")).hasStatus(401);
		}

		@Test
		void theLoginPageAndStylesAreOpen() {
			assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("Log in");
			assertThat(mvc.get().uri("/css/app.css")).hasStatusOk();
		}

		@Test
		void aScriptWithoutCredentialsIsChallengedEvenForAChange() {
			var result = mvc.delete().uri("/api/imports/1").exchange();
			assertThat(result).hasStatus(401);
			assertThat(result.getMvcResult().getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
		}

		@Test
		void wrongPasswordIsRefused() {
			assertThat(mvc.get().uri("/api/runs").with(httpBasic("admin", "wrong"))).hasStatus(401);
		}

	}

	@Nested
	class Scripts {

		@Test
		void basicWorksOnEveryGet() {
			assertThat(mvc.get().uri("/api/runs").with(httpBasic("admin", ADMIN_PASSWORD))).hasStatusOk()
				.hasContentType(MediaType.APPLICATION_JSON);
			assertThat(mvc.get().uri("/imports").with(httpBasic("rater1", "rater-password"))).hasStatusOk();
		}

		@Test
		void basicOnTheApiNeedsNoCsrfTokenAndCreatesNoSession() {
			var result = mvc.delete().uri("/api/imports/999999").with(httpBasic("admin", ADMIN_PASSWORD)).exchange();
			assertThat(result).hasStatus(404);
			assertThat(result.getMvcResult().getResponse().getHeader("Set-Cookie")).isNull();
		}

		@Test
		void onlyAnAdminMayUndoAnImport() {
			assertThat(mvc.delete().uri("/api/imports/999999").with(httpBasic("rater1", "rater-password")))
				.hasStatus(403);
		}

		@Test
		void onlyAnAdminMaySetARunsSetting() {
			assertThat(mvc.put()
				.uri("/api/runs/1/setting")
				.with(httpBasic("rater1", "rater-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"setting\": \"helpful_only\"}")).hasStatus(403);
		}

	}

	@Nested
	class BrowserSessionsOnTheApi {

		@Test
		void aChangeWithoutACsrfTokenIsA403ThatSaysHowToSendItOrToUseBasic() {
			var result = mvc.put()
				.uri("/api/runs/1/setting")
				.with(user("admin").roles("ADMIN"))
				.with(browserSession())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"setting\": \"unknown\"}");
			assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_JSON);
			assertThat(result).bodyJson().extractingPath("$").asMap().containsOnlyKeys("error");
			assertThat(result).bodyJson()
				.extractingPath("$.error")
				.asString()
				.contains("CSRF token")
				.contains("_csrf")
				.contains("_csrf_header")
				.contains("HTTP Basic")
				.doesNotContain("expired");
		}

		@Test
		void aStaleTokenIsRefusedTheSameWay() {
			assertThat(mvc.put()
				.uri("/api/runs/1/setting")
				.with(user("admin").roles("ADMIN"))
				.with(browserSession())
				.with(csrf().asHeader().useInvalidToken())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"setting\": \"unknown\"}")).hasStatus(403)
				.bodyJson()
				.extractingPath("$.error")
				.asString()
				.contains("CSRF token");
		}

		@Test
		void aChangeWithTheTokenInItsHeaderIsAccepted() {
			assertThat(mvc.put()
				.uri("/api/runs/999999/setting")
				.with(user("admin").roles("ADMIN"))
				.with(browserSession())
				.with(csrf().asHeader())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"setting\": \"unknown\"}")).hasStatus(404);
		}

	}

	@Nested
	class Forms {

		@Test
		void aFormFromAnExpiredSessionIsSentToLogInAgain() {
			assertThat(mvc.post().uri("/imports/1/delete").with(staleSession())).hasStatus(302)
				.redirectedUrl()
				.isEqualTo("/login?expired");
			assertThat(mvc.post().uri("/imports/1/delete").with(staleSession()).with(csrf().useInvalidToken()))
				.hasStatus(302)
				.redirectedUrl()
				.isEqualTo("/login?expired");
		}

		@Test
		void aStaleFormInAValidSessionIsRefusedWithoutClaimingTheSessionExpired() {
			var missing = mvc.post().uri("/imports/1/delete").with(user("admin").roles("ADMIN")).exchange();
			assertThat(missing).hasStatus(403);
			assertThat(missing.getResponse().getRedirectedUrl()).isNull();
			var stale = mvc.post()
				.uri("/imports/1/delete")
				.with(user("admin").roles("ADMIN"))
				.with(csrf().useInvalidToken())
				.exchange();
			assertThat(stale).hasStatus(403);
			assertThat(stale.getResponse().getRedirectedUrl()).isNull();
		}

		@Test
		void aRaterIsToldTheyMayNotUndo() {
			assertThat(mvc.post().uri("/imports/1/delete").with(user("rater1").roles("RATER")).with(csrf()))
				.hasStatus(403);
		}

		@Test
		void aPostWithATokenIsAccepted() {
			assertThat(mvc.post().uri("/imports/999999/delete").with(user("admin").roles("ADMIN")).with(csrf()))
				.hasStatus(404);
		}

		@Test
		void afterLoginThePageAskedForOpensAtItsOwnAddress() {
			assertThat(logInAfterVisiting("/")).isEqualTo("http://localhost/");
			assertThat(logInAfterVisiting("/imports")).isEqualTo("http://localhost/imports");
			assertThat(logInAfterVisiting("/imports?page=2")).isEqualTo("http://localhost/imports?page=2");
		}

		@Test
		void whatIsNotAPageIsNotReturnedToAfterLogin() {
			// a favicon, an htmx fragment, a script's call: the login leads to the runs
			for (var visit : new MockHttpServletRequestBuilder[] {
					MockMvcRequestBuilders.get("/imports/1/progress")
						.accept(MediaType.TEXT_HTML)
						.header("HX-Request", "true"),
					MockMvcRequestBuilders.get("/imports").accept(MediaType.APPLICATION_JSON) }) {
				MockHttpSession session = (MockHttpSession) mvc.perform(visit).getRequest().getSession();
				assertThat(mvc.post()
					.uri("/login")
					.session(session)
					.param("username", "admin")
					.param("password", ADMIN_PASSWORD)
					.with(csrf())).hasStatus(302).redirectedUrl().isEqualTo("/");
			}
		}

		private String logInAfterVisiting(String page) {
			var visit = mvc.get().uri(page).accept(MediaType.TEXT_HTML).exchange();
			assertThat(visit).hasStatus(302).redirectedUrl().endsWith("/login");
			MockHttpSession session = (MockHttpSession) visit.getRequest().getSession();
			var login = mvc.post()
				.uri("/login")
				.session(session)
				.param("username", "admin")
				.param("password", ADMIN_PASSWORD)
				.with(csrf())
				.exchange();
			assertThat(login).hasStatus(302);
			String target = login.getResponse().getRedirectedUrl();
			assertThat(target).doesNotContain("continue");
			// and the page opens there
			assertThat(mvc.get().uri(target).session(session).accept(MediaType.TEXT_HTML)).hasStatusOk();
			return target;
		}

		@Test
		void formLoginWorksWithTheAdminFromTheEnvironment() {
			assertThat(
					mvc.post().uri("/login").param("username", "admin").param("password", ADMIN_PASSWORD).with(csrf()))
				.hasStatus(302)
				.redirectedUrl()
				.isEqualTo("/");
		}

	}

	/**
	 * A request that carries a session cookie: to /api it goes to the browser chain (with
	 * CSRF), not the script chain.
	 */
	static RequestPostProcessor browserSession() {
		return request -> {
			request.setRequestedSessionId("a-browser-session");
			return request;
		};
	}

	/** A session cookie the server no longer knows: the session expired. */
	static RequestPostProcessor staleSession() {
		return browserSession();
	}

}
