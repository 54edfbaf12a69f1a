package org.scratchpadlens.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Synthetic documents as the pages and the API read them. Search is SQL: every term must
 * occur in the text, idea, fact or type ({@code lower(x) like lower(?)}, the same on H2
 * and PostgreSQL); the release holds thousands of documents, not millions (see
 * docs/benchmarks.md for the time it takes).
 */
@Repository
public class DocumentQueries {

	static final int EXCERPT_CHARS = 280;

	private static final String SEARCHED = "lower(content) like ? escape '!' or lower(coalesce(idea, '')) like ? escape '!'"
			+ " or lower(coalesce(fact, '')) like ? escape '!' or lower(coalesce(doc_type, '')) like ? escape '!'";

	private final JdbcClient jdbc;

	DocumentQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The documents on the filter's page, in file order (by source path, then position in
	 * the file). The page's ids are chosen first, so only narrow columns are sorted; the
	 * texts are read for those ids alone.
	 */
	List<DocumentListItem> page(DocumentFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, true, params);
		params.add(filter.offset());
		params.add(filter.size());
		List<Long> ids = jdbc
			.sql("select id from synthetic_document" + where
					+ " order by source_path, source_index, id offset ? rows fetch next ? rows only")
			.params(params)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		SearchTerms search = filter.search();
		Map<Long, DocumentListItem> byId = new HashMap<>();
		jdbc.sql("select id, setting, doc_type, fact, idea, content, source_path from synthetic_document where id in ("
				+ String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
			.params(new ArrayList<Object>(ids))
			.query((rs, n) -> {
				String content = rs.getString("content");
				String idea = rs.getString("idea");
				String excerpt = search.snippet(content, EXCERPT_CHARS);
				return new DocumentListItem(rs.getLong("id"), rs.getString("setting"), rs.getString("doc_type"),
						rs.getString("fact"), idea, excerpt, content.length(), rs.getString("source_path"),
						search.highlight(excerpt), search.highlight(idea));
			})
			.list()
			.forEach(item -> byId.put(item.id(), item));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	/**
	 * How many documents that match the search have each (setting, type, fact); the
	 * filters are applied to these in Java ({@link DocumentFacets}).
	 */
	List<DocumentFacets.Combination> combinations(DocumentFilter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, false, params);
		return jdbc
			.sql("select setting, doc_type, fact, count(*) from synthetic_document" + where
					+ " group by setting, doc_type, fact")
			.params(params)
			.query((rs, n) -> new DocumentFacets.Combination(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getLong(4)))
			.list();
	}

	Optional<DocumentDetail> find(long id) {
		return jdbc.sql("""
				select id, sha256, setting, doc_type, fact, idea, content, metadata_json, source_path, source_index,
				  import_job_id, imported_at
				from synthetic_document where id = ?""").param(id).query((rs, n) -> {
			String content = rs.getString("content");
			return new DocumentDetail(rs.getLong("id"), rs.getString("sha256"), rs.getString("setting"),
					rs.getString("doc_type"), rs.getString("fact"), rs.getString("idea"), content, content.length(),
					metadata(rs.getString("metadata_json")), rs.getString("source_path"), rs.getInt("source_index"),
					rs.getLong("import_job_id"), rs.getTimestamp("imported_at").toInstant());
		}).optional();
	}

	/**
	 * The importer stores the keys it did not map as a JSON object; anything else
	 * (written by hand) is shown as text.
	 */
	private static JsonNode metadata(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			return JsonMapper.shared().readTree(json);
		}
		catch (JacksonException e) {
			return JsonMapper.shared().getNodeFactory().stringNode(json);
		}
	}

	private static String where(DocumentFilter filter, boolean withFilters, List<Object> params) {
		List<String> clauses = new ArrayList<>();
		if (withFilters) {
			if (filter.setting() != null) {
				clauses.add("setting = ?");
				params.add(filter.setting());
			}
			if (filter.type() != null) {
				clauses.add("doc_type = ?");
				params.add(filter.type());
			}
			if (filter.fact() != null) {
				clauses.add("fact = ?");
				params.add(filter.fact());
			}
		}
		for (String term : filter.search().terms()) {
			clauses.add("(" + SEARCHED + ")");
			String pattern = SearchTerms.likePattern(term);
			params.addAll(List.of(pattern, pattern, pattern, pattern));
		}
		return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
	}

}
