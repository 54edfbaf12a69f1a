package org.scratchpadlens.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scratchpadlens.annotation.campaign.Span;
import org.scratchpadlens.export.ExportQueries.Batch;
import org.scratchpadlens.export.ExportQueries.GoldRow;
import org.scratchpadlens.export.ExportQueries.LabelRow;
import org.scratchpadlens.export.ExportScope.Scope;
import org.scratchpadlens.transcript.list.TranscriptFacts;
import org.scratchpadlens.transcript.list.TranscriptFacts.Conditions;
import org.scratchpadlens.web.BadRequestException;
import org.springframework.stereotype.Service;

/**
 * The three exports, written batch by batch as they are read (see {@link ExportQueries}):
 * the long one (a row per answer and per evidence span, and per gold answer), the wide
 * one (a row per transcript) and the ratings of one question as the {@code agreement}
 * command reads them.
 */
@Service
class Exports {

	/** The long export's columns, in order. */
	static final List<String> LONG = List.of("source", "record", "campaign_id", "campaign", "transcript_id", "run",
			"setting", "variation", "split", "query_index", "annotator", "adjudicator", "rubric_version", "revision",
			"question", "answer", "note", "seconds_spent", "created_at", "updated_at", "span_message", "span_start",
			"span_end", "span_text");

	/** The wide export's condition columns, before the metrics and the answers. */
	static final List<String> CONDITIONS = List.of("transcript_id", "run", "setting", "variation", "model", "split",
			"query_index", "version", "file_name");

	/** The question whose answer the long export gives in the note column of each row. */
	static final String NOTE = "note";

	/** The majority of an item whose most frequent answers are tied. */
	static final String TIE = "tie";

	private final ExportQueries queries;

	Exports(ExportQueries queries) {
		this.queries = queries;
	}

	void labels(Scope scope, RowWriter out) throws IOException {
		out.header(LONG);
		List<String> order = new ArrayList<>(scope.questions().keySet());
		Long campaignId = scope.campaign() == null ? null : scope.campaign().id();
		for (List<Long> ids : ExportQueries.batches(scope.ids())) {
			Batch batch = queries.batch(ids);
			Map<Long, List<LabelRow>> labels = byTranscript(queries.labels(batch, campaignId), scope);
			Map<Long, Map<String, String>> answers = queries.answers(batch);
			Map<Long, List<Span>> spans = queries.spans(batch);
			Map<Long, List<GoldRow>> gold = new HashMap<>();
			for (GoldRow g : queries.gold(batch, campaignId)) {
				if (!scope.othersHidden().contains(g.transcriptId())) {
					gold.computeIfAbsent(g.transcriptId(), k -> new ArrayList<>()).add(g);
				}
			}
			for (long id : ids) {
				int row = scope.facts().row(id);
				if (row < 0) {
					continue; // not in the snapshot the ids were selected from
				}
				Conditions c = scope.facts().conditions(row);
				for (LabelRow l : labels.getOrDefault(id, List.of())) {
					Map<String, String> given = answers.getOrDefault(l.id(), Map.of());
					String note = given.get(NOTE);
					List<String> questions = new ArrayList<>(given.keySet());
					questions.remove(NOTE);
					questions.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)) != 0
							? Integer.compare(rank(order, a), rank(order, b)) : a.compareTo(b));
					List<Span> evidence = spans.getOrDefault(l.id(), List.of());
					if (questions.isEmpty() && evidence.isEmpty()) {
						// a label with nothing but a note (or nothing) still has its row
						out.row(labelRow(scope, c, l, "answer", null, null, note, null));
					}
					for (String q : questions) {
						out.row(labelRow(scope, c, l, "answer", q, given.get(q), note, null));
					}
					for (Span s : evidence) {
						out.row(labelRow(scope, c, l, "span", s.question(), null, note, s));
					}
				}
				for (GoldRow g : gold.getOrDefault(id, List.of())) {
					out.row(Arrays.asList("gold", "answer", g.campaignId(), g.campaign(), c.id(), c.run(), c.setting(),
							c.variation(), c.split(), c.queryIndex(), null, scope.name(g.adjudicator()),
							g.rubricVersion(), g.revision(), g.question(), g.answer(), g.reason(), null,
							text(g.decidedAt()), text(g.decidedAt()), null, null, null, null));
				}
			}
			out.flush();
		}
	}

	private static List<Object> labelRow(Scope scope, Conditions c, LabelRow l, String record, String question,
			String answer, String note, Span span) {
		return Arrays.asList("rater", record, l.campaignId(), l.campaign(), c.id(), c.run(), c.setting(), c.variation(),
				c.split(), c.queryIndex(), scope.name(l.annotator()), null, l.rubricVersion(), l.revision(), question,
				answer, note, l.seconds(), text(l.createdAt()), text(l.updatedAt()),
				span == null ? null : span.messageOrdinal(), span == null ? null : span.start(),
				span == null ? null : span.end(), span == null ? null : span.text());
	}

	void transcripts(Scope scope, RowWriter out) throws IOException {
		Long campaignId = scope.campaign() == null ? null : scope.campaign().id();
		List<String> metrics = queries.metricNames();
		List<String> raters = queries.annotators(campaignId);
		if (scope.pseudonyms()) {
			// in pseudonym order, so the columns do not give the names' alphabetical
			// order
			raters = new ArrayList<>(raters);
			raters.sort((a, b) -> scope.name(a).compareTo(scope.name(b)));
		}
		List<String> questions = new ArrayList<>(scope.questions().keySet());
		List<String> columns = new ArrayList<>(CONDITIONS);
		metrics.forEach(m -> columns.add("metric." + m));
		for (String q : questions) {
			for (String r : raters) {
				columns.add("rater." + scope.name(r) + "." + q);
			}
			if (!isText(scope, q)) {
				columns.add("majority." + q);
				columns.add("gold." + q);
			}
		}
		out.header(columns);
		TranscriptFacts facts = scope.facts();
		List<TranscriptFacts.Metric> held = metrics.stream().map(facts::metric).toList();
		Map<String, Integer> raterIndex = new HashMap<>();
		raters.forEach(r -> raterIndex.put(r, raterIndex.size()));
		boolean[] text = new boolean[questions.size()];
		for (int q = 0; q < text.length; q++) {
			text[q] = isText(scope, questions.get(q));
		}
		// reused for each transcript: each rater's latest label, its answers, and their
		// answers to one question
		LabelRow[] latest = new LabelRow[raters.size()];
		@SuppressWarnings("unchecked")
		Map<String, String>[] byRater = new Map[raters.size()];
		String[] given = new String[raters.size()];
		for (List<Long> ids : ExportQueries.batches(scope.ids())) {
			Batch batch = queries.batch(ids);
			Map<Long, Map<String, Object>> stored = storedMetrics(ids, facts, held);
			Map<Long, List<LabelRow>> labels = byTranscript(queries.labels(batch, campaignId), scope);
			Map<Long, Map<String, String>> answers = queries.answers(batch);
			Map<Long, Map<String, String>> gold = new HashMap<>();
			for (GoldRow g : queries.gold(batch, campaignId)) {
				// the latest decision when several campaigns decided the same question
				gold.computeIfAbsent(g.transcriptId(), k -> new HashMap<>()).put(g.question(), g.answer());
			}
			for (long id : ids) {
				int at = facts.row(id);
				if (at < 0) {
					continue; // not in the snapshot the ids were selected from
				}
				Conditions c = facts.conditions(at);
				List<Object> row = new ArrayList<>(columns.size());
				row.addAll(Arrays.asList(c.id(), c.run(), c.setting(), c.variation(), c.model(), c.split(),
						c.queryIndex(), c.version(), c.fileName()));
				boolean metricsHidden = scope.metricsHidden().contains(id);
				Map<String, Object> mine = stored.getOrDefault(id, Map.of());
				for (int m = 0; m < held.size(); m++) {
					TranscriptFacts.Metric metric = held.get(m);
					// no column: no transcript of the index has a value for the metric
					Object value = metric == null ? null
							: metric.elsewhere(at) ? mine.get(metrics.get(m)) : value(metric, at);
					row.add(metricsHidden ? null : value);
				}
				// each rater's latest label on the transcript, and its answers
				Arrays.fill(latest, null);
				for (LabelRow l : labels.getOrDefault(id, List.of())) {
					Integer r = raterIndex.get(l.annotator());
					if (r != null && (latest[r] == null || l.updatedAt().isAfter(latest[r].updatedAt()))) {
						latest[r] = l;
					}
				}
				for (int r = 0; r < latest.length; r++) {
					byRater[r] = latest[r] == null ? Map.of() : answers.getOrDefault(latest[r].id(), Map.of());
				}
				boolean blinded = scope.othersHidden().contains(id);
				Map<String, String> decided = blinded ? Map.of() : gold.getOrDefault(id, Map.of());
				for (int q = 0; q < questions.size(); q++) {
					String question = questions.get(q);
					for (int r = 0; r < byRater.length; r++) {
						given[r] = byRater[r].get(question);
						row.add(given[r]);
					}
					if (!text[q]) {
						row.add(blinded ? null : majority(given));
						row.add(decided.get(question));
					}
				}
				out.row(row);
			}
			out.flush();
		}
	}

	/**
	 * The metrics of the batch's transcripts whose values the list's index does not hold
	 * (texts, values of another kind than their metric's), read from the store; none are
	 * read when the index holds them all, as it does for the release's metrics.
	 */
	private Map<Long, Map<String, Object>> storedMetrics(List<Long> ids, TranscriptFacts facts,
			List<TranscriptFacts.Metric> held) {
		List<Long> elsewhere = new ArrayList<>();
		for (long id : ids) {
			int row = facts.row(id);
			if (row >= 0 && held.stream().anyMatch(m -> m != null && m.elsewhere(row))) {
				elsewhere.add(id);
			}
		}
		return elsewhere.isEmpty() ? Map.of() : queries.metrics(queries.batch(elsewhere));
	}

	/** A value the index holds, as the store's read gives it (whole numbers as longs). */
	private static Object value(TranscriptFacts.Metric metric, int row) {
		Object value = metric.value(row);
		return value instanceof Double d ? ExportQueries.number(d) : value;
	}

	/**
	 * The most frequent answer, {@link #TIE} when two or more answers are equally most
	 * frequent (a tie is not broken), null when nobody answered.
	 */
	static String majority(String... answers) {
		// a handful of raters: counted in place, no map
		String best = null;
		int most = 0;
		boolean tied = false;
		for (int i = 0; i < answers.length; i++) {
			String a = answers[i];
			if (a == null || firstAt(answers, a) < i) {
				continue; // no answer, or counted at its first occurrence
			}
			int count = 0;
			for (int j = i; j < answers.length; j++) {
				if (a.equals(answers[j])) {
					count++;
				}
			}
			if (count > most) {
				best = a;
				most = count;
				tied = false;
			}
			else if (count == most) {
				tied = true;
			}
		}
		return tied ? TIE : best;
	}

	private static int firstAt(String[] answers, String a) {
		for (int i = 0;; i++) {
			if (a.equals(answers[i])) {
				return i;
			}
		}
	}

	/**
	 * The ratings of one question in a campaign as the {@code agreement} command reads
	 * them: {@code item,<raters>}, a row per item (the transcript id), an empty cell
	 * where a rater gave no answer.
	 */
	void ratings(Scope scope, String question, RowWriter out) throws IOException {
		checkRatings(scope, question);
		long campaignId = scope.campaign().id();

		List<String> raters = new ArrayList<>(queries.annotators(campaignId));
		if (scope.pseudonyms()) {
			raters.sort((a, b) -> scope.name(a).compareTo(scope.name(b)));
		}
		List<String> header = new ArrayList<>();
		header.add("item");
		raters.forEach(r -> header.add(scope.name(r)));
		out.header(header);
		for (List<Long> ids : ExportQueries.batches(scope.ids())) {
			Batch batch = queries.batch(ids);
			Map<Long, List<LabelRow>> labels = byTranscript(queries.labels(batch, campaignId), scope);
			Map<Long, Map<String, String>> answers = queries.answers(batch);
			for (long id : ids) {
				Map<String, String> byRater = new HashMap<>();
				for (LabelRow l : labels.getOrDefault(id, List.of())) {
					String a = answers.getOrDefault(l.id(), Map.of()).get(question);
					if (a != null) {
						byRater.put(l.annotator(), a);
					}
				}
				List<Object> row = new ArrayList<>();
				row.add(id);
				raters.forEach(r -> row.add(byRater.get(r)));
				out.row(row);
			}
			out.flush();
		}
	}

	/** A 400 unless the ratings export has a campaign and a known question. */
	static void checkRatings(Scope scope, String question) {
		if (scope.campaign() == null) {
			throw new BadRequestException("campaign: say which campaign's ratings to export (campaign=<id>).");
		}
		if (question == null || question.isBlank()) {
			throw new BadRequestException("question: say which question's ratings to export (question=<key>); "
					+ "the keys: " + String.join(", ", scope.questions().keySet()) + ".");
		}
		if (!scope.questions().containsKey(question)) {
			throw new BadRequestException("question: there is no question '" + ExportScope.shorten(question)
					+ "' in the rubric; the keys: " + String.join(", ", scope.questions().keySet()) + ".");
		}
	}

	/** The labels the reader may see, by transcript, in the order read. */
	private static Map<Long, List<LabelRow>> byTranscript(List<LabelRow> rows, Scope scope) {
		Map<Long, List<LabelRow>> labels = new HashMap<>();
		for (LabelRow l : rows) {
			if (scope.labelVisible(l.transcriptId(), l.annotator())) {
				labels.computeIfAbsent(l.transcriptId(), k -> new ArrayList<>()).add(l);
			}
		}
		return labels;
	}

	private static boolean isText(Scope scope, String question) {
		return "text".equals(scope.questions().get(question));
	}

	private static int rank(List<String> order, String question) {
		int i = order.indexOf(question);
		return i < 0 ? Integer.MAX_VALUE : i;
	}

	private static String text(java.time.Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
