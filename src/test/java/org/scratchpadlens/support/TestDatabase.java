package org.scratchpadlens.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the tests run on. The build runs the database tests twice: on embedded
 * H2 (default) and, in a second Surefire execution with
 * {@code -Dscratchpad.test.db=postgres}, on a real PostgreSQL server. Test classes share
 * one database per run (an in-memory H2, or a schema on the server), emptied before each
 * class; a class that needs the first start of the app gets one of its own.
 */
public final class TestDatabase {

	public static final String PG_URL = env("SCRATCHPAD_TEST_PG_URL",
			"jdbc:postgresql://localhost:5432/scratchpad_test");

	public static final String PG_USER = env("SCRATCHPAD_TEST_PG_USER", "scratchpad");

	public static final String PG_PASSWORD = env("SCRATCHPAD_TEST_PG_PASSWORD", "scratchpad");

	private TestDatabase() {
	}

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("scratchpad.test.db", "h2").toLowerCase(Locale.ROOT));
	}

	public static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/** The database test classes share in this run (a JVM). */
	private static final String SHARED = newName();

	private static String newName() {
		return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/** Registers the database test classes share in this run. */
	public static void registerShared(DynamicPropertyRegistry registry) {
		register(registry, SHARED);
	}

	/** Registers a fresh database for one test class. */
	public static void register(DynamicPropertyRegistry registry) {
		register(registry, newName());
	}

	private static void register(DynamicPropertyRegistry registry, String name) {
		// no index built in the background at start: it would race EmptyStore's
		// truncation
		registry.add("scratchpad.transcript-index.build-at-start", () -> "false");
		if (postgres()) {
			registry.add("spring.datasource.url",
					() -> PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + name);
			registry.add("spring.datasource.username", () -> PG_USER);
			registry.add("spring.datasource.password", () -> PG_PASSWORD);
			registry.add("spring.flyway.default-schema", () -> name);
			registry.add("spring.flyway.schemas", () -> name);
			registry.add("spring.flyway.create-schemas", () -> "true");
		}
		else {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		}
	}

	/** Why PostgreSQL cannot be reached, or null when it can. */
	static String postgresProblem() {
		try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
			return c.isValid(5) ? null : "connection not valid";
		}
		catch (SQLException e) {
			return e.getMessage();
		}
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

}
