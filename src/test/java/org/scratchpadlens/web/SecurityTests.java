package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.account.CsrfCookie;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
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
			accounts.create("rater1", "rater-password", Role.RESEARCHER);
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
			assertThat(mvc.post().uri("/imports/1/delete").with(user("rater1").roles("RESEARCHER")).with(csrf()))
				.hasStatus(403);
		}

		@Test
		void theUploadButtonShowsOnlyToAccountsThatMayUpload() {
			assertThat(mvc.get().uri("/imports").with(user("rater1").roles("RESEARCHER"))).hasStatusOk()
				.bodyText()
				.doesNotContain("Upload files")
				.doesNotContain("/imports/new");
			assertThat(mvc.get().uri("/imports").with(user("admin").roles("ADMIN"))).hasStatusOk()
				.bodyText()
				.contains("Upload files");
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
	 * Password guessing is slowed per account and per address, on the login form and over
	 * Basic; each test uses accounts and an address of its own (the counts live as long
	 * as the application).
	 */
	@Nested
	class Throttling {

		static final String RIGHT = "right-password";

		void account(String name) {
			if (!accounts.exists(name)) {
				accounts.create(name, RIGHT, Role.RESEARCHER);
			}
		}

		MvcTestResult formLogin(String user, String password, String address) {
			return mvc.post()
				.uri("/login")
				.param("username", user)
				.param("password", password)
				.with(csrf())
				.with(from(address))
				.exchange();
		}

		MvcTestResult basicCall(String user, String password, String address) {
			return mvc.get().uri("/api/runs/totals").with(httpBasic(user, password)).with(from(address)).exchange();
		}

		@Test
		void theLoginFormSaysHowLongToWaitAfterFiveFailuresAndThenRefusesEvenTheRightPassword() {
			account("form-guessed");
			for (int i = 1; i <= 4; i++) {
				assertThat(formLogin("form-guessed", "guess" + i, "10.1.0.1")).hasStatus(302)
					.redirectedUrl()
					.isEqualTo("/login?error");
			}
			assertThat(formLogin("form-guessed", "guess5", "10.1.0.1")).redirectedUrl()
				.isEqualTo("/login?error&wait=30");

			var refused = formLogin("form-guessed", RIGHT, "10.1.0.1");
			assertThat(refused).hasStatus(302).redirectedUrl().matches("/login\\?wait=(30|29)");
			assertThat(mvc.get().uri(refused.getResponse().getRedirectedUrl())).hasStatusOk()
				.bodyText()
				.contains("Too many failed logins for this account or from this address: wait")
				.containsPattern("wait (30|29) seconds, then try again")
				.doesNotContain("Wrong username or password");
		}

		@Test
		void basicIsRefusedWith429AndRetryAfterAfterFiveFailures() {
			account("basic-guessed");
			for (int i = 1; i <= 5; i++) {
				assertThat(basicCall("basic-guessed", "guess" + i, "10.2.0.1")).as("failure " + i).hasStatus(401);
			}

			var refused = basicCall("basic-guessed", RIGHT, "10.2.0.1");
			assertThat(refused).hasStatus(429);
			assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 30L);
			assertThat(refused.getResponse().getHeader("WWW-Authenticate")).isNull();
			assertThat(basicCall("basic-guessed", RIGHT, "10.2.0.2")).as("the account waits from anywhere")
				.hasStatus(429);
		}

		@Test
		void anotherAccountFromTheSameAddressIsNotLockedBelowTheAddressLimit() {
			account("victim");
			account("bystander");
			for (int i = 1; i <= 8; i++) {
				basicCall("victim", "guess" + i, "10.3.0.1");
			}
			assertThat(basicCall("victim", RIGHT, "10.3.0.1")).hasStatus(429);

			assertThat(basicCall("bystander", RIGHT, "10.3.0.1")).hasStatusOk();
			assertThat(formLogin("bystander", RIGHT, "10.3.0.1")).redirectedUrl().isEqualTo("/");
		}

		@Test
		void anAddressThatGuessesAtManyAccountsIsRefusedForAllOfThem() {
			account("colleague");
			for (int i = 1; i <= 20; i++) {
				basicCall("guessed-" + i, "guess", "10.4.0.1");
			}

			assertThat(basicCall("colleague", RIGHT, "10.4.0.1")).hasStatus(429);
			assertThat(basicCall("colleague", RIGHT, "10.4.0.2")).as("the same account elsewhere").hasStatusOk();
		}

		@Test
		void aSuccessfulLoginStartsTheAccountFromZero() {
			account("forgetful");
			for (int round = 0; round < 3; round++) {
				for (int i = 1; i <= 4; i++) {
					assertThat(formLogin("forgetful", "typo" + i, "10.5.0.1")).redirectedUrl()
						.isEqualTo("/login?error");
				}
				assertThat(basicCall("forgetful", RIGHT, "10.5.0.1")).as("round " + round).hasStatusOk();
			}
		}

	}

	/**
	 * What every response carries, and the cookie Swagger UI reads its CSRF token from.
	 */
	@Nested
	class HeadersAndCookies {

		static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

		@Test
		void everyPageAndCallForbidsInlineScriptsAndFraming() {
			assertThat(mvc.get().uri("/login")).hasStatusOk().hasHeader("Content-Security-Policy", POLICY);
			assertThat(mvc.get().uri("/").with(user("rater1").roles("RESEARCHER"))).hasStatusOk()
				.hasHeader("Content-Security-Policy", POLICY);
			assertThat(mvc.get().uri("/imports/abc").with(user("rater1").roles("RESEARCHER"))).hasStatus(400)
				.hasHeader("Content-Security-Policy", POLICY);
			assertThat(mvc.get().uri("/api/runs").with(httpBasic("admin", ADMIN_PASSWORD))).hasStatusOk()
				.hasHeader("Content-Security-Policy", POLICY);
		}

		@Test
		void swaggerUiMayStyleInlineButRunsNoInlineScript() {
			for (String page : new String[] { "/api/swagger-ui/index.html", "/webjars/swagger-ui/index.html" }) {
				var ui = mvc.get().uri(page).with(user("rater1").roles("RESEARCHER")).exchange();
				assertThat(ui).hasStatusOk();
				String policy = ui.getResponse().getHeader("Content-Security-Policy");
				assertThat(policy).as(page)
					.contains("style-src 'self' 'unsafe-inline'")
					.contains("script-src 'self';")
					.contains("frame-ancestors 'none'");
			}
		}

		@Test
		void noTemplateHasAnInlineScriptOrEventHandler() throws IOException {
			try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
					String html = Files.readString(file);
					assertThat(html).as(file + ": an inline event handler")
						.doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
					assertThat(html).as(file + ": an inline script")
						.doesNotContainPattern("(?i)<script(?![^>]*\\s(th:)?src=)");
					assertThat(html).as(file + ": an inline style").doesNotContainPattern("(?i)\\sstyle\\s*=");
				}
			}
		}

		@Test
		void swaggerUiNeedsALoginToo() {
			assertThat(mvc.get().uri("/webjars/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).hasStatus(302)
				.redirectedUrl()
				.endsWith("/login");
			assertThat(mvc.get().uri("/api/swagger-ui/index.html").accept(MediaType.TEXT_HTML)).hasStatus(401);
			assertThat(mvc.get().uri("/api/docs").accept(MediaType.TEXT_HTML)).hasStatus(401);
		}

		@Test
		void swaggerUiIsToldToSendTheCsrfCookiesValueInItsHeader() {
			assertThat(mvc.get()
				.uri("/webjars/swagger-ui/swagger-initializer.js")
				.with(user("rater1").roles("RESEARCHER"))).hasStatusOk()
				.bodyText()
				.contains("requestInterceptor")
				.contains("XSRF-TOKEN")
				.contains("X-XSRF-TOKEN");
		}

		@Test
		void theCsrfCookieIsLaxAndItsValueInTheHeaderIsAccepted() throws Exception {
			// log in as a browser does: the login page sets the cookie, the form sends
			// the token
			// MockMvc's csrf() swaps the filter's token store for one in the session, in
			// the context every test class shares: put the app's own back first
			var page = mvc.get().uri("/login").with(request -> {
				WebTestUtils.setCsrfTokenRepository(request, CsrfCookie.repository());
				return request;
			}).exchange();
			Cookie first = page.getResponse().getCookie("XSRF-TOKEN");
			assertThat(first).isNotNull();
			assertThat(first.getAttribute("SameSite")).isEqualTo("Lax");
			assertThat(first.isHttpOnly()).as("Swagger UI's script reads it").isFalse();
			var login = mvc.post()
				.uri("/login")
				.cookie(first)
				.param("username", "admin")
				.param("password", ADMIN_PASSWORD)
				.param("_csrf", ErrorResponseTests.csrfToken(page.getResponse().getContentAsString()))
				.exchange();
			assertThat(login).hasStatus(302).redirectedUrl().isEqualTo("/");
			MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
			// the login clears the old cookie, then sets a new one
			Cookie token = Stream.of(login.getResponse().getCookies())
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.reduce((earlier, later) -> later)
				.orElseThrow();
			assertThat(token.getValue()).as("a new token after login").isNotEmpty().isNotEqualTo(first.getValue());

			// what Swagger UI sends: the cookie's value in X-XSRF-TOKEN
			assertThat(mvc.put()
				.uri("/api/runs/999999/setting")
				.session(session)
				.with(browserSession())
				.cookie(token)
				.header("X-XSRF-TOKEN", token.getValue())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"setting\": \"unknown\"}")).hasStatus(404);
			assertThat(mvc.put()
				.uri("/api/runs/999999/setting")
				.session(session)
				.with(browserSession())
				.cookie(token)
				.header("X-XSRF-TOKEN", first.getValue())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"setting\": \"unknown\"}")).as("the token from before the login").hasStatus(403);
		}

	}

	/** A request from another client address. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
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
