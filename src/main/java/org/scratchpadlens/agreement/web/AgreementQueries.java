package org.scratchpadlens.agreement.web;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the agreement pages read: the submitted answers of a campaign with each item's
 * condition and run, the automated metrics and gold answers of its items, and its
 * evidence spans.
 */
@Repository
class AgreementQueries {

	private final JdbcClient jdbc;

	AgreementQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One submitted label: who labelled which item (answers come separately). */
	record LabelRow(long labelId, long transcriptId, String split, String run, String annotator) {
	}

	/** One answer of a label. */
	record AnswerRow(long labelId, String question, String answer) {
	}

	/** One item of the campaign with its condition and run. */
	record ItemRow(long transcriptId, String split, String run) {
	}

	/** A metric of an item: {@code value} is null unless the value is a boolean. */
	record MetricRow(long transcriptId, String metric, Boolean value) {
	}

	record GoldRow(long transcriptId, String question, String answer) {
	}

	/** An evidence span, with the length of the message it lies in. */
	record SpanRow(long transcriptId, String annotator, String question, int messageOrdinal, int start, int end) {
	}

	record MessageLength(long transcriptId, int ordinal, int length) {
	}

	List<LabelRow> labels(long campaignId) {
		return jdbc.sql("""
				select l.id, l.transcript_id, t.split, r.path, l.annotator
				from label l join transcript t on t.id = l.transcript_id join run r on r.id = t.run_id
				where l.campaign_id = ? order by l.transcript_id, l.annotator""")
			.param(campaignId)
			.query((rs, n) -> new LabelRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	List<AnswerRow> answers(long campaignId) {
		return jdbc.sql("""
				select a.label_id, a.question, a.answer
				from label_answer a join label l on l.id = a.label_id
				where l.campaign_id = ?""")
			.param(campaignId)
			.query((rs, n) -> new AnswerRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<ItemRow> items(long campaignId) {
		return jdbc.sql("""
				select i.transcript_id, t.split, r.path
				from campaign_item i join transcript t on t.id = i.transcript_id join run r on r.id = t.run_id
				where i.campaign_id = ? order by i.position""")
			.param(campaignId)
			.query((rs, n) -> new ItemRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<MetricRow> metrics(long campaignId, List<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select m.transcript_id, n.name, m.value_type, m.bool_value
				from campaign_item i join metric m on m.transcript_id = i.transcript_id
				join metric_name n on n.id = m.metric_name_id
				where i.campaign_id = :c and n.name in (:names)""")
			.param("c", campaignId)
			.param("names", names)
			.query((rs, n) -> {
				boolean bool = "boolean".equals(rs.getString(3));
				boolean value = rs.getBoolean(4);
				return new MetricRow(rs.getLong(1), rs.getString(2), bool && !rs.wasNull() ? value : null);
			})
			.list();
	}

	List<GoldRow> gold(long campaignId) {
		return jdbc.sql("select transcript_id, question, answer from gold_answer where campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> new GoldRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<SpanRow> spans(long campaignId) {
		return jdbc.sql("""
				select l.transcript_id, l.annotator, s.question, s.message_ordinal, s.start_offset, s.end_offset
				from label_span s join label l on l.id = s.label_id where l.campaign_id = ?""")
			.param(campaignId)
			.query((rs, n) -> new SpanRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6)))
			.list();
	}

	/**
	 * The length of every message of the campaign's labelled items (the span continuum).
	 */
	List<MessageLength> messageLengths(long campaignId) {
		return jdbc.sql("""
				select m.transcript_id, m.ordinal, coalesce(length(m.content), p.char_length, 0)
				from message m left join system_prompt p on p.id = m.system_prompt_id
				where m.transcript_id in (select distinct l.transcript_id from label l where l.campaign_id = ?)""")
			.param(campaignId)
			.query((rs, n) -> new MessageLength(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/** Changes whenever a label, an answer or a gold answer of the campaign changes. */
	String signature(long campaignId) {
		return jdbc.sql("""
				select count(*), max(l.updated_at), sum(l.revision),
				  (select count(*) from gold_answer_revision g where g.campaign_id = :c),
				  (select created_at from campaign c where c.id = :c)
				from label l where l.campaign_id = :c""")
			.param("c", campaignId)
			.query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/"
					+ rs.getString(5))
			.single();
	}

}
