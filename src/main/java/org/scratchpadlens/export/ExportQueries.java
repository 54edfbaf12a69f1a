package org.scratchpadlens.export;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scratchpadlens.annotation.campaign.Span;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The exports' reads. Each takes one {@link Batch} of transcripts (at most
 * {@link #BATCH}), so an export holds one batch of rows at a time whatever its size. A
 * batch whose ids ascend and cover (nearly) every transcript between its first and last
 * id is read as that id range ({@code between}): an index range scan. Any other batch is
 * read by its ids ({@code in}), which H2 checks against each row read by comparing it
 * with every id of the list in turn: with 500 transcripts (1,500 labels) a batch, that
 * took 80 % of the wide export's time on 75,000 transcripts.
 */
@Repository
class ExportQueries {

	/** Transcripts read per batch. */
	static final int BATCH = 500;

	/**
	 * A batch is read as an id range when at most this many times as many transcripts (of
	 * any version) lie in the range as the batch holds: the rows read and dropped stay at
	 * most as many as the rows used. (The ids' span says nothing: transcripts share their
	 * id sequence with their messages, sections and metrics.)
	 */
	static final int RANGE_SLACK = 2;

	private final JdbcClient jdbc;

	ExportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The transcripts one read covers: the batch's ids, in the list's order, and the id
	 * range {@code first..last} when the batch is read as a range (else null). A range
	 * read returns the rows of other transcripts in the range too: the export only looks
	 * up the batch's ids in what it read.
	 */
	record Batch(List<Long> ids, Long first, Long last) {

		static Batch of(List<Long> ids) {
			return new Batch(ids, null, null);
		}

		/**
		 * The SQL condition that selects the batch's rows by the transcript id column.
		 */
		String where(String column) {
			return first == null ? column + " in (:ids)" : column + " between :first and :last";
		}

		Map<String, Object> params() {
			return first == null ? Map.of("ids", ids) : Map.of("first", first, "last", last);
		}

	}

	/**
	 * The batch, as a range if its ids ascend and the range holds few other transcripts.
	 */
	Batch batch(List<Long> ids) {
		for (int i = 1; i < ids.size(); i++) {
			if (ids.get(i) <= ids.get(i - 1)) {
				return Batch.of(ids);
			}
		}
		long first = ids.get(0);
		long last = ids.get(ids.size() - 1);
		long inRange = jdbc.sql("select count(*) from transcript where id between ? and ?")
			.params(first, last)
			.query(Long.class)
			.single();
		return inRange <= (long) RANGE_SLACK * ids.size() ? new Batch(ids, first, last) : Batch.of(ids);
	}

	/** One automated metric's value: a Boolean, a Double, a String, or null (missing). */
	record MetricValue(long transcriptId, String name, Object value) {
	}

	record LabelRow(long id, long campaignId, String campaign, long transcriptId, String annotator, int rubricVersion,
			int revision, int seconds, Instant createdAt, Instant updatedAt) {
	}

	record GoldRow(long campaignId, String campaign, long transcriptId, String question, String answer, String reason,
			String adjudicator, int revision, Instant decidedAt, int rubricVersion) {
	}

	Set<Long> campaignItems(long campaignId) {
		return new HashSet<>(jdbc.sql("select transcript_id from campaign_item where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.list());
	}

	List<String> usernamesInCreationOrder() {
		return jdbc.sql("select username from app_user order by id").query(String.class).list();
	}

	List<String> metricNames() {
		return jdbc.sql("select name from metric_name order by name").query(String.class).list();
	}

	/** The campaign's raters, by username. */
	List<String> raters(long campaignId) {
		return jdbc.sql("select username from campaign_rater where campaign_id = ? order by username")
			.param(campaignId)
			.query(String.class)
			.list();
	}

	/** Everyone who has a label (in this campaign, if one is given), by username. */
	List<String> annotators(Long campaignId) {
		if (campaignId != null) {
			return jdbc.sql("""
					select username from campaign_rater where campaign_id = :c
					union select distinct annotator from label where campaign_id = :c order by 1""")
				.param("c", campaignId)
				.query(String.class)
				.list();
		}
		return jdbc.sql("select distinct annotator from label order by annotator").query(String.class).list();
	}

	/** Each transcript's metric values by metric name. */
	Map<Long, Map<String, Object>> metrics(Batch batch) {
		// the names looked up here rather than joined: a join is a lookup per metric row
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select id, name from metric_name").query(rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		Map<Long, Map<String, Object>> rows = new HashMap<>();
		jdbc.sql("""
				select m.transcript_id, m.metric_name_id, m.value_type, m.bool_value, m.num_value, m.text_value
				from metric m where %s""".formatted(batch.where("m.transcript_id")))
			.params(batch.params())
			.query(rs -> {
				Object value = switch (rs.getString(3)) {
					case "boolean" -> rs.getBoolean(4);
					case "number" -> number(rs.getDouble(5));
					case "text" -> rs.getString(6);
					default -> null;
				};
				rows.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(names.get(rs.getLong(2)), value);
			});
		return rows;
	}

	/** A whole number as a long (written without ".0"), else the double. */
	static Number number(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return (long) v;
		}
		return v;
	}

	/**
	 * The labels on these transcripts (of one campaign, if given), oldest first. The
	 * campaign is checked here, not in the SQL: given both, H2 walks the campaign's part
	 * of uq_label (every label of the campaign, for each batch) instead of looking up the
	 * batch's transcripts (EXPLAIN on 75,000 × 3 labels: scanCount 225,001 per batch).
	 */
	List<LabelRow> labels(Batch batch, Long campaignId) {
		Map<Long, String> campaigns = campaignNames();
		List<LabelRow> rows = new ArrayList<>();
		jdbc.sql("""
				select l.id, l.campaign_id, l.transcript_id, l.annotator, l.rubric_version, l.revision,
				  l.seconds_spent, l.created_at, l.updated_at
				from label l where %s""".formatted(batch.where("l.transcript_id"))).params(batch.params()).query(rs -> {
			long campaign = rs.getLong(2);
			if (campaignId == null || campaign == campaignId) {
				rows.add(new LabelRow(rs.getLong(1), campaign, campaigns.get(campaign), rs.getLong(3), rs.getString(4),
						rs.getInt(5), rs.getInt(6), rs.getInt(7), instant(rs.getTimestamp(8)),
						instant(rs.getTimestamp(9))));
			}
		});
		rows.sort(LABEL_ORDER);
		return rows;
	}

	/** Labels by campaign, annotator, then id (the order they were made in). */
	static final Comparator<LabelRow> LABEL_ORDER = Comparator.comparingLong(LabelRow::campaignId)
		.thenComparing(LabelRow::annotator)
		.thenComparingLong(LabelRow::id);

	/**
	 * Campaign names by id, read once per batch (a handful of rows, not a join per
	 * label).
	 */
	private Map<Long, String> campaignNames() {
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select id, name from campaign").query(rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		return names;
	}

	/**
	 * The answers of every label on the batch's transcripts (of any campaign: the export
	 * looks up those of the labels it shows), by label id and question.
	 */
	Map<Long, Map<String, String>> answers(Batch batch) {
		Map<Long, Map<String, String>> rows = new HashMap<>();
		jdbc.sql("""
				select a.label_id, a.question, a.answer from label l join label_answer a on a.label_id = l.id
				where %s""".formatted(batch.where("l.transcript_id"))).params(batch.params()).query(rs -> {
			rows.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
		});
		return rows;
	}

	/**
	 * The evidence spans of every label on the batch's transcripts, by label id, in the
	 * order they were saved.
	 */
	Map<Long, List<Span>> spans(Batch batch) {
		Map<Long, List<Span>> rows = new HashMap<>();
		jdbc.sql("""
				select s.label_id, s.question, s.message_ordinal, s.start_offset, s.end_offset, s.quoted
				from label l join label_span s on s.label_id = l.id
				where %s order by s.label_id, s.id""".formatted(batch.where("l.transcript_id")))
			.params(batch.params())
			.query(rs -> {
				rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Span(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6)));
			});
		return rows;
	}

	/** The gold answers on these transcripts (of one campaign, if given). */
	List<GoldRow> gold(Batch batch, Long campaignId) {
		return jdbc
			.sql("""
					select g.campaign_id, c.name, g.transcript_id, g.question, g.answer, g.reason, g.adjudicator,
					  g.revision, g.decided_at, c.rubric_version
					from gold_answer g join campaign c on c.id = g.campaign_id
					where %s%s
					order by g.campaign_id, g.decided_at, g.question""".formatted(batch.where("g.transcript_id"),
					campaignId == null ? "" : " and g.campaign_id = :c"))
			.params(batch.params())
			.params(campaignId == null ? Map.of() : Map.of("c", campaignId))
			.query((rs, n) -> new GoldRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), instant(rs.getTimestamp(9)),
					rs.getInt(10)))
			.list();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	/** Splits the ids into batches. */
	static List<List<Long>> batches(List<Long> ids) {
		List<List<Long>> batches = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += BATCH) {
			batches.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
		}
		return batches;
	}

}
