import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Times the document search (scripts/benchmark-document-search.sh): each query as the whole page through a running
 * app (HTTP, logged-in session, security, rendering) and, as the baseline, the same SQL statements alone (the
 * app's own DocumentQueries on a plain JDBC connection, rows mapped and counted as the page does). Run with the unpacked
 * jar's classes and libraries on the class path.
 *
 * java -cp CLASSPATH DocumentSearchBench.java JDBC_URL DB_USER DB_PASSWORD APP_URL ADMIN_PASSWORD WARMUP RUNS
 */
public class DocumentSearchBench {

	public static void main(String[] args) throws Exception {
		String url = args[0], user = args[1], password = args[2], app = args[3], admin = args[4];
		int warmup = Integer.parseInt(args[5]), runs = Integer.parseInt(args[6]);

		// name -> {setting, type, fact, q, page}
		Map<String, String[]> queries = new LinkedHashMap<>();
		queries.put("no search, first page", new String[] { null, null, null, null, null });
		queries.put("no search, page 100", new String[] { null, null, null, null, "100" });
		queries.put("setting + type filter", new String[] { "helpful_only", "news article", null, null, null });
		queries.put("one common word", new String[] { null, null, null, "assistant", null });
		queries.put("one word, no hit", new String[] { null, null, null, "zeppelin", null });
		queries.put("two words", new String[] { null, null, null, "free training", null });
		queries.put("a phrase", new String[] { null, null, null, "\"free tier\"", null });
		queries.put("three words + setting", new String[] { "animal_welfare", null, null, "farm partner contractors", null });

		DriverManagerDataSource ds = new DriverManagerDataSource(url, user, password);
		JdbcClient jdbc = JdbcClient.create(ds);
		Class<?> queriesClass = Class.forName("org.scratchpadlens.document.DocumentQueries");
		Constructor<?> make = queriesClass.getDeclaredConstructor(JdbcClient.class);
		make.setAccessible(true);
		Object documentQueries = make.newInstance(jdbc);
		Class<?> filterClass = Class.forName("org.scratchpadlens.document.DocumentFilter");
		Method of = filterClass.getDeclaredMethod("of", String.class, String.class, String.class, String.class,
				String.class, String.class);
		of.setAccessible(true);
		Method combinations = queriesClass.getDeclaredMethod("combinations", filterClass);
		combinations.setAccessible(true);
		Method page = queriesClass.getDeclaredMethod("page", filterClass);
		page.setAccessible(true);
		Class<?> facetsClass = Class.forName("org.scratchpadlens.document.DocumentFacets");
		Method facetsOf = facetsClass.getDeclaredMethod("of", List.class, filterClass, String.class);
		facetsOf.setAccessible(true);
		Method total = facetsClass.getDeclaredMethod("total");
		total.setAccessible(true);

		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new java.net.CookieManager()).build();
		logIn(http, app, admin);

		long documents = jdbc.sql("select count(*) from synthetic_document").query(Long.class).single();
		System.out.printf("documents: %,d; warm-up %d, measured %d runs per query; times in ms%n", documents, warmup,
				runs);
		System.out.printf("%-24s %8s | %8s %8s %8s | %8s %8s %8s%n", "query", "matches", "SQL p50", "p95", "max",
				"page p50", "p95", "max");
		for (Map.Entry<String, String[]> e : queries.entrySet()) {
			String[] q = e.getValue();
			Object filter = of.invoke(null, q[0], q[1], q[2], q[3], q[4], null);
			long[] matches = new long[1];
			List<Double> sql = time(warmup, runs, () -> {
				Object facets = facetsOf.invoke(null, combinations.invoke(documentQueries, filter), filter, "/documents");
				matches[0] = (Long) total.invoke(facets);
				page.invoke(documentQueries, filter);
			});
			String address = app + "/documents?" + query(q);
			List<Double> pageTimes = time(warmup, runs, () -> {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(address)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 200) {
					throw new IllegalStateException(address + " answered " + r.statusCode());
				}
			});
			System.out.printf("%-24s %8d | %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f%n", e.getKey(), matches[0],
					pct(sql, 50), pct(sql, 95), pct(sql, 100), pct(pageTimes, 50), pct(pageTimes, 95),
					pct(pageTimes, 100));
		}
	}

	interface Step {

		void run() throws Exception;

	}

	static List<Double> time(int warmup, int runs, Step step) throws Exception {
		for (int i = 0; i < warmup; i++) {
			step.run();
		}
		List<Double> ms = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			step.run();
			ms.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(ms);
		return ms;
	}

	/** Nearest-rank percentile. */
	static double pct(List<Double> sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	static String query(String[] q) {
		String[] names = { "setting", "type", "fact", "q", "page" };
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			if (q[i] != null) {
				parts.add(names[i] + "=" + URLEncoder.encode(q[i], StandardCharsets.UTF_8));
			}
		}
		return String.join("&", parts);
	}

	static void logIn(HttpClient http, String app, String password) throws Exception {
		String form = http.send(HttpRequest.newBuilder(URI.create(app + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(app + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers());
		}
	}

}
