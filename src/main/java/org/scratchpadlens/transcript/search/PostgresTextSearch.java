package org.scratchpadlens.transcript.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * PostgreSQL's own full-text search: one {@code tsvector} per message (per 50,000
 * characters of a longer one, which keeps word positions within what a tsvector records,
 * so phrases match) in {@code transcript_search}, with a GIN index; the {@code simple}
 * configuration lower-cases words and neither stems nor drops any. Beside its words, each
 * document holds the {@link CommonGrams} of its text, so that a phrase of common words
 * does not make PostgreSQL check positions in nearly every document. Every app instance
 * on the server shares it; rows go when their transcript does. A transcript is indexed
 * when its marker row (message ordinal -1) carries the current {@link #FORMAT} in its
 * chunk column: a store indexed by an earlier format is indexed again by the catch-up.
 */
class PostgresTextSearch implements TextSearch {

	static final int CHUNK = 50_000;

	/**
	 * What the rows of an indexed transcript hold: 0 words only, 1 words and common
	 * grams.
	 */
	static final int FORMAT = 1;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	PostgresTextSearch(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	@Override
	public long[] matching(SearchQuery query) {
		List<String> selects = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		int i = 0;
		for (SearchQuery.Clause clause : query.clauses()) {
			List<String> words = SearchQuery.words(clause.text());
			boolean phrase = words.size() > 1;
			Set<String> pairs = phrase ? CommonGrams.pairs(words) : Set.of();
			String select = "select distinct transcript_id from transcript_search where document @@ "
					+ (phrase ? "phraseto_tsquery" : "plainto_tsquery") + "('simple', :c" + i + ")";
			if (!pairs.isEmpty()) {
				// the pairs narrow the documents whose positions are checked
				select += " and document @@ cast(:g" + i + " as tsquery)";
				params.addValue("g" + i, CommonGrams.tsquery(pairs));
			}
			selects.add(select);
			params.addValue("c" + i, clause.text());
			i++;
		}
		return jdbc.sql(String.join(" intersect ", selects) + " order by 1")
			.paramSource(params)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	@Override
	public long[] notIndexed(long[] currentIds) {
		long[] missing = jdbc.sql("""
				select t.id from transcript t
				where t.is_current and not exists (select 1 from transcript_search s
				  where s.transcript_id = t.id and s.message_ordinal = -1 and s.chunk = :format)
				order by t.id""")
			.param("format", FORMAT)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
		// only those the caller knows as current (the store may have moved on since)
		return Arrays.stream(missing).filter(id -> Arrays.binarySearch(currentIds, id) >= 0).toArray();
	}

	@Override
	@Transactional
	public void index(long[] ids) {
		if (ids.length == 0) {
			return;
		}
		List<Long> list = Arrays.stream(ids).boxed().toList();
		List<Object[]> rows = new ArrayList<>();
		jdbc.sql("select transcript_id, ordinal, content from message where transcript_id in (:ids)"
				+ " and content is not null order by transcript_id, ordinal")
			.param("ids", list)
			.query((rs, n) -> {
				String content = rs.getString(3);
				for (int chunk = 0; chunk == 0 || chunk * CHUNK < content.length(); chunk++) {
					String text = content.substring(chunk * CHUNK, Math.min(content.length(), (chunk + 1) * CHUNK));
					rows.add(new Object[] { rs.getLong(1), rs.getInt(2), chunk, text,
							CommonGrams.tsvector(CommonGrams.pairs(SearchQuery.words(text))) });
				}
				return null;
			})
			.list();
		// rows of an earlier format go; the marker row (ordinal -1, chunk = format) says
		// the transcript is indexed even if it has no text
		jdbc.sql("delete from transcript_search where transcript_id in (:ids)").param("ids", list).update();
		batch.batchUpdate("""
				insert into transcript_search (transcript_id, message_ordinal, chunk, document)
				values (?, ?, ?, to_tsvector('simple', ?) || cast(? as tsvector))
				on conflict do nothing""", rows);
		batch.batchUpdate(
				"insert into transcript_search (transcript_id, message_ordinal, chunk, document)"
						+ " values (?, -1, ?, ''::tsvector) on conflict do nothing",
				list.stream().map(id -> new Object[] { id, FORMAT }).toList());
	}

}
