package org.scratchpadlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.support.DatabaseTest;
import org.scratchpadlens.support.TestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A store made by an earlier version of the app upgrades on start with nothing lost. The
 * store is built with the migrations of that version (Flyway's target), filled as that
 * version's importer filled it, including the states the new constraints forbid, then
 * migrated to the latest version.
 */
@DatabaseTest
class MigrationUpgradeTests {

	private DriverManagerDataSource dataSource;

	private Flyway flyway(String target) {
		var config = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common",
					"classpath:db/migration/" + (TestDatabase.postgres() ? "postgresql" : "h2"));
		if (TestDatabase.postgres()) {
			String schema = dataSource.getUrl().replaceAll(".*currentSchema=", "");
			config.schemas(schema).defaultSchema(schema).createSchemas(true);
		}
		if (target != null) {
			config.target(target);
		}
		return config.load();
	}

	@BeforeEach
	void freshDatabase() {
		String name = "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		if (TestDatabase.postgres()) {
			dataSource = new DriverManagerDataSource(
					TestDatabase.PG_URL + (TestDatabase.PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + name,
					TestDatabase.PG_USER, TestDatabase.PG_PASSWORD);
		}
		else {
			dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
		}
	}

	@Test
	void aStoreOfTheFirstReleaseUpgradesWithEveryRowKept() {
		// the first release's schema: V1, and V2 on H2 only
		flyway(TestDatabase.postgres() ? "1" : "2").migrate();
		JdbcTemplate sql = new JdbcTemplate(dataSource);
		Timestamp now = Timestamp.from(Instant.now());
		long sampleJob = job(sql, "sample", now);
		long cliJob = job(sql, "cli", now);
		// a run of samples only, and one a release import turned into a mix (the bug)
		long samples = run(sql, "helpful_only/default", now);
		long mixed = run(sql, "animal_welfare/default", now);
		transcript(sql, 1000, samples, "0.json", 1, true, sampleJob, now);
		transcript(sql, 1001, mixed, "0.json", 1, false, sampleJob, now);
		transcript(sql, 1002, mixed, "0.json", 2, true, cliJob, now);
		// two current versions of one identity, as one import could leave them
		transcript(sql, 1003, mixed, "1.json", 1, true, cliJob, now);
		transcript(sql, 1004, mixed, "1.json", 2, true, cliJob, now);
		sql.update("insert into metric_name (id, name) values (1, 'partial_scheme')");
		sql.update("insert into metric (transcript_id, metric_name_id, value_type, bool_value, raw_value)"
				+ " values (1003, 1, 'boolean', true, 'true')");

		flyway(null).migrate();

		assertThat(sql.queryForObject("select count(*) from transcript", Long.class)).as("every version kept")
			.isEqualTo(5);
		assertThat(sql.queryForObject("select count(*) from metric", Long.class)).isEqualTo(1);
		assertThat(sql.queryForList("select id from transcript where is_current order by id", Long.class))
			.as("the newest of two current versions stays current")
			.containsExactly(1000L, 1002L, 1004L);
		assertThat(sql.queryForList("select path from run where sample order by path", String.class))
			.as("only a run of samples alone is marked")
			.containsExactly("helpful_only/default");
		assertThat(sql.queryForObject("select prompts_unchanged from import_job where id = ?", Integer.class, cliJob))
			.isZero();
		// a sample run and a real run may now share a path
		run(sql, "helpful_only/default", now);
		assertThat(sql.queryForObject("select count(*) from run where path = 'helpful_only/default'", Long.class))
			.isEqualTo(2);
	}

	@Test
	void aStoreOfTheHardenedSpineUpgradesToSavedViewsAndSearchWithEveryRowKept() {
		// main before the browsing pages: V1 to V4
		flyway("4").migrate();
		JdbcTemplate sql = new JdbcTemplate(dataSource);
		Timestamp now = Timestamp.from(Instant.now());
		sql.update("insert into app_user (username, password_hash, role, created_at) values ('ada', 'x', 'RATER', ?)",
				now);
		long job = job(sql, "cli", now);
		long run = run(sql, "helpful_only/default", now);
		transcript(sql, 2000, run, "0.json", 1, true, job, now);
		sql.update("insert into message (id, transcript_id, ordinal, role, content) values (2001, 2000, 0, 'user', ?)",
				"<INPUT>a purple elephant</INPUT>");

		flyway(null).migrate();

		assertThat(sql.queryForObject("select content from message where id = 2001", String.class))
			.isEqualTo("<INPUT>a purple elephant</INPUT>");
		assertThat(sql.queryForObject("select username from app_user", String.class)).isEqualTo("ada");
		sql.update("insert into saved_view (owner, name, query, created_at) values ('ada', 'mine', 'split=train', ?)",
				now);
		assertThat(sql.queryForObject("select query from saved_view where owner = 'ada'", String.class))
			.isEqualTo("split=train");
		if (TestDatabase.postgres()) {
			sql.update("""
					insert into transcript_search (transcript_id, message_ordinal, chunk, document)
					select transcript_id, ordinal, 0, to_tsvector('simple', content) from message""");
			assertThat(sql.queryForObject("select count(*) from transcript_search where document @@ "
					+ "phraseto_tsquery('simple', 'Purple Elephant')", Long.class))
				.isEqualTo(1);
			// search rows go with their transcript
			sql.update("delete from message where transcript_id = 2000");
			sql.update("delete from transcript where id = 2000");
			assertThat(sql.queryForObject("select count(*) from transcript_search", Long.class)).isZero();
		}
	}

	@Test
	void aStoreOfTheBrowsingPagesUpgradesItsRatersToAnnotatorsAndKeepsTheirViews() {
		// main with the browsing pages: V1 to V6 (V6 exists only for PostgreSQL)
		flyway(TestDatabase.postgres() ? "6" : "5").migrate();
		JdbcTemplate sql = new JdbcTemplate(dataSource);
		Timestamp now = Timestamp.from(Instant.now());
		sql.update("insert into app_user (username, password_hash, role, created_at) values ('ada', 'x', 'RATER', ?)",
				now);
		sql.update("insert into app_user (username, password_hash, role, created_at) values ('root', 'y', 'ADMIN', ?)",
				now);
		sql.update("insert into saved_view (owner, name, query, created_at) values ('ada', 'mine', 'split=train', ?)",
				now);

		flyway(null).migrate();

		assertThat(sql.queryForList("select username || ':' || role from app_user order by username", String.class))
			.as("a rater becomes an annotator; an admin stays an admin")
			.containsExactly("ada:ANNOTATOR", "root:ADMIN");
		assertThat(sql.queryForObject("select password_hash from app_user where username = 'ada'", String.class))
			.isEqualTo("x");
		assertThat(sql.queryForObject("select query from saved_view where owner = 'ada'", String.class))
			.isEqualTo("split=train");
	}

	@Test
	void aStoreWithRolesButNoSessionTablesUpgradesToSessionsInTheDatabaseWithItsPeopleKept() {
		// main with the three roles, before sessions moved into the database: V1 to V7
		flyway("7").migrate();
		JdbcTemplate sql = new JdbcTemplate(dataSource);
		Timestamp created = Timestamp.from(Instant.parse("2026-11-30T10:15:30Z"));
		sql.update(
				"insert into app_user (username, password_hash, role, enabled, created_at)"
						+ " values ('ada', 'hash-a', 'ANNOTATOR', true, ?), ('gone', 'hash-g', 'RESEARCHER', false, ?)",
				created, created);

		flyway(null).migrate();

		assertThat(sql.query("select username, role, enabled, password_hash from app_user order by username",
				(rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getBoolean(3) + ":" + rs.getString(4)))
			.containsExactly("ada:ANNOTATOR:true:hash-a", "gone:RESEARCHER:false:hash-g");
		assertThat(sql.queryForObject("select created_at from app_user where username = 'ada'", Timestamp.class))
			.isEqualTo(created);
		assertThat(sql.queryForObject("select count(*) from app_user where last_login_at is null", Long.class))
			.as("nobody has logged in since")
			.isEqualTo(2);
		// Spring Session's tables, as its JDBC repository uses them
		sql.update("insert into spring_session (primary_id, session_id, creation_time, last_access_time,"
				+ " max_inactive_interval, expiry_time, principal_name) values ('p1', 's1', 1, 1, 1800, 1801, 'ada')");
		sql.update("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)"
				+ " values ('p1', 'SPRING_SECURITY_CONTEXT', ?)", (Object) new byte[] { 1, 2, 3 });
		sql.update("delete from spring_session where principal_name = 'ada'");
		assertThat(sql.queryForObject("select count(*) from spring_session_attributes", Long.class))
			.as("a session's attributes go with it")
			.isZero();
	}

	@Test
	void aStoreWithCampaignsUpgradesToKeptAgreementFiguresWithItsCampaignsKept(@TempDir Path dir) {
		if (!TestDatabase.postgres()) {
			// a file, opened again for every statement as the app opens a store made
			// before (see the fresh store's test below for why that matters on H2)
			dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("store"), "sa", "");
		}
		// main with labelling, agreement and exports, before figures were kept: V1 to V16
		flyway("16").migrate();
		JdbcTemplate sql = new JdbcTemplate(dataSource);
		long campaign = campaign(sql, "pilot", "run");

		flyway(null).migrate();

		assertThat(sql.queryForObject("select filter_query from campaign where id = ?", String.class, campaign))
			.isEqualTo("split=train");
		assertThat(sql.queryForObject("select count(*) from agreement_figures", Long.class)).isZero();
		sql.update("""
				insert into agreement_figures (campaign_id, unclear_as_category, signature, figures_json, computed_at)
				values (?, false, '1|x', '{}', ?)""", campaign, Timestamp.from(Instant.now()));
		sql.update("delete from campaign where id = ?", campaign);
		assertThat(sql.queryForObject("select count(*) from agreement_figures", Long.class))
			.as("a campaign's figures go with it")
			.isZero();
	}

	/**
	 * On H2 a check that compares strings failed once the connection that created it was
	 * closed (V18): a fresh store refused every new campaign after the pool retired
	 * Flyway's connection. Here Flyway's connection is closed as soon as it is done.
	 */
	@Test
	void aFreshStoreAcceptsCampaignsAfterTheConnectionThatMadeItIsClosed() {
		flyway(null).migrate();
		JdbcTemplate sql = new JdbcTemplate(dataSource);
		assertThat(campaign(sql, "random order", "random")).isPositive();
		assertThat(campaign(sql, "run order", "run")).isPositive();
		assertThatThrownBy(() -> campaign(sql, "no such order", "walk"))
			.isInstanceOf(DataIntegrityViolationException.class)
			.satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("ck_campaign_order")
				.doesNotContain("invalid"));
	}

	private static long campaign(JdbcTemplate sql, String name, String order) {
		sql.update("""
				insert into campaign (name, created_by, created_at, rubric_version, raters_per_item, item_order,
				  order_seed, hide_metrics, hide_other_labels, mask_condition, reveal_after_submit,
				  reservation_seconds, filter_query, sample_json, matched_count, item_count)
				values (?, 'admin', ?, 1, 3, ?, 0, false, false, false, true, 1800, 'split=train', null, 0, 0)""", name,
				Timestamp.from(Instant.parse("2026-12-01T09:00:00Z")), order);
		return sql.queryForObject("select id from campaign where name = ?", Long.class, name);
	}

	@Test
	void theLatestSchemaMigratesAnEmptyStore() {
		var result = flyway(null).migrate();
		assertThat(result.success).isTrue();
		assertThat(flyway(null).info().pending()).isEmpty();
		assertThat(List.of(flyway(null).info().applied())).isNotEmpty();
	}

	private static long job(JdbcTemplate sql, String origin, Timestamp now) {
		sql.update("insert into import_job (origin, description, status, started_at, updated_at)"
				+ " values (?, 'test', 'completed', ?, ?)", origin, now, now);
		return sql.queryForObject("select max(id) from import_job", Long.class);
	}

	private static long run(JdbcTemplate sql, String path, Timestamp now) {
		sql.update("insert into run (path, setting, setting_source, created_at) values (?, 'unknown', 'derived', ?)",
				path, now);
		return sql.queryForObject("select max(id) from run", Long.class);
	}

	private static void transcript(JdbcTemplate sql, long id, long run, String file, int version, boolean current,
			long job, Timestamp now) {
		sql.update("""
				insert into transcript (id, run_id, split, file_name, version, is_current, content_sha256, byte_size,
				  source_path, import_job_id, split_mismatch, message_count, scratchpad_blocks, has_output, cut_off,
				  imported_at)
				values (?, ?, 'train', ?, ?, ?, ?, 10, 'x', ?, false, 0, 0, false, false, ?)""", id, run, file, version,
				current, "%064d".formatted(id), job, now);
	}

}
