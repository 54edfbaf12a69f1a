package org.scratchpadlens.agreement.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.scratchpadlens.agreement.web.AgreementService.Answers;
import org.scratchpadlens.agreement.web.AgreementService.Item;
import org.scratchpadlens.agreement.web.AgreementService.Labels;
import org.scratchpadlens.annotation.rubric.Rubric;

/**
 * Labels as one code table per question ({@code codes[item][rater]}), built once from a
 * {@link LabelSource} and then kept up to date by applying only the labels that changed
 * (a campaign of 75,000 items × 5 raters has 3.4 million answers: reading them again
 * after every label costs ~13 s on H2, applying one label microseconds).
 * <p>
 * Copy on write: a change replaces the rows and items it touches, never mutates them, so
 * a {@link #snapshot()} taken under the owner's lock can be computed on without it.
 */
final class LabelTables {

	private final List<Rubric.Question> questions;

	private final List<String> raters;

	private final Map<String, Integer> raterIndex = new HashMap<>();

	private final List<Item> items = new ArrayList<>();

	private final Map<Long, Integer> itemIndex = new HashMap<>();

	/**
	 * Per question: its answer values (rubric order, then others met) and their codes.
	 */
	private final Map<String, List<String>> values = new HashMap<>();

	private final Map<String, Map<String, Integer>> codeOf = new HashMap<>();

	private final Map<String, List<int[]>> rows = new HashMap<>();

	/** Label id to cell (item × raters + rater), for the labels kept. */
	private final Map<Long, Integer> cellOfLabel = new HashMap<>();

	/** Each kept label's revision. */
	private final Map<Long, Integer> revisions = new HashMap<>();

	/**
	 * The evidence spans of the kept labels, by label, each label's in a fixed order (so
	 * that equal spans give equal fingerprints).
	 */
	private final TreeMap<Long, List<AgreementQueries.SpanRow>> spansOfLabel = new TreeMap<>();

	/**
	 * Every span of {@link #spansOfLabel}, as the last snapshot had them; null after a
	 * change.
	 */
	private List<AgreementQueries.SpanRow> spanList;

	/**
	 * The items' indices in transcript order, as the last snapshot had them; null after a
	 * new item.
	 */
	private int[] order;

	private static final Comparator<AgreementQueries.SpanRow> SPAN_ORDER = Comparator
		.comparing(AgreementQueries.SpanRow::question)
		.thenComparingInt(AgreementQueries.SpanRow::messageOrdinal)
		.thenComparingInt(AgreementQueries.SpanRow::start)
		.thenComparingInt(AgreementQueries.SpanRow::end);

	private int olderLabels;

	private long revisionSum;

	private LabelTables(List<Rubric.Question> questions, List<String> raters) {
		this.questions = questions;
		this.raters = raters;
		for (int r = 0; r < raters.size(); r++) {
			raterIndex.put(raters.get(r), r);
		}
		for (Rubric.Question q : questions) {
			List<String> v = new ArrayList<>();
			Map<String, Integer> c = new HashMap<>();
			for (Rubric.Answer answer : q.answers()) {
				c.putIfAbsent(answer.value(), v.size());
				v.add(answer.value());
			}
			values.put(q.key(), v);
			codeOf.put(q.key(), c);
			rows.put(q.key(), new ArrayList<>());
		}
	}

	/**
	 * Reads every label of the source. Where one rater labelled a transcript more than
	 * once (in several campaigns), the last row of the source's order (the newest)
	 * counts.
	 */
	static LabelTables read(LabelSource source, List<Rubric.Question> questions) {
		List<AgreementQueries.LabelRow> labelRows = new ArrayList<>();
		int[] older = new int[1];
		source.labels(l -> {
			AgreementQueries.LabelRow last = labelRows.isEmpty() ? null : labelRows.get(labelRows.size() - 1);
			if (last != null && last.transcriptId() == l.transcriptId() && last.annotator().equals(l.annotator())) {
				labelRows.set(labelRows.size() - 1, l);
				older[0]++;
			}
			else {
				labelRows.add(l);
			}
		});
		TreeSet<String> raterSet = new TreeSet<>();
		for (AgreementQueries.LabelRow l : labelRows) {
			raterSet.add(l.annotator());
		}
		LabelTables tables = new LabelTables(questions, List.copyOf(raterSet));
		tables.olderLabels = older[0];
		for (AgreementQueries.LabelRow l : labelRows) {
			tables.place(l);
		}
		source.answers(tables::answer);
		tables.addSpans(source.spans());
		return tables;
	}

	/**
	 * Applies labels added or edited since the tables were read, then their answers.
	 * @return false when a change cannot be applied in place (a rater new to the tables):
	 * the caller reads the tables afresh
	 */
	boolean apply(List<AgreementQueries.LabelRow> changed, LabelSource.AnswerReader answers, SpanReader spans) {
		for (AgreementQueries.LabelRow l : changed) {
			if (!raterIndex.containsKey(l.annotator())) {
				return false;
			}
		}
		Set<Long> ids = new HashSet<>();
		for (AgreementQueries.LabelRow l : changed) {
			Integer cell = cellOfLabel.get(l.labelId());
			if (cell == null) {
				place(l);
			}
			else {
				// an edit (or a label read again): its answers are read afresh below
				revisionSum += l.revision() - revisions.put(l.labelId(), l.revision());
				clear(cell);
			}
			ids.add(l.labelId());
		}
		answers.read(ids, this::answer);
		ids.forEach(spansOfLabel::remove);
		spanList = null;
		addSpans(spans.read(ids));
		return true;
	}

	/** Reads the evidence spans of some labels. */
	@FunctionalInterface
	interface SpanReader {

		List<AgreementQueries.SpanRow> read(Set<Long> labelIds);

	}

	/** Keeps the spans of kept labels (the others belong to older labels, left out). */
	private void addSpans(List<AgreementQueries.SpanRow> spans) {
		Set<List<AgreementQueries.SpanRow>> touched = Collections.newSetFromMap(new IdentityHashMap<>());
		for (AgreementQueries.SpanRow span : spans) {
			if (cellOfLabel.containsKey(span.labelId())) {
				List<AgreementQueries.SpanRow> of = spansOfLabel.computeIfAbsent(span.labelId(),
						id -> new ArrayList<>());
				of.add(span);
				touched.add(of);
			}
		}
		touched.forEach(l -> l.sort(SPAN_ORDER));
		spanList = null;
	}

	/** Labels kept: what the store's count of the campaign's labels must equal. */
	long labelCount() {
		return cellOfLabel.size();
	}

	/** The sum of the kept labels' revisions: an edit always raises it. */
	long revisionSum() {
		return revisionSum;
	}

	private void place(AgreementQueries.LabelRow l) {
		Integer i = itemIndex.get(l.transcriptId());
		if (i == null) {
			order = null;
			i = items.size();
			itemIndex.put(l.transcriptId(), i);
			items.add(new Item(l.transcriptId(), l.split(), l.run(), new boolean[raters.size()]));
			for (List<int[]> table : rows.values()) {
				int[] empty = new int[raters.size()];
				Arrays.fill(empty, -1);
				table.add(empty);
			}
		}
		int r = raterIndex.get(l.annotator());
		Item item = items.get(i);
		if (!item.labelled()[r]) {
			boolean[] labelled = item.labelled().clone();
			labelled[r] = true;
			items.set(i, new Item(item.id(), item.split(), item.run(), labelled));
		}
		cellOfLabel.put(l.labelId(), i * raters.size() + r);
		revisions.put(l.labelId(), l.revision());
		revisionSum += l.revision();
	}

	private void clear(int cell) {
		int item = cell / raters.size();
		int rater = cell % raters.size();
		for (List<int[]> table : rows.values()) {
			int[] row = table.get(item);
			if (row[rater] >= 0) {
				int[] copy = row.clone();
				copy[rater] = -1;
				table.set(item, copy);
			}
		}
	}

	private void answer(long labelId, String question, String answer) {
		List<int[]> table = rows.get(question);
		Integer cell = cellOfLabel.get(labelId);
		if (table == null || cell == null || answer == null) {
			return;
		}
		List<String> v = values.get(question);
		Integer code = codeOf.get(question).computeIfAbsent(answer, x -> {
			v.add(x);
			return v.size() - 1;
		});
		int item = cell / raters.size();
		int rater = cell % raters.size();
		int[] row = table.get(item);
		if (row[rater] != code) {
			int[] copy = row.clone();
			copy[rater] = code;
			table.set(item, copy);
		}
	}

	/**
	 * What the statistics are computed on, items in transcript order (as a fresh read
	 * gives them: the order decides the bootstrap's resamples); shares rows, which are
	 * never changed.
	 */
	Labels snapshot() {
		int n = items.size();
		if (order == null) {
			order = IntStream.range(0, n)
				.boxed()
				.sorted(Comparator.comparingLong(i -> items.get(i).id()))
				.mapToInt(Integer::intValue)
				.toArray();
		}
		if (spanList == null) {
			spanList = spansOfLabel.values().stream().flatMap(List::stream).toList();
		}
		List<Item> sortedItems = new ArrayList<>(n);
		for (int i : order) {
			sortedItems.add(items.get(i));
		}
		Map<String, Answers> answers = new HashMap<>();
		for (Rubric.Question q : questions) {
			List<int[]> table = rows.get(q.key());
			int[][] codes = new int[n][];
			for (int i = 0; i < n; i++) {
				codes[i] = table.get(order[i]);
			}
			answers.put(q.key(), new Answers(List.copyOf(values.get(q.key())), codes));
		}
		return new Labels(List.copyOf(sortedItems), raters, answers, cellOfLabel.size(), olderLabels, spanList);
	}

}
