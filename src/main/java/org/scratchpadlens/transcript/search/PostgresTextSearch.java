package org.scratchpadlens.transcript.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own full-text search: one {@code tsvector} per message (per 50,000
 * characters of a longer one, which keeps word positions within what a tsvector records,
 * so phrases match) in {@code transcript_search}, with a GIN index; the {@code simple}
 * configuration lower-cases words and neither stems nor drops any. Every app instance on
 * the server shares it; rows go when their transcript does.
 */
class PostgresTextSearch implements TextSearch {

	static final int CHUNK = 50_000;

	private final JdbcClient jdbc;

	PostgresTextSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long[] matching(SearchQuery query) {
		List<String> selects = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		int i = 0;
		for (SearchQuery.Clause clause : query.clauses()) {
			boolean phrase = SearchQuery.words(clause.text()).size() > 1;
			selects.add("select transcript_id from transcript_search where document @@ "
					+ (phrase ? "phraseto_tsquery" : "plainto_tsquery") + "('simple', :c" + i + ")");
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
				where t.is_current and not exists (select 1 from transcript_search s where s.transcript_id = t.id)
				order by t.id""").query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
		// only those the caller knows as current (the store may have moved on since)
		return Arrays.stream(missing).filter(id -> Arrays.binarySearch(currentIds, id) >= 0).toArray();
	}

	@Override
	public void index(long[] ids) {
		if (ids.length == 0) {
			return;
		}
		List<Long> list = Arrays.stream(ids).boxed().toList();
		// the row with message ordinal -1 marks the transcript as indexed even if it has
		// no text
		jdbc.sql(
				"""
						insert into transcript_search (transcript_id, message_ordinal, chunk, document)
						select m.transcript_id, m.ordinal, c.n, to_tsvector('simple', substr(m.content, c.n * :chunk + 1, :chunk))
						from message m cross join lateral generate_series(0, greatest(length(m.content) - 1, 0) / :chunk) as c(n)
						where m.transcript_id in (:ids) and m.content is not null
						union all
						select t.id, -1, 0, ''::tsvector from transcript t where t.id in (:ids)
						on conflict do nothing""")
			.paramSource(new MapSqlParameterSource("ids", list).addValue("chunk", CHUNK))
			.update();
	}

}
