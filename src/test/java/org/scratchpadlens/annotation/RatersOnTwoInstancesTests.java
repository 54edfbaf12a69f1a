package org.scratchpadlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ScratchpadLensApplication;
import org.scratchpadlens.account.AccountService;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.DatabaseTest;
import org.scratchpadlens.support.TestDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Raters split across two instances of the app on one database (real servers on their own
 * ports, as a team runs them behind a load balancer): ten raters, five on each, label a k
 * = 3 campaign of 200 items at once, each asking for the next item and submitting a label
 * until the queue says done. No item gets more than 3 labels, no rater labels an item
 * twice, every submitted label reads back (from the other instance), and every item ends
 * with exactly 3. On H2 (one in-memory database shared by both instances in this JVM) and
 * on PostgreSQL (its own schema; on CI a missing server fails the test).
 */
@DatabaseTest
class RatersOnTwoInstancesTests {

	static final String ADMIN_PASSWORD = "admin-test-password";

	static final String PASSWORD = "rater passphrase 1";

	static final String RUN = "helpful_only/two_instances";

	static final int RATERS = 10;

	static final int ITEMS_PER_SPLIT = 100;

	static final int K = 3;

	@TempDir
	Path dir;

	/** One rater's submitted label. */
	record Submitted(String rater, long transcriptId, long labelId) {
	}

	@Test
	void tenRatersOnTwoInstancesFillAK3CampaignExactly() throws Exception {
		Map<String, Object> database = new LinkedHashMap<>();
		TestDatabase.register((name, value) -> database.put(name, value.get()));
		ConfigurableApplicationContext first = start(database);
		ConfigurableApplicationContext second = null;
		ExecutorService pool = Executors.newFixedThreadPool(RATERS);
		try {
			second = start(database);
			TranscriptFiles.writeRun(dir, RUN, ITEMS_PER_SPLIT);
			first.getBean(ImportService.class)
				.importNow(new ImportRequest(List.of(dir.resolve("json_outputs")), "cli", "test", null),
						ImportProgress.NONE);
			List<String> names = new ArrayList<>();
			for (int i = 0; i < RATERS; i++) {
				names.add("rater" + i);
				first.getBean(AccountService.class).create("rater" + i, PASSWORD, Role.ANNOTATOR);
			}
			int[] ports = { port(first), port(second) };
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports[0] + "/api/campaigns"))
					.header("Authorization", basic("admin", ADMIN_PASSWORD))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"name": "Two instances", "filter": {"run": "%s"}, "ratersPerItem": %d,
							 "raters": [%s], "order": "run"}""".formatted(RUN, K,
							String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()))))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			long campaign = JsonMapper.shared().readTree(created.body()).get("id").asLong();
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from campaign_item where campaign_id = ?")
				.param(campaign)
				.query(Integer.class)
				.single()).isEqualTo(2 * ITEMS_PER_SPLIT);

			// every rater logs in on one of the instances, then all label at once
			List<Session> sessions = new ArrayList<>();
			for (int i = 0; i < RATERS; i++) {
				sessions.add(Session.logIn(ports[i % 2], names.get(i)));
			}
			List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
			List<String> problems = Collections.synchronizedList(new ArrayList<>());
			Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < RATERS; i++) {
				Session session = sessions.get(i);
				String rater = names.get(i);
				work.add(pool.submit(() -> {
					label(session, rater, campaign, deadline, submitted, problems);
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
			assertThat(problems).isEmpty();

			// the database: exactly K labels on every item, no rater twice on one
			assertThat(submitted).hasSize(2 * ITEMS_PER_SPLIT * K);
			assertThat(jdbc.sql("select count(*) from label where campaign_id = ?")
				.param(campaign)
				.query(Integer.class)
				.single()).isEqualTo(2 * ITEMS_PER_SPLIT * K);
			assertThat(jdbc.sql("""
					select count(*) from (select transcript_id from label where campaign_id = ?
					  group by transcript_id having count(*) > ?) x""")
				.params(campaign, K)
				.query(Integer.class)
				.single()).as("items with more than " + K + " labels").isZero();
			assertThat(jdbc.sql("""
					select count(*) from (select transcript_id, annotator from label where campaign_id = ?
					  group by transcript_id, annotator having count(*) > 1) x""")
				.param(campaign)
				.query(Integer.class)
				.single()).as("a rater labelled an item twice").isZero();
			assertThat(jdbc.sql("""
					select count(*) from campaign_item i where i.campaign_id = ?
					  and (select count(*) from label l where l.campaign_id = i.campaign_id
					       and l.transcript_id = i.transcript_id) = ?""")
				.params(campaign, K)
				.query(Integer.class)
				.single()).as("items with exactly " + K + " labels").isEqualTo(2 * ITEMS_PER_SPLIT);
			assertThat(jdbc.sql("select count(*) from campaign_item where campaign_id = ? and label_count = ?")
				.params(campaign, K)
				.query(Integer.class)
				.single()).as("items whose label_count says " + K).isEqualTo(2 * ITEMS_PER_SPLIT);
			assertThat(submitted.stream().map(s -> s.rater() + "/" + s.transcriptId()).distinct().count())
				.isEqualTo(submitted.size());
			assertThat(names).allMatch(n -> submitted.stream().anyMatch(s -> s.rater().equals(n)));

			// every submitted label reads back, from the instance its rater did not use
			for (Submitted s : submitted) {
				int other = ports[(names.indexOf(s.rater()) + 1) % 2];
				HttpResponse<String> read = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + other + "/api/labels/" + s.labelId()))
						.header("Authorization", basic("admin", ADMIN_PASSWORD))
						.header("Accept", "application/json")
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
				JsonNode label = JsonMapper.shared().readTree(read.body());
				assertThat(label.get("annotator").asString()).isEqualTo(s.rater());
				assertThat(label.get("transcriptId").asLong()).isEqualTo(s.transcriptId());
				assertThat(label.at("/answers/note").asString()).isEqualTo(s.rater() + " on " + s.transcriptId());
			}
		}
		finally {
			pool.shutdownNow();
			first.close();
			if (second != null) {
				second.close();
			}
		}
	}

	/** One rater's loop: next, then submit, until the queue says done. */
	static void label(Session session, String rater, long campaign, Instant deadline, List<Submitted> submitted,
			List<String> problems) throws Exception {
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> next = session.post("/api/campaigns/" + campaign + "/next", null);
			if (next.statusCode() == 204) {
				String state = next.headers().firstValue("X-Queue-State").orElse("");
				if (state.equals("done")) {
					return;
				}
				// waiting: what is left is reserved by others, who are about to submit
				Thread.onSpinWait();
				continue;
			}
			if (next.statusCode() != 200) {
				problems.add(rater + ": next " + next.statusCode() + " " + next.body());
				return;
			}
			long transcript = JsonMapper.shared().readTree(next.body()).get("transcriptId").asLong();
			HttpResponse<String> label = session.post("/api/transcripts/" + transcript + "/labels", """
					{"campaignId": %d, "answers": {"confidence": "2", "note": "%s on %d"}, "secondsSpent": 1}"""
				.formatted(campaign, rater, transcript));
			if (label.statusCode() != 201) {
				problems.add(rater + ": label on " + transcript + " " + label.statusCode() + " " + label.body());
				return;
			}
			submitted
				.add(new Submitted(rater, transcript, JsonMapper.shared().readTree(label.body()).get("id").asLong()));
		}
		problems.add(rater + ": the queue was not done after 5 minutes");
	}

	/**
	 * An instance of the app on a port of its own (as in SessionsInTheDatabaseTests: the
	 * settings as command-line arguments, so that they win over application.properties).
	 */
	static ConfigurableApplicationContext start(Map<String, Object> database) {
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

	/**
	 * A rater's logged-in session on one instance: its cookies, and the CSRF token sent
	 * back in X-XSRF-TOKEN (a session, not HTTP Basic, which would pay a BCrypt check per
	 * call).
	 */
	record Session(HttpClient http, CookieManager cookies, String base) {

		static Session logIn(int port, String username) throws Exception {
			String base = "http://localhost:" + port;
			CookieManager cookies = new CookieManager();
			HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
			String page = http
				.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			assertThat(m.find()).as("a CSRF token on the login page").isTrue();
			String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(m.group(1));
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("/login");
			return new Session(http, cookies, base);
		}

		HttpResponse<String> post(String path, String json) throws Exception {
			String token = cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse("");
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
				.header("X-XSRF-TOKEN", token)
				.header("Accept", "application/json");
			b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
					: b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
			return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}

	}

}
