package org.scratchpadlens.transcript.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * H2's search index on disk: it survives a restart, and an index left by another database
 * at the same path is emptied rather than answering with that store's transcripts.
 */
class LuceneTextSearchTests {

	@TempDir
	Path folder;

	static JdbcTemplate store(String installedOn) {
		var ds = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa", "");
		JdbcTemplate sql = new JdbcTemplate(ds);
		sql.execute("create table \"flyway_schema_history\" (\"version\" varchar(50), \"installed_on\" timestamp)");
		sql.update("insert into \"flyway_schema_history\" values ('1', ?)", Timestamp.from(Instant.parse(installedOn)));
		sql.execute("create table message (transcript_id bigint, ordinal int, content clob)");
		return sql;
	}

	static SearchQuery q(String text) {
		return SearchQuery.parse(text);
	}

	@Test
	void anIndexSurvivesARestartAndIsEmptiedForAnotherStore() throws Exception {
		JdbcTemplate first = store("2026-01-01T00:00:00Z");
		first.update("insert into message values (1000, 0, 'a Purple elephant walks'), (2000, 0, 'only bread')");
		LuceneTextSearch search = new LuceneTextSearch(JdbcClient.create(first), folder);
		assertThat(search.notIndexed(new long[] { 1000, 2000 })).containsExactly(1000, 2000);
		search.index(new long[] { 1000, 2000 });
		assertThat(search.matching(q("\"purple elephant\""))).containsExactly(1000);
		assertThat(search.matching(q("ELEPHANT bread"))).isEmpty();
		assertThat(search.matching(q("\"elephant purple\""))).isEmpty();
		search.destroy();

		LuceneTextSearch again = new LuceneTextSearch(JdbcClient.create(first), folder);
		assertThat(again.notIndexed(new long[] { 1000, 2000 })).as("still indexed after a restart").isEmpty();
		assertThat(again.matching(q("bread"))).containsExactly(2000);
		// a transcript no longer current is dropped as the search catches up
		assertThat(again.notIndexed(new long[] { 2000 })).isEmpty();
		assertThat(again.matching(q("elephant"))).isEmpty();
		again.destroy();

		JdbcTemplate other = store("2026-02-02T00:00:00Z");
		other.update("insert into message values (1000, 0, 'nothing about animals')");
		LuceneTextSearch fresh = new LuceneTextSearch(JdbcClient.create(other), folder);
		assertThat(fresh.matching(q("bread"))).as("the other store's text is gone").isEmpty();
		assertThat(fresh.notIndexed(new long[] { 1000 })).containsExactly(1000);
		fresh.index(new long[] { 1000 });
		assertThat(fresh.matching(q("animals"))).containsExactly(1000);
		fresh.destroy();
	}

}
