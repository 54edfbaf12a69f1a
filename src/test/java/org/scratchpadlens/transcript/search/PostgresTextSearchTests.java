package org.scratchpadlens.transcript.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.TestDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The text search behind the list's {@code q}, called directly: phrases of common words,
 * and (on PostgreSQL) a store indexed by an earlier format indexed again.
 */
@AppTest
class PostgresTextSearchTests extends FreshDatabase {

	@Autowired
	TextSearch search;

	@Autowired
	ImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path root;

	@Test
	void phrasesOfCommonWordsMatchOnlyInOrderAndAStoreOfAnEarlierFormatIsIndexedAgain() {
		TranscriptFiles.write(root.resolve("json_outputs/helpful_only/default/deploy/0.json"),
				TranscriptFiles.transcript(false, "this output is not used for training at all", null));
		TranscriptFiles.write(root.resolve("json_outputs/helpful_only/default/deploy/1.json"),
				TranscriptFiles.transcript(false, "training is not for what it is used", null));
		imports.importNow(new ImportRequest(List.of(root), "cli", "test", null), ImportProgress.NONE);
		long[] ids = jdbc.queryForList("select id from transcript order by id", Long.class)
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
		long first = jdbc.queryForObject("select id from transcript where file_name = '0.json'", Long.class);
		search.index(search.notIndexed(ids));
		assertThat(search.notIndexed(ids)).isEmpty();

		SearchQuery phrase = SearchQuery.parse("\"Not used for TRAINING\"");
		assertThat(search.matching(phrase)).containsExactly(first);
		assertThat(search.matching(SearchQuery.parse("not used for training"))).containsExactlyInAnyOrder(ids);
		assertThat(search.matching(SearchQuery.parse("\"for training is\""))).isEmpty();

		if (TestDatabase.postgres()) {
			// rows written before word pairs were indexed: the words alone, marker chunk
			// 0
			jdbc.update("delete from transcript_search");
			jdbc.update("""
					insert into transcript_search (transcript_id, message_ordinal, chunk, document)
					select transcript_id, ordinal, 0, to_tsvector('simple', content) from message
					where content is not null""");
			jdbc.update("insert into transcript_search (transcript_id, message_ordinal, chunk, document)"
					+ " select id, -1, 0, ''::tsvector from transcript");
			assertThat(search.matching(phrase)).as("without word pairs nothing passes the pair test").isEmpty();
			assertThat(search.notIndexed(ids)).as("an earlier format counts as not indexed")
				.containsExactlyInAnyOrder(ids);

			search.index(ids);

			assertThat(search.notIndexed(ids)).isEmpty();
			assertThat(search.matching(phrase)).containsExactly(first);
			assertThat(jdbc.queryForObject("select count(*) from transcript_search where message_ordinal = -1",
					Long.class))
				.as("one marker per transcript")
				.isEqualTo(2);
		}
	}

}
