package org.scratchpadlens.annotation.campaign;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Labels, their revisions, answers and spans, and drafts. */
@Repository
public class LabelQueries {

	private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
	};

	private static final TypeReference<List<Span>> SPANS = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, transcript_id, campaign_id, annotator, rubric_version, revision, "
			+ "seconds_spent, created_at, updated_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	LabelQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	long insert(long campaignId, long transcriptId, String annotator, int rubricVersion, int seconds, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		template.update(connection -> {
			PreparedStatement ps = connection.prepareStatement("""
					insert into label (campaign_id, transcript_id, annotator, rubric_version, revision, seconds_spent,
					  created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?, ?)""", new String[] { "id" });
			ps.setLong(1, campaignId);
			ps.setLong(2, transcriptId);
			ps.setString(3, annotator);
			ps.setInt(4, rubricVersion);
			ps.setInt(5, seconds);
			ps.setTimestamp(6, Timestamp.from(now));
			ps.setTimestamp(7, Timestamp.from(now));
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	/**
	 * The next revision if {@code revision} is still the current one; false when it is
	 * not.
	 */
	boolean bump(long labelId, int revision, int seconds, Instant now) {
		return jdbc.sql("""
				update label set revision = revision + 1, seconds_spent = seconds_spent + ?, updated_at = ?
				where id = ? and revision = ?""").params(seconds, Timestamp.from(now), labelId, revision).update() == 1;
	}

	/**
	 * Replaces the current answers and spans and keeps this version among the revisions.
	 */
	void save(long labelId, int revision, Map<String, String> answers, List<Span> spans, int seconds, Instant now) {
		jdbc.sql("delete from label_answer where label_id = ?").param(labelId).update();
		jdbc.sql("delete from label_span where label_id = ?").param(labelId).update();
		template.batchUpdate("insert into label_answer (label_id, question, answer) values (?, ?, ?)",
				new ArrayList<>(answers.entrySet()), 100, (ps, e) -> {
					ps.setLong(1, labelId);
					ps.setString(2, e.getKey());
					ps.setString(3, e.getValue());
				});
		template.batchUpdate("""
				insert into label_span (label_id, question, message_ordinal, start_offset, end_offset, quoted)
				values (?, ?, ?, ?, ?, ?)""", spans, 100, (ps, s) -> {
			ps.setLong(1, labelId);
			ps.setString(2, s.question());
			ps.setInt(3, s.messageOrdinal());
			ps.setInt(4, s.start());
			ps.setInt(5, s.end());
			ps.setString(6, s.text());
		});
		jdbc.sql("""
				insert into label_revision (label_id, revision, answers_json, spans_json, seconds_spent, saved_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(labelId, revision, json(answers), json(spans), seconds, Timestamp.from(now))
			.update();
	}

	public Optional<Label> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from label where id = ?")
			.param(id)
			.query(LabelQueries::row)
			.optional()
			.map(r -> complete(List.of(r)).get(0));
	}

	public Optional<Label> mine(long campaignId, long transcriptId, String annotator) {
		return jdbc
			.sql("select " + COLUMNS + " from label where campaign_id = ? and transcript_id = ? and annotator = ?")
			.params(campaignId, transcriptId, annotator)
			.query(LabelQueries::row)
			.optional()
			.map(r -> complete(List.of(r)).get(0));
	}

	/** Every label on this transcript version, oldest first. */
	public List<Label> onTranscript(long transcriptId) {
		return complete(jdbc.sql("select " + COLUMNS + " from label where transcript_id = ? order by id")
			.param(transcriptId)
			.query(LabelQueries::row)
			.list());
	}

	List<Revision> history(long labelId) {
		return jdbc.sql("""
				select revision, answers_json, spans_json, seconds_spent, saved_at from label_revision
				where label_id = ? order by revision""")
			.param(labelId)
			.query((rs, n) -> new Revision(rs.getInt(1), read(rs.getString(2), ANSWERS), read(rs.getString(3), SPANS),
					rs.getInt(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	public Optional<Draft> draft(long campaignId, long transcriptId, String user) {
		return jdbc.sql("""
				select answers_json, spans_json, seconds_spent, saved_at from label_draft
				where campaign_id = ? and transcript_id = ? and username = ?""")
			.params(campaignId, transcriptId, user)
			.query((rs, n) -> new Draft(read(rs.getString(1), ANSWERS), read(rs.getString(2), SPANS), rs.getInt(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	void saveDraft(long campaignId, long transcriptId, String user, Map<String, String> answers, List<Span> spans,
			int seconds, Instant now) {
		deleteDraft(campaignId, transcriptId, user);
		jdbc.sql("""
				insert into label_draft (campaign_id, transcript_id, username, answers_json, spans_json, seconds_spent,
				  saved_at) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(campaignId, transcriptId, user, json(answers), json(spans), seconds, Timestamp.from(now))
			.update();
	}

	void deleteDraft(long campaignId, long transcriptId, String user) {
		jdbc.sql("delete from label_draft where campaign_id = ? and transcript_id = ? and username = ?")
			.params(campaignId, transcriptId, user)
			.update();
	}

	/**
	 * The current version of this transcript's file when this one is no longer current.
	 */
	public Long newerVersion(long transcriptId) {
		return jdbc.sql("""
				select n.id from transcript t join transcript n on n.run_id = t.run_id and n.split = t.split
				  and n.file_name = t.file_name and n.is_current and n.id <> t.id
				where t.id = ? and t.is_current = false order by n.id fetch first 1 rows only""")
			.param(transcriptId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** A message's text (the system prompt's when it is stored once), or empty. */
	Optional<String> messageContent(long transcriptId, int ordinal) {
		return jdbc.sql("""
				select coalesce(m.content, p.content) from message m
				left join system_prompt p on p.id = m.system_prompt_id
				where m.transcript_id = ? and m.ordinal = ?""")
			.params(transcriptId, ordinal)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(o -> o);
	}

	/** Labels with this transcript of the import job (blocks undoing it), by file. */
	List<String> labelsOfJob(long importJobId) {
		return jdbc.sql("""
				select r.path, t.split, t.file_name, count(*) from label l join transcript t on t.id = l.transcript_id
				join run r on r.id = t.run_id where t.import_job_id = ?
				group by r.path, t.split, t.file_name order by r.path, t.split, t.file_name""")
			.param(importJobId)
			.query((rs, n) -> rs.getLong(4) + (rs.getLong(4) == 1 ? " label on " : " labels on ") + rs.getString(1)
					+ "/" + rs.getString(2) + "/" + rs.getString(3))
			.list();
	}

	private List<Label> complete(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		String ids = String.join(",", rows.stream().map(r -> Long.toString(r.id())).toList());
		Map<Long, Map<String, String>> answers = new HashMap<>();
		jdbc.sql("select label_id, question, answer from label_answer where label_id in (" + ids
				+ ") order by label_id, question")
			.query(rs -> {
				answers.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
			});
		Map<Long, List<Span>> spans = new HashMap<>();
		jdbc.sql("select label_id, question, message_ordinal, start_offset, end_offset, quoted from label_span "
				+ "where label_id in (" + ids + ") order by label_id, id")
			.query(rs -> {
				spans.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Span(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6)));
			});
		Map<Long, Long> newer = new HashMap<>();
		List<Label> labels = new ArrayList<>();
		for (Row r : rows) {
			Long newerId = newer.computeIfAbsent(r.transcriptId(), t -> {
				Long n = newerVersion(t);
				return n == null ? -1L : n;
			});
			labels.add(new Label(r.id(), r.transcriptId(), r.campaignId(), r.annotator(), r.rubricVersion(),
					r.revision(), new LinkedHashMap<>(answers.getOrDefault(r.id(), Map.of())),
					spans.getOrDefault(r.id(), List.of()), r.seconds(), r.createdAt(), r.updatedAt(),
					newerId < 0 ? null : newerId));
		}
		return labels;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
				rs.getInt(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
	}

	static String json(Object value) {
		return JsonMapper.shared().writeValueAsString(value);
	}

	private static <T> T read(String json, TypeReference<T> type) {
		return JsonMapper.shared().readValue(json, type);
	}

	private record Row(long id, long transcriptId, long campaignId, String annotator, int rubricVersion, int revision,
			int seconds, Instant createdAt, Instant updatedAt) {
	}

}
