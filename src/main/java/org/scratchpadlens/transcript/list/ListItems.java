package org.scratchpadlens.transcript.list;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of one page of the list, read from the store by id: what the index does not
 * hold (file names, every metric's value as typed).
 */
@Repository
class ListItems {

	private final JdbcClient jdbc;

	ListItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The items of these ids, in the same order. */
	List<ListItem> items(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, ListItem> byId = new HashMap<>();
		jdbc.sql("""
				select t.id, r.path, r.setting, r.variation, r.model, r.sample, t.split, t.query_index, t.file_name,
				  t.has_output, t.cut_off
				from transcript t join run r on r.id = t.run_id where t.id in (:ids)""")
			.paramSource(new MapSqlParameterSource("ids", ids))
			.query(rs -> {
				long id = rs.getLong(1);
				byId.put(id,
						new ListItem(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getBoolean(6), rs.getString(7), (Integer) rs.getObject(8), rs.getString(9),
								rs.getBoolean(10), rs.getBoolean(11), new TreeMap<>()));
			});
		jdbc.sql("""
				select m.transcript_id, n.name, m.value_type, m.bool_value, m.num_value, m.text_value
				from metric m join metric_name n on n.id = m.metric_name_id where m.transcript_id in (:ids)""")
			.paramSource(new MapSqlParameterSource("ids", ids))
			.query(rs -> {
				ListItem item = byId.get(rs.getLong(1));
				Object value = switch (rs.getString(3)) {
					case "boolean" -> rs.getBoolean(4);
					case "number" -> number(rs.getDouble(5));
					case "text" -> rs.getString(6);
					default -> null;
				};
				item.metrics().put(rs.getString(2), value);
			});
		List<ListItem> items = new ArrayList<>(ids.size());
		ids.forEach(id -> {
			ListItem item = byId.get(id);
			if (item != null) {
				items.add(item);
			}
		});
		return items;
	}

	/**
	 * The searchable text of each transcript (its messages but a system prompt stored
	 * once), for search snippets.
	 */
	Map<Long, String> texts(List<Long> ids) {
		Map<Long, StringBuilder> texts = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("""
					select transcript_id, content from message where transcript_id in (:ids) and content is not null
					order by transcript_id, ordinal""").paramSource(new MapSqlParameterSource("ids", ids)).query(rs -> {
				StringBuilder text = texts.computeIfAbsent(rs.getLong(1), k -> new StringBuilder());
				text.append(text.isEmpty() ? "" : "\n\n").append(rs.getString(2));
			});
		}
		Map<Long, String> result = new HashMap<>();
		texts.forEach((id, text) -> result.put(id, text.toString()));
		return result;
	}

	/** Whole numbers as integers in JSON (a pm_score of 2 is 2, not 2.0). */
	private static Object number(double d) {
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
	}

	/**
	 * One transcript in the list. {@code metrics}: name → true/false, a number, a text,
	 * or null when the value is missing (absent names are not listed).
	 */
	record ListItem(long id, String run, String setting, String variation, String model, boolean sample, String split,
			Integer queryIndex, String fileName, boolean hasOutput, boolean cutOff, Map<String, Object> metrics) {
	}

}
