package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.ScratchpadLensApplication;
import org.scratchpadlens.support.DatabaseTest;
import org.scratchpadlens.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Logins live in the database: two instances of the app on one database (real servers on
 * their own ports, as a team runs them), where a login made on one is good on the other,
 * survives the instance that made it stopping, and ends everywhere when its person is
 * deactivated. On H2 (one in-memory database shared by both, in this JVM) and on
 * PostgreSQL.
 */
@DatabaseTest
class SessionsInTheDatabaseTests {

	static final String ADMIN_PASSWORD = "admin-test-password";

	static final String PASSWORD = "a long passphrase";

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aLoginWorksOnEveryInstanceSurvivesTheOneThatMadeItAndEndsEverywhereOnDeactivation() throws Exception {
		Map<String, Object> database = new LinkedHashMap<>();
		TestDatabase.register((name, value) -> database.put(name, value.get()));
		ConfigurableApplicationContext first = start(database);
		ConfigurableApplicationContext second = null;
		try {
			int one = port(first);
			assertThat(send(one, "POST", "/api/users", basic("admin", ADMIN_PASSWORD),
					"{\"username\": \"traveller\", \"password\": \"" + PASSWORD + "\", \"role\": \"RESEARCHER\"}")
				.statusCode()).isEqualTo(201);
			assertThat(send(one, "POST", "/api/users", basic("admin", ADMIN_PASSWORD),
					"{\"username\": \"leaver\", \"password\": \"" + PASSWORD + "\", \"role\": \"RESEARCHER\"}")
				.statusCode()).isEqualTo(201);
			String traveller = logIn(one, "traveller");
			String leaver = logIn(one, "leaver");
			assertThat(send(one, "GET", "/api/runs", traveller, null).statusCode()).isEqualTo(200);

			second = start(database);
			int two = port(second);
			assertThat(send(two, "GET", "/api/runs", traveller, null).statusCode())
				.as("the login made on the first instance, on the second")
				.isEqualTo(200);
			assertThat(send(two, "GET", "/account/password", traveller, null).body()).contains("traveller");

			assertThat(send(two, "POST", "/api/users/leaver/deactivate", basic("admin", ADMIN_PASSWORD), null)
				.statusCode()).isEqualTo(200);
			assertThat(send(one, "GET", "/api/runs", leaver, null).statusCode())
				.as("deactivated on the second instance, the session ends on the first too")
				.isEqualTo(401);

			first.close();
			assertThat(send(two, "GET", "/api/runs", traveller, null).statusCode())
				.as("the instance that made the login has stopped; the login goes on")
				.isEqualTo(200);
		}
		finally {
			first.close();
			if (second != null) {
				second.close();
			}
		}
	}

	/**
	 * An instance of the app on a port of its own. The settings go in as command-line
	 * arguments, which win over application.properties (default properties would not: the
	 * instance would open ./data instead).
	 */
	ConfigurableApplicationContext start(Map<String, Object> database) {
		Map<String, Object> properties = new LinkedHashMap<>(database);
		properties.put("server.port", "0");
		properties.put("spring.profiles.active", "test");
		properties.put("spring.main.banner-mode", "off");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ScratchpadLensApplication.class).run(
				properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
			.isEqualTo(database.get("spring.datasource.url"));
		return context;
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Logs in through the login page as a browser does; the session cookie it gets. */
	String logIn(int port, String username) throws Exception {
		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String csrfCookie = cookie(page, "XSRF-TOKEN");
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie)
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
						+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		return cookie(login, "JSESSIONID");
	}

	/** "name=value" of the cookie the response sets. */
	static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.reduce((earlier, later) -> later)
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
	}

	/** A request with a session cookie ("JSESSIONID=...") or an Authorization header. */
	HttpResponse<String> send(int port, String method, String path, String credentials, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.header(credentials.startsWith("Basic ") ? "Authorization" : "Cookie", credentials);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
