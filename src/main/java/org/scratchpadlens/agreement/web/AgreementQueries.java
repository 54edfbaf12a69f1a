package org.scratchpadlens.agreement.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the agreement pages read: the submitted answers of a campaign (or of every label
 * on a filter's transcripts) with each item's condition and run, the automated metrics
 * and gold answers of its items, and its evidence spans.
 */
@Repository
class AgreementQueries {

	private final JdbcClient jdbc;

	AgreementQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One submitted label: who labelled which item (answers come separately). */
	record LabelRow(long labelId, long transcriptId, String split, String run, String annotator, int revision) {
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

	/** An evidence span of a label. */
	record SpanRow(long labelId, long transcriptId, String annotator, String question, int messageOrdinal, int start,
			int end) {
	}

	record MessageLength(long transcriptId, int ordinal, int length) {
	}

	/** The campaign's labels, by transcript and annotator. */
	List<LabelRow> labels(long campaignId) {
		List<LabelRow> rows = new ArrayList<>();
		campaign(campaignId).labels(rows::add);
		return rows;
	}

	/** Every answer of the campaign's labels. */
	List<AnswerRow> answers(long campaignId) {
		List<AnswerRow> rows = new ArrayList<>();
		campaign(campaignId).answers((label, question, answer) -> rows.add(new AnswerRow(label, question, answer)));
		return rows;
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

	/**
	 * What a campaign's agreement rests on, read in one query: it changes whenever a
	 * label, an answer or a gold answer of the campaign changes (an edit raises the
	 * label's revision), or the campaign is made again under the same id.
	 *
	 * @param lastChange the newest label's {@code updated_at}: labels changed since are
	 * read from it
	 */
	record CampaignState(long labels, long revisions, java.sql.Timestamp lastChange, long goldRevisions,
			String created) {

		String signature() {
			return labels + "/" + lastChange + "/" + revisions + "/" + goldRevisions + "/" + created;
		}

	}

	CampaignState state(long campaignId) {
		return jdbc.sql("""
				select count(*), coalesce(sum(l.revision), 0), max(l.updated_at),
				  (select count(*) from gold_answer_revision g where g.campaign_id = :c),
				  (select created_at from campaign c where c.id = :c)
				from label l where l.campaign_id = :c""")
			.param("c", campaignId)
			.query((rs, n) -> new CampaignState(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3), rs.getLong(4),
					rs.getString(5)))
			.single();
	}

	/** Changes whenever a label, an answer or a gold answer of the campaign changes. */
	String signature(long campaignId) {
		return state(campaignId).signature();
	}

	/**
	 * The campaign's labels changed (added or edited) at or after this moment (V19
	 * indexes {@code label (campaign_id, updated_at, revision)} for it and for
	 * {@link #state}).
	 */
	List<LabelRow> changedSince(long campaignId, java.sql.Timestamp since) {
		List<LabelRow> rows = new ArrayList<>();
		readLabels("where l.campaign_id = ? and l.updated_at >= ?", List.of(campaignId, since), rows::add);
		return rows;
	}

	/** The answers of these labels. */
	void answersOf(Collection<Long> labelIds, LabelSource.AnswerSink sink) {
		List<Long> ids = List.copyOf(labelIds);
		for (int from = 0; from < ids.size(); from += 500) {
			jdbc.sql("select a.label_id, a.question, a.answer from label_answer a where a.label_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.query(answerHandler(sink));
		}
	}

	/** The evidence spans of these labels. */
	List<SpanRow> spansOf(Collection<Long> labelIds) {
		List<Long> ids = List.copyOf(labelIds);
		List<SpanRow> spans = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 500) {
			spans.addAll(
					readSpans("where s.label_id in (:ids)", null, ids.subList(from, Math.min(ids.size(), from + 500))));
		}
		return spans;
	}

	/**
	 * Changes whenever any label, answer or gold answer of the store changes (the
	 * filter-wide agreement's key adds the transcripts themselves).
	 */
	String signature() {
		return jdbc.sql("""
				select count(*), max(l.updated_at), sum(l.revision),
				  (select count(*) from gold_answer_revision)
				from label l""")
			.query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4))
			.single();
	}

	/**
	 * Changes whenever an import writes, finishes or is undone (metrics change only
	 * then).
	 */
	String importsSignature() {
		return jdbc.sql("""
				select count(*), cast(max(updated_at) as varchar(64)),
				  coalesce(sum(transcripts_imported + transcripts_updated + files_seen), 0)
				from import_job""")
			.query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getLong(3))
			.single();
	}

	/** The campaigns whose labels changed most recently, newest first. */
	List<Long> recentlyLabelled(int limit) {
		return jdbc.sql("""
				select campaign_id from label group by campaign_id order by max(updated_at) desc
				offset 0 rows fetch next :n rows only""").param("n", limit).query(Long.class).list();
	}

	/** One campaign's labels, and what goes with them. */
	LabelSource campaign(long campaignId) {
		return new LabelSource() {

			@Override
			public void labels(Consumer<LabelRow> each) {
				readLabels("where l.campaign_id = ?", List.of(campaignId), each);
			}

			@Override
			public void answers(AnswerSink sink) {
				jdbc.sql("""
						select a.label_id, a.question, a.answer
						from label_answer a join label l on l.id = a.label_id
						where l.campaign_id = ?""").param(campaignId).query(answerHandler(sink));
			}

			@Override
			public List<MetricRow> metrics(List<String> names) {
				return AgreementQueries.this.metrics(campaignId, names);
			}

			@Override
			public List<GoldRow> gold() {
				return AgreementQueries.this.gold(campaignId);
			}

			@Override
			public List<SpanRow> spans() {
				return readSpans("where l.campaign_id = ?", campaignId);
			}

			@Override
			public List<MessageLength> messageLengths(Collection<Long> transcripts) {
				return AgreementQueries.this.messageLengths(transcripts);
			}

		};
	}

	/**
	 * Every submitted label, in any campaign, on these transcripts. The store is read
	 * whole and narrowed here: an {@code in} list of tens of thousands of ids costs the
	 * database more than the rows it spares.
	 */
	LabelSource transcripts(Set<Long> transcripts) {
		return new LabelSource() {

			@Override
			public void labels(Consumer<LabelRow> each) {
				readLabels("", List.of(), row -> {
					if (transcripts.contains(row.transcriptId())) {
						each.accept(row);
					}
				});
			}

			@Override
			public void answers(AnswerSink sink) {
				jdbc.sql("select a.label_id, a.question, a.answer from label_answer a").query(answerHandler(sink));
			}

			@Override
			public List<MetricRow> metrics(List<String> names) {
				if (names.isEmpty()) {
					return List.of();
				}
				List<MetricRow> rows = new ArrayList<>();
				jdbc.sql("""
						select m.transcript_id, n.name, m.bool_value
						from metric m join metric_name n on n.id = m.metric_name_id
						where n.name in (:names) and m.value_type = 'boolean'""")
					.param("names", names)
					.query((RowCallbackHandler) rs -> {
						long id = rs.getLong(1);
						if (transcripts.contains(id)) {
							boolean value = rs.getBoolean(3);
							rows.add(new MetricRow(id, rs.getString(2), rs.wasNull() ? null : value));
						}
					});
				return rows;
			}

			@Override
			public List<GoldRow> gold() {
				return jdbc.sql("select transcript_id, question, answer from gold_answer order by decided_at")
					.query((rs, n) -> new GoldRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
					.list()
					.stream()
					.filter(g -> transcripts.contains(g.transcriptId()))
					.toList();
			}

			@Override
			public List<SpanRow> spans() {
				return readSpans("", null).stream().filter(s -> transcripts.contains(s.transcriptId())).toList();
			}

			@Override
			public List<MessageLength> messageLengths(Collection<Long> ids) {
				return AgreementQueries.this.messageLengths(ids);
			}

		};
	}

	private void readLabels(String where, List<Object> params, Consumer<LabelRow> each) {
		var spec = jdbc.sql("""
				select l.id, l.transcript_id, t.split, r.path, l.annotator, l.revision
				from label l join transcript t on t.id = l.transcript_id join run r on r.id = t.run_id
				""" + where + " order by l.transcript_id, l.annotator, l.updated_at, l.id");
		for (Object p : params) {
			spec = spec.param(p);
		}
		spec.query((RowCallbackHandler) rs -> each.accept(new LabelRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getInt(6))));
	}

	private static RowCallbackHandler answerHandler(LabelSource.AnswerSink sink) {
		return rs -> sink.accept(rs.getLong(1), rs.getString(2), rs.getString(3));
	}

	private List<SpanRow> readSpans(String where, Long campaignId) {
		return readSpans(where, campaignId, null);
	}

	private List<SpanRow> readSpans(String where, Long campaignId, List<Long> labelIds) {
		var spec = jdbc.sql("""
				select s.label_id, l.transcript_id, l.annotator, s.question, s.message_ordinal, s.start_offset,
				  s.end_offset
				from label_span s join label l on l.id = s.label_id
				""" + where);
		if (campaignId != null) {
			spec = spec.param(campaignId);
		}
		if (labelIds != null) {
			spec = spec.param("ids", labelIds);
		}
		return spec
			.query((rs, n) -> new SpanRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7)))
			.list();
	}

	/** The length of every message of these transcripts (the span continuum). */
	List<MessageLength> messageLengths(Collection<Long> transcripts) {
		List<Long> ids = List.copyOf(transcripts);
		List<MessageLength> lengths = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 500) {
			lengths.addAll(jdbc.sql("""
					select m.transcript_id, m.ordinal, coalesce(length(m.content), p.char_length, 0)
					from message m left join system_prompt p on p.id = m.system_prompt_id
					where m.transcript_id in (:ids)""")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.query((rs, n) -> new MessageLength(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
				.list());
		}
		return lengths;
	}

}
