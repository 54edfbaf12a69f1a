package org.scratchpadlens.transcript;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Until the filtered list exists: neighbours in query order within the transcript's own
 * run and split (list parameters are ignored). Replaced by the list's own neighbours.
 */
@Component
class RunOrderNeighbours implements TranscriptNeighbours {

	private final JdbcClient jdbc;

	RunOrderNeighbours(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Neighbours around(long id, MultiValueMap<String, String> listParameters) {
		List<Long> ids = jdbc.sql("""
				select t.id from transcript t join transcript me on me.run_id = t.run_id and me.split = t.split
				where me.id = ? and t.is_current order by t.query_index, t.file_name, t.id""")
			.param(id)
			.query(Long.class)
			.list();
		int at = ids.indexOf(id);
		if (at < 0) {
			return new Neighbours(null, null, 0, ids.size());
		}
		return new Neighbours(at > 0 ? ids.get(at - 1) : null, at + 1 < ids.size() ? ids.get(at + 1) : null, at + 1,
				ids.size());
	}

}
