package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.DatabaseTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a real server answers when something goes wrong, including what never reaches a
 * controller (Spring MVC's and Spring Security's errors go through Boot's error page,
 * which MockMvc does not run): the API always answers {@code {"error": "..."}}, pages
 * keep the HTML error page.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ ErrorResponseTests.FailingApi.class, ErrorResponseTests.FailingPage.class,
		ErrorResponseTests.TestOnlyRule.class })
class ErrorResponseTests extends FreshDatabase {

	static final String ADMIN = basic("admin", "admin-test-password");

	static final String RATER = basic("rater1", "rater-password");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void rater() {
		if (!accounts.exists("rater1")) {
			accounts.create("rater1", "rater-password", Role.RESEARCHER);
		}
	}

	/** Endpoints that fail on purpose, as a bug or a missing parameter would. */
	@RestController
	static class FailingApi {

		@GetMapping("/api/test-only/fails")
		String fails() {
			throw new BadSqlGrammarException("read the secret", "select secret_column from run",
					new SQLException("Column \"SECRET_COLUMN\" not found"));
		}

		@GetMapping("/api/test-only/needs-a-count")
		int needsACount(@RequestParam int count) {
			return count;
		}

	}

	/**
	 * Security denies what it has no rule for: the endpoints above get one, as a real
	 * endpoint gets its rule in SecurityConfig.
	 */
	@TestConfiguration
	static class TestOnlyRule {

		@Bean
		@Order(0)
		SecurityFilterChain testOnlyEndpoints(HttpSecurity http) throws Exception {
			http.securityMatcher("/api/test-only/**", "/test-only/**")
				.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
				.httpBasic(Customizer.withDefaults())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
			return http.build();
		}

	}

	@Controller
	static class FailingPage {

		@GetMapping("/test-only/fails")
		String fails() {
			throw new IllegalStateException("select secret_column from run");
		}

	}

	@Test
	void anUnknownEndpointSaysSoAndPointsToTheDocs() throws Exception {
		var response = send(get("/api/nope").header("Authorization", ADMIN));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(error(response)).contains("no API endpoint").contains("/api/nope").contains("/api/docs");
	}

	@Test
	void theApiAnswersJsonEvenToABrowserThatAsksForHtml() throws Exception {
		var response = send(get("/api/nope").header("Authorization", ADMIN).header("Accept", "text/html"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(error(response)).contains("/api/docs");
	}

	@Test
	void aMethodThatIsNotAllowedSaysWhichAre() throws Exception {
		var response = send(request("/api/imports").header("Authorization", ADMIN)
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json"));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
		assertThat(error(response)).contains("POST").contains("GET");
	}

	@Test
	void aCallWithoutLoginIsToldToUseBasic() throws Exception {
		var response = send(get("/api/runs"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
		assertThat(error(response)).contains("HTTP Basic");
	}

	@Test
	void aRaterIsToldTheyMayNotUndo() throws Exception {
		var response = send(request("/api/imports/1").header("Authorization", RATER).DELETE());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(error(response)).contains("may not");
	}

	@Test
	void aWrongPasswordIsToldApartFromNoLoginAtAll() throws Exception {
		var wrong = send(get("/api/runs").header("Authorization", basic("rater1", "not-the-password")));
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
		assertThat(error(wrong)).startsWith("Wrong username or password").doesNotContain("needs a login");

		var none = send(get("/api/runs"));
		assertThat(error(none)).startsWith("This call needs a login").doesNotContain("Wrong");
	}

	@Test
	void aScriptThatFailedTooOftenIsToldToWaitAndForHowLong() throws Exception {
		accounts.create("guessed", "the-password", Role.RESEARCHER);
		for (int i = 1; i <= 5; i++) {
			// counted once each, though each failure is also dispatched to the error page
			assertThat(send(get("/api/runs").header("Authorization", basic("guessed", "guess" + i))).statusCode())
				.as("failure " + i)
				.isEqualTo(401);
		}

		var refused = send(get("/api/runs").header("Authorization", basic("guessed", "the-password")));
		assertThat(refused.statusCode()).isEqualTo(429);
		long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 30L);
		assertThat(error(refused)).startsWith("Too many failed logins for this account or from this address")
			.matches(".*wait (" + retryAfter + "|" + (retryAfter + 1) + ") seconds.*");
	}

	@Test
	void anExportThatDoesNotExistAnswersInTheApisShape() throws Exception {
		var missing = send(get("/export/nothing.csv").header("Authorization", ADMIN));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(error(missing)).contains("/export/nothing.csv").contains("/api/docs");

		var noLogin = send(get("/export/nothing.csv"));
		assertThat(noLogin.statusCode()).isEqualTo(401);
		assertThat(error(noLogin)).contains("needs a login");
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFoundNotAServerError() throws Exception {
		for (var request : List.of(get("/error"), get("/error").header("Authorization", ADMIN),
				get("/error").header("Authorization", ADMIN).header("Accept", "text/html"))) {
			var response = send(request);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("Something went wrong").doesNotContain("500");
		}
	}

	@Test
	void aPageAddressWithAnIdThatIsNotANumberSaysSo() throws Exception {
		var response = send(get("/imports/abc").header("Authorization", RATER).header("Accept", "text/html"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("&#39;abc&#39; is not a valid import id; a whole number is expected.")
			.doesNotContain("Something went wrong");
	}

	@Test
	void aScriptThatPostsAPageFormWithBasicIsToldItNeedsThePagesTokenOrTheApi() throws Exception {
		HttpRequest.Builder post = request("/runs/1/setting").header("Authorization", ADMIN)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("setting=unknown"));

		var script = send(post);
		assertThat(script.statusCode()).isEqualTo(403);
		assertThat(script.headers().firstValue("Location")).isEmpty();
		assertThat(error(script)).startsWith("This form needs the CSRF token from its page")
			.contains("Scripts use the /api endpoints with HTTP Basic")
			.doesNotContain("expired");

		var browser = send(post.header("Accept", "text/html"));
		assertThat(browser.statusCode()).isEqualTo(403);
		assertThat(browser.body()).contains("This form needs the CSRF token from its page")
			.contains("Scripts use the <code>/api</code> endpoints with HTTP Basic")
			.doesNotContain("expired")
			.doesNotContain("out of date");
	}

	@Test
	void aScriptThatCallsAPageAddressGetsTheApisShapeToo() throws Exception {
		var missing = send(get("/no-such-page").header("Authorization", ADMIN));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(error(missing)).isEqualTo("There is nothing at /no-such-page.");

		var notANumber = send(get("/imports/abc").header("Authorization", ADMIN));
		assertThat(error(notANumber)).isEqualTo("'abc' is not a valid import id; a whole number is expected.");
	}

	@Test
	void aMissingParameterIsNamed() throws Exception {
		var response = send(get("/api/test-only/needs-a-count").header("Authorization", ADMIN));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response)).contains("'count'").contains("missing");
	}

	@Test
	void anUnexpectedFailureIsAGenericSentenceWithoutInternals() throws Exception {
		var response = send(get("/api/test-only/fails").header("Authorization", ADMIN));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(error(response)).contains("could not complete");
		assertThat(response.body()).doesNotContainIgnoringCase("select")
			.doesNotContainIgnoringCase("sql")
			.doesNotContainIgnoringCase("secret")
			.doesNotContain("Exception")
			.doesNotContain("org.");
	}

	@Test
	void pagesKeepTheHtmlErrorPage() throws Exception {
		var missing = send(get("/nope").header("Authorization", ADMIN).header("Accept", "text/html"));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(missing.body()).contains("<h1>Not found</h1>").contains("There is nothing at this address.");

		var failed = send(get("/test-only/fails").header("Authorization", ADMIN).header("Accept", "text/html"));
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.body()).contains("<h1>Something went wrong</h1>")
			.contains("The server could not complete the request. The log has the details.")
			.doesNotContain("secret_column");

	}

	@Test
	void aStaleFormInAValidSessionSaysReloadNotLogIn() throws Exception {
		HttpClient browser = logIn("admin", "admin-test-password");

		for (String body : new String[] { "", "_csrf=a-token-from-an-old-page" }) {
			var response = browser.send(request("/imports/1/delete").header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(response.body()).contains("This page was out of date; reload it and try again.")
				.doesNotContain("expired")
				.doesNotContain("Your account may not do this.");
		}
		// the session is still valid
		assertThat(browser.send(get("/imports").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aFormFromAnExpiredSessionSendsToLogInAgain() throws Exception {
		var response = send(request("/imports/1/delete").header("Accept", "text/html")
			.header("Cookie", "JSESSIONID=EXPIRED0000000000000000000000000")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=a-token-from-an-old-page")));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
	}

	@Test
	void aRaterKeepsTheNotAllowedPage() throws Exception {
		HttpClient browser = logIn("rater1", "rater-password");
		String token = csrfToken(browser.send(get("/imports").build(), HttpResponse.BodyHandlers.ofString()).body());

		var response = browser.send(request("/imports/1/delete").header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<h1>Not allowed</h1>")
			.contains("Your account may not do this.")
			.doesNotContain("out of date");
	}

	@Test
	void aPageScriptWithoutTheTokenIsToldHowToSendIt() throws Exception {
		HttpClient browser = logIn("admin", "admin-test-password");
		HttpRequest.Builder change = request("/api/runs/999999/setting").header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"setting\": \"unknown\"}"));

		var refused = browser.send(change.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(error(refused)).contains("CSRF token").contains("_csrf_header").contains("HTTP Basic");

		// what the message says to do: the header named by the page's meta tags
		String page = browser.send(get("/imports").build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"").matcher(page);
		assertThat(header.find()).isTrue();
		var accepted = browser.send(change.header(header.group(1), metaCsrfToken(page)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(404);
		assertThat(error(accepted)).isEqualTo("There is no run 999999.");
	}

	/** A client with a cookie jar, logged in through the login form. */
	private HttpClient logIn(String user, String password) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String token = csrfToken(browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body());
		var login = browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return browser;
	}

	static String csrfToken(String page) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("a CSRF token in a form of the page").isTrue();
		return m.group(1);
	}

	static String metaCsrfToken(String page) {
		Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("the CSRF meta tag of the page").isTrue();
		return m.group(1);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpRequest.Builder get(String path) {
		return request(path).GET();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The sentence of an {@code {"error": ...}} body, after checking that is all it has.
	 */
	@SuppressWarnings("unchecked")
	static String error(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		Map<String, Object> body = JsonMapper.shared().readValue(response.body(), Map.class);
		assertThat(body).containsOnlyKeys("error");
		assertThat(body.get("error")).isInstanceOf(String.class);
		String sentence = (String) body.get("error");
		assertThat(sentence).doesNotContain("Exception").doesNotContain("For input string");
		return sentence;
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
