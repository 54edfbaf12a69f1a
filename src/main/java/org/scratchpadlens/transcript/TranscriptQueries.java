package org.scratchpadlens.transcript;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scratchpadlens.transcript.TranscriptBody.Message;
import org.scratchpadlens.transcript.TranscriptBody.Metric;
import org.scratchpadlens.transcript.TranscriptBody.Section;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One transcript: its header, its versions, and its conversation with metrics. */
@Repository
public class TranscriptQueries {

	private final JdbcClient jdbc;

	TranscriptQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TranscriptHeader> header(long id) {
		return jdbc.sql("""
				select t.id, t.run_id, r.path, r.sample, r.setting, r.variation, r.model, t.split, t.query_index,
				  t.file_name, t.version, t.is_current, t.system_prompt_id, t.free_tier_tag, t.split_mismatch,
				  t.has_output, t.cut_off, t.imported_at
				from transcript t join run r on r.id = t.run_id
				where t.id = ?""")
			.param(id)
			.query((rs, n) -> new TranscriptHeader(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
					rs.getString(10), rs.getInt(11), rs.getBoolean(12), (Long) rs.getObject(13, Long.class),
					rs.getString(14), rs.getBoolean(15), rs.getBoolean(16), rs.getBoolean(17),
					rs.getObject(18, OffsetDateTime.class)))
			.optional();
	}

	/**
	 * Every version of the transcript's identity (run, split, file name), oldest first.
	 */
	public List<TranscriptVersion> versions(TranscriptHeader t) {
		return jdbc.sql("""
				select id, version, imported_at, is_current from transcript
				where run_id = ? and split = ? and file_name = ? order by version, id""")
			.params(t.runId(), t.split(), t.fileName())
			.query((rs, n) -> new TranscriptVersion(rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
					rs.getBoolean(4)))
			.list();
	}

	/**
	 * The messages with their sections, the metrics, and the linked system prompt's text;
	 * empty when the transcript does not exist.
	 */
	public Optional<TranscriptBody> body(long id) {
		Map<Integer, List<Section>> sectionsByMessage = new HashMap<>();
		Map<Long, Integer> ordinalOfMessage = new HashMap<>();
		List<Object[]> rows = jdbc.sql("""
				select m.id, m.ordinal, m.role, m.content, m.system_prompt_id from message m
				where m.transcript_id = ? order by m.ordinal""")
			.param(id)
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
							rs.getObject(5, Long.class) })
			.list();
		rows.forEach(r -> ordinalOfMessage.put((Long) r[0], (Integer) r[1]));
		jdbc.sql("""
				select message_id, ordinal, kind, depth, start_offset, end_offset, closed from section
				where transcript_id = ? order by message_id, ordinal""").param(id).query((rs, n) -> {
			Integer message = ordinalOfMessage.get(rs.getLong(1));
			if (message != null) {
				sectionsByMessage.computeIfAbsent(message, k -> new ArrayList<>())
					.add(new Section(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
							rs.getBoolean(7)));
			}
			return null;
		}).list();
		List<Message> messages = rows.stream()
			.map(r -> new Message((Integer) r[1], (String) r[2], (String) r[3], (Long) r[4],
					List.copyOf(sectionsByMessage.getOrDefault((Integer) r[1], List.of()))))
			.toList();
		List<Metric> metrics = new ArrayList<>(jdbc.sql("""
				select n.name, m.value_type, m.bool_value, m.num_value, m.text_value, m.raw_value
				from metric m join metric_name n on n.id = m.metric_name_id
				where m.transcript_id = ?""")
			.param(id)
			.query((rs, n) -> new Metric(rs.getString(1), rs.getString(2), rs.getObject(3, Boolean.class),
					rs.getObject(4, Double.class), rs.getString(5), rs.getString(6)))
			.list());
		metrics.sort((a, b) -> MetricGroups.compare(a.name(), b.name()));
		Optional<Object[]> transcript = jdbc.sql("""
				select t.id, p.content from transcript t left join system_prompt p on p.id = t.system_prompt_id
				where t.id = ?""")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		if (transcript.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new TranscriptBody(messages, List.copyOf(metrics), (String) transcript.get()[1],
				TranscriptBlocks.of(messages), false));
	}

}
