import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The labelling benchmark's load driver (scripts/benchmark-labelling.sh), a second process beside the app.
 *
 * users JDBC_URL USER PASSWORD N         adds N annotator accounts bench-rater-0.. (before the app starts)
 * run APP_URL ADMIN_PASSWORD N SECONDS JDBC_URL USER PASSWORD
 *   times five stratified samples of 1,000 (POST /api/campaigns), creates the campaign over every transcript
 *   (k = 3, N raters), then three phases of next + submit, N raters each with its own logged-in session and
 *   thread: closed loop (saturation, no pause), paced (each rater pauses 0.5-1.5 s between items), and one rater
 *   alone; SECONDS each after a warm-up; prints p50/p95/p99/max per call; then the baseline: the queue's raw SQL of
 *   one reservation (window, lookups, row lock, count, insert; rolled back) on a plain JDBC connection, 300 times.
 */
public class LabellingBench {

	static final String RATER_PASSWORD = "bench-rater-password";

	public static void main(String[] args) throws Exception {
		if (args[0].equals("users")) {
			users(args[1], args[2], args[3], Integer.parseInt(args[4]));
		}
		else if (args[0].equals("alone")) { // alone APP_URL CAMPAIGN SECONDS: one rater, for profiling
			phase("alone, 1 rater", List.of(Session.logIn(args[1], "bench-rater-0", RATER_PASSWORD)), args[1],
					Long.parseLong(args[2]), 5, Integer.parseInt(args[3]), 0);
		}
		else {
			run(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5], args[6], args[7]);
		}
	}

	static void users(String url, String user, String password, int n) throws Exception {
		String hash = new BCryptPasswordEncoder().encode(RATER_PASSWORD);
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			for (int i = 0; i < n; i++) {
				try (PreparedStatement ps = c.prepareStatement("insert into app_user (username, password_hash, role, "
						+ "enabled, created_at) select ?, ?, 'ANNOTATOR', true, ? where not exists "
						+ "(select 1 from app_user where username = ?)")) {
					ps.setString(1, "bench-rater-" + i);
					ps.setString(2, hash);
					ps.setTimestamp(3, Timestamp.from(Instant.now()));
					ps.setString(4, "bench-rater-" + i);
					ps.executeUpdate();
				}
			}
		}
	}

	/** A logged-in browser session: cookies, and the CSRF token sent in X-XSRF-TOKEN. */
	record Session(HttpClient http, CookieManager cookies, String base) {

		static Session logIn(String base, String username, String password) throws Exception {
			CookieManager cookies = new CookieManager();
			HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
			String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token on the login page");
			}
			String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			String location = r.headers().firstValue("Location").orElse("");
			if (location.contains("error") || location.contains("wait")) {
				throw new IllegalStateException("login of " + username + " failed: " + location);
			}
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

	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static void run(String base, String adminPassword, int n, int seconds, String url, String dbUser,
			String dbPassword) throws Exception {
		Session admin = Session.logIn(base, "admin", adminPassword);
		StringBuilder raters = new StringBuilder();
		for (int i = 0; i < n; i++) {
			raters.append(i == 0 ? "" : ", ").append("\"bench-rater-").append(i).append('"');
		}

		List<Double> sampleMs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			long t0 = System.nanoTime();
			HttpResponse<String> r = admin.post("/api/campaigns", """
					{"name": "bench sample %d", "filter": {}, "ratersPerItem": 3, "raters": [%s],
					 "sample": {"size": 1000, "stratifyBy": ["run", "split", "effective_scheme"], "seed": %d}}"""
				.formatted(i, raters, i));
			double ms = (System.nanoTime() - t0) / 1e6;
			if (r.statusCode() != 201) {
				throw new IllegalStateException("sample: " + r.statusCode() + " " + r.body());
			}
			if (i > 0) { // the first warms up
				sampleMs.add(ms);
			}
		}
		System.out.printf("stratified sample of 1,000 (run x split x effective_scheme), 5 runs after one warm-up: %s ms%n",
				sampleMs.stream().map(d -> String.format("%.0f", d)).toList());

		long t0 = System.nanoTime();
		HttpResponse<String> created = admin.post("/api/campaigns", """
				{"name": "bench all", "filter": {}, "ratersPerItem": 3, "raters": [%s], "order": "random", "seed": 7}"""
			.formatted(raters));
		if (created.statusCode() != 201) {
			throw new IllegalStateException("campaign: " + created.statusCode() + " " + created.body());
		}
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
		id.find();
		long campaign = Long.parseLong(id.group(1));
		Matcher items = Pattern.compile("\"items\":(\\d+)").matcher(created.body());
		items.find();
		System.out.printf("campaign over every transcript: %s items, created in %.0f ms%n", items.group(1),
				(System.nanoTime() - t0) / 1e6);

		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			sessions.add(Session.logIn(base, "bench-rater-" + i, RATER_PASSWORD));
		}
		// saturation: every rater calls next + submit again as soon as the last answer arrives (no reading time)
		phase("closed loop, " + n + " raters", sessions, base, campaign, 15, seconds, 0);
		// at once, as people work: each rater pauses 0.5-1.5 s between items (real raters take minutes)
		phase("paced, " + n + " raters", sessions, base, campaign, 5, seconds, 1000);
		// one rater alone: what one next + submit costs with nobody else asking
		phase("alone, 1 rater", sessions.subList(0, 1), base, campaign, 5, Math.min(seconds, 20), 0);

		// the baseline: the raw SQL of one reservation, alone on one connection
		List<Double> rawMs = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword)) {
			c.setAutoCommit(false);
			for (int i = 0; i < 330; i++) {
				long a = System.nanoTime();
				Timestamp now = Timestamp.from(Instant.now());
				long transcript = -1;
				// the queue's read for one next: the window of unfinished items in index order, with each
				// one's live reservations and whether the rater labelled or skipped it
				List<Long> window = new ArrayList<>();
				try (PreparedStatement ps = c.prepareStatement("""
						select i.transcript_id, i.position, i.label_count,
						  (select count(*) from reservation v where v.campaign_id = i.campaign_id
						     and v.transcript_id = i.transcript_id and v.expires_at > ?),
						  (select count(*) from label l where l.campaign_id = i.campaign_id
						     and l.transcript_id = i.transcript_id and l.annotator = ?)
						  + (select count(*) from campaign_skip s where s.campaign_id = i.campaign_id
						     and s.transcript_id = i.transcript_id and s.username = ?)
						from campaign_item i
						where i.campaign_id = ? and i.filled = false and i.position > 0
						order by i.campaign_id, i.filled, i.position fetch first 64 rows only""")) {
					ps.setTimestamp(1, now);
					ps.setString(2, "bench-baseline");
					ps.setString(3, "bench-baseline");
					ps.setLong(4, campaign);
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							window.add(rs.getLong(1));
						}
					}
				}
				transcript = window.get(0);
				try (PreparedStatement ps = c.prepareStatement(
						"select label_count from campaign_item where campaign_id = ? and transcript_id = ? for update")) {
					ps.setLong(1, campaign);
					ps.setLong(2, transcript);
					ps.executeQuery().close();
				}
				try (PreparedStatement ps = c.prepareStatement("select count(*) from reservation where campaign_id = ? "
						+ "and transcript_id = ? and username <> ? and expires_at > ?")) {
					ps.setLong(1, campaign);
					ps.setLong(2, transcript);
					ps.setString(3, "bench-baseline");
					ps.setTimestamp(4, now);
					ps.executeQuery().close();
				}
				try (PreparedStatement ps = c.prepareStatement("insert into reservation (campaign_id, transcript_id, "
						+ "username, reserved_at, expires_at) values (?, ?, ?, ?, ?)")) {
					ps.setLong(1, campaign);
					ps.setLong(2, transcript);
					ps.setString(3, "bench-baseline");
					ps.setTimestamp(4, now);
					ps.setTimestamp(5, now);
					ps.executeUpdate();
				}
				c.rollback();
				if (i >= 30) {
					rawMs.add((System.nanoTime() - a) / 1e6);
				}
			}
		}
		System.out.println("baseline: raw SQL of one reservation, 1 connection, nothing else running  "
				+ percentiles(rawMs));
	}

	/**
	 * Each session in its own thread calls next then submits a label, pausing a random
	 * 0.5-1.5 × thinkMs between items; times both calls after the warm-up.
	 */
	static void phase(String name, List<Session> sessions, String base, long campaign, int warmUpSeconds,
			int seconds, int thinkMs) throws Exception {
		ConcurrentLinkedQueue<Double> nextMs = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Double> submitMs = new ConcurrentLinkedQueue<>();
		AtomicBoolean measuring = new AtomicBoolean(false);
		AtomicBoolean stop = new AtomicBoolean(false);
		AtomicLong errors = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < sessions.size(); i++) {
			Session s = sessions.get(i);
			java.util.Random think = new java.util.Random(i);
			Thread t = new Thread(() -> {
				try {
					while (!stop.get()) {
						if (thinkMs > 0) {
							Thread.sleep(thinkMs / 2 + think.nextInt(thinkMs));
						}
						long a = System.nanoTime();
						HttpResponse<String> next = s.post("/api/campaigns/" + campaign + "/next", null);
						double nextTime = (System.nanoTime() - a) / 1e6;
						if (next.statusCode() != 200) {
							errors.incrementAndGet();
							continue;
						}
						Matcher t1 = Pattern.compile("\"transcriptId\":(\\d+)").matcher(next.body());
						t1.find();
						long b = System.nanoTime();
						HttpResponse<String> label = s.post("/api/transcripts/" + t1.group(1) + "/labels",
								"{\"campaignId\": " + campaign + ", \"answers\": {\"confidence\": \"2\"}, "
										+ "\"secondsSpent\": 30}");
						double submitTime = (System.nanoTime() - b) / 1e6;
						if (label.statusCode() != 201) {
							errors.incrementAndGet();
						}
						if (measuring.get()) {
							nextMs.add(nextTime);
							submitMs.add(submitTime);
						}
					}
				}
				catch (Exception ex) {
					errors.incrementAndGet();
					ex.printStackTrace();
				}
			});
			t.start();
			threads.add(t);
		}
		Thread.sleep(warmUpSeconds * 1000L);
		measuring.set(true);
		long started = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		double elapsed = (System.nanoTime() - started) / 1e9;
		stop.set(true);
		for (Thread t : threads) {
			t.join();
		}
		System.out.printf("%s, %.0f s: %d next + submit pairs (%.1f pairs/s), %d errors%n", name, elapsed,
				submitMs.size(), submitMs.size() / elapsed, errors.get());
		System.out.println("  next    " + percentiles(new ArrayList<>(nextMs)));
		System.out.println("  submit  " + percentiles(new ArrayList<>(submitMs)));
	}

	static String percentiles(List<Double> ms) {
		if (ms.isEmpty()) {
			return "no samples";
		}
		Collections.sort(ms);
		return String.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (%d calls)", at(ms, 50), at(ms, 95),
				at(ms, 99), ms.get(ms.size() - 1), ms.size());
	}

	static double at(List<Double> sorted, double p) {
		int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
	}

}
