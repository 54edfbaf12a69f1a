package org.scratchpadlens.agreement.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gold answers: the current one per item and question ({@code gold_answer}) and every
 * decision ({@code gold_answer_revision}), written together.
 */
@Repository
class AdjudicationQueries {

	private final JdbcClient jdbc;

	AdjudicationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A current gold answer. */
	record Gold(String question, String answer, String reason, String adjudicator, int revision, Instant decidedAt) {
	}

	/** One decision; {@code answer} is null when the gold answer was withdrawn. */
	record GoldRevision(String question, int revision, String answer, String reason, String adjudicator,
			Instant decidedAt) {
	}

	/** The item's condition and run, if the transcript is an item of the campaign. */
	Optional<AgreementQueries.ItemRow> item(long campaignId, long transcriptId) {
		return jdbc.sql("""
				select i.transcript_id, t.split, r.path
				from campaign_item i join transcript t on t.id = i.transcript_id join run r on r.id = t.run_id
				where i.campaign_id = ? and i.transcript_id = ?""")
			.params(campaignId, transcriptId)
			.query((rs, n) -> new AgreementQueries.ItemRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/**
	 * One transcript's metrics of these names, those it has: true, false, or null when
	 * the value is not a boolean.
	 */
	Map<String, Boolean> metrics(long transcriptId, List<String> names) {
		Map<String, Boolean> metrics = new HashMap<>();
		if (names.isEmpty()) {
			return metrics;
		}
		jdbc.sql("""
				select n.name, m.value_type, m.bool_value from metric m join metric_name n on n.id = m.metric_name_id
				where m.transcript_id = :t and n.name in (:names)""")
			.param("t", transcriptId)
			.param("names", names)
			.query(rs -> {
				boolean value = rs.getBoolean(3);
				metrics.put(rs.getString(1), "boolean".equals(rs.getString(2)) && !rs.wasNull() ? value : null);
			});
		return metrics;
	}

	List<Gold> gold(long campaignId, long transcriptId) {
		return jdbc.sql("""
				select question, answer, reason, adjudicator, revision, decided_at from gold_answer
				where campaign_id = ? and transcript_id = ? order by question""")
			.params(campaignId, transcriptId)
			.query((rs, n) -> new Gold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getTimestamp(6).toInstant()))
			.list();
	}

	Optional<Gold> gold(long campaignId, long transcriptId, String question) {
		return gold(campaignId, transcriptId).stream().filter(g -> g.question().equals(question)).findFirst();
	}

	List<GoldRevision> history(long campaignId, long transcriptId) {
		return jdbc.sql("""
				select question, revision, answer, reason, adjudicator, decided_at from gold_answer_revision
				where campaign_id = ? and transcript_id = ? order by question, revision""")
			.params(campaignId, transcriptId)
			.query((rs, n) -> new GoldRevision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The highest revision ever recorded for this item and question (0 when none). */
	int lastRevision(long campaignId, long transcriptId, String question) {
		return jdbc.sql("""
				select coalesce(max(revision), 0) from gold_answer_revision
				where campaign_id = ? and transcript_id = ? and question = ?""")
			.params(campaignId, transcriptId, question)
			.query(Integer.class)
			.single();
	}

	void insert(long campaignId, long transcriptId, String question, String answer, String reason, String adjudicator,
			int revision, Instant at) {
		jdbc.sql("""
				insert into gold_answer (campaign_id, transcript_id, question, answer, reason, adjudicator, revision,
				  decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(campaignId, transcriptId, question, answer, reason, adjudicator, revision, Timestamp.from(at))
			.update();
	}

	/**
	 * Replaces the current answer if its revision is still {@code expected}: 1 or 0 rows.
	 */
	int update(long campaignId, long transcriptId, String question, String answer, String reason, String adjudicator,
			int expected, int revision, Instant at) {
		return jdbc.sql("""
				update gold_answer set answer = ?, reason = ?, adjudicator = ?, revision = ?, decided_at = ?
				where campaign_id = ? and transcript_id = ? and question = ? and revision = ?""")
			.params(answer, reason, adjudicator, revision, Timestamp.from(at), campaignId, transcriptId, question,
					expected)
			.update();
	}

	int delete(long campaignId, long transcriptId, String question, int expected) {
		return jdbc
			.sql("""
					delete from gold_answer where campaign_id = ? and transcript_id = ? and question = ? and revision = ?""")
			.params(campaignId, transcriptId, question, expected)
			.update();
	}

	void revision(long campaignId, long transcriptId, String question, int revision, String answer, String reason,
			String adjudicator, Instant at) {
		jdbc.sql("""
				insert into gold_answer_revision (campaign_id, transcript_id, question, revision, answer, reason,
				  adjudicator, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(campaignId, transcriptId, question, revision, answer, reason, adjudicator, Timestamp.from(at))
			.update();
	}

	/** The labels of one item of the campaign, with their answers and spans. */
	record LabelAnswer(String annotator, String question, String answer) {
	}

	record LabelSpan(String annotator, String question, int messageOrdinal, int start, int end, String quoted) {
	}

	List<LabelAnswer> answers(long campaignId, long transcriptId) {
		return jdbc.sql("""
				select l.annotator, a.question, a.answer from label l join label_answer a on a.label_id = l.id
				where l.campaign_id = ? and l.transcript_id = ? order by l.annotator, a.question""")
			.params(campaignId, transcriptId)
			.query((rs, n) -> new LabelAnswer(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<String> raters(long campaignId, long transcriptId) {
		return jdbc.sql("select annotator from label where campaign_id = ? and transcript_id = ? order by annotator")
			.params(campaignId, transcriptId)
			.query(String.class)
			.list();
	}

	List<LabelSpan> spans(long campaignId, long transcriptId) {
		return jdbc.sql("""
				select l.annotator, s.question, s.message_ordinal, s.start_offset, s.end_offset, s.quoted
				from label l join label_span s on s.label_id = l.id
				where l.campaign_id = ? and l.transcript_id = ?
				order by l.annotator, s.question, s.message_ordinal, s.start_offset""")
			.params(campaignId, transcriptId)
			.query((rs, n) -> new LabelSpan(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getString(6)))
			.list();
	}

}
