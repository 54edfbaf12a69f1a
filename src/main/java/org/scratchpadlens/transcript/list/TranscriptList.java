package org.scratchpadlens.transcript.list;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scratchpadlens.transcript.HiddenMetrics;
import org.scratchpadlens.transcript.Readers;
import org.scratchpadlens.transcript.TranscriptNeighbours;
import org.scratchpadlens.transcript.list.ListQuery.Range;
import org.scratchpadlens.transcript.list.TranscriptIndex.MetricColumn;
import org.scratchpadlens.transcript.list.TranscriptIndex.Order;
import org.scratchpadlens.transcript.list.TranscriptIndex.RunInfo;
import org.scratchpadlens.transcript.search.SearchCatchUp;
import org.scratchpadlens.transcript.search.SearchQuery;
import org.scratchpadlens.transcript.search.TextSearch;
import org.scratchpadlens.web.BadRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * The transcript list: which current transcripts a {@link ListQuery} selects, in which
 * order, one page of them, and the sidebar's counts. Everything but the text search and
 * the page's own rows is answered from the in-memory {@link TranscriptIndex}.
 */
@Service
public class TranscriptList implements TranscriptNeighbours {

	private final TranscriptIndexHolder holder;

	private final TextSearch search;

	private final SearchCatchUp catchUp;

	/**
	 * The rows of the last searches, per index: a reader pages through one search and
	 * walks its transcripts with previous/next, each of which asks the same question
	 * again, and a word that occurs in every transcript costs hundreds of milliseconds to
	 * answer. Kept only while the search covers the whole store.
	 */
	private final Map<SearchKey, BitSet> searches = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<SearchKey, BitSet> eldest) {
				return size() > SEARCHES_KEPT;
			}
		});

	static final int SEARCHES_KEPT = 32;

	/** A search's clauses against one index (compared by identity). */
	private record SearchKey(TranscriptIndex index, List<SearchQuery.Clause> clauses) {

		@Override
		public boolean equals(Object o) {
			return o instanceof SearchKey k && k.index == index && k.clauses.equals(clauses);
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(index) * 31 + clauses.hashCode();
		}

	}

	private final ObjectProvider<HiddenMetrics> hiddenMetrics;

	TranscriptList(TranscriptIndexHolder holder, TextSearch search, SearchCatchUp catchUp,
			ObjectProvider<HiddenMetrics> hiddenMetrics) {
		this.holder = holder;
		this.search = search;
		this.catchUp = catchUp;
		this.hiddenMetrics = hiddenMetrics;
	}

	/** One page of the list, with the sidebar's counts. */
	ListPage list(MultiValueMap<String, String> parameters) {
		TranscriptIndexHolder.Snapshot snapshot = holder.current();
		TranscriptIndex index = snapshot.index();
		ListQuery query = ListQuery.parse(parameters, index);
		Selection selection = select(index, query);
		BitSet result = selection.result();
		Order order = index.order(query.sort());

		int start = 0;
		if (query.cursorAfter() != null) {
			int row = index.row(query.cursorAfter());
			if (row < 0) {
				throw new BadRequestException("cursor: the transcript it continues after is no longer current (an "
						+ "import was undone or added a newer version); start again from the first page.");
			}
			start = order.position()[row] + 1;
		}
		long skip = query.cursorAfter() == null ? (long) (query.page() - 1) * query.size() : 0;
		List<Long> ids = new ArrayList<>(query.size());
		int[] rows = order.rows();
		int at = start;
		for (; at < rows.length && ids.size() < query.size(); at++) {
			if (result.get(rows[at])) {
				if (skip > 0) {
					skip--;
				}
				else {
					ids.add(index.ids[rows[at]]);
				}
			}
		}
		boolean more = false;
		for (; at < rows.length && !more; at++) {
			more = result.get(rows[at]);
		}
		String next = more && !ids.isEmpty() ? ListQuery.Cursor.encode(query.sort(), ids.get(ids.size() - 1)) : null;
		return new ListPage(query, result.cardinality(), ids, next, facets(index, query, selection), index.size(),
				snapshot.stale(), catchUp.pending(), selection.blind());
	}

	/**
	 * The ids of the current transcripts a list filter selects (the list's parameters; a
	 * bad one is a 400 naming it), in the list's reading order: run, split, query index.
	 * Paging and sort parameters are ignored. For campaigns made from a filter.
	 */
	public List<Long> selectedIds(MultiValueMap<String, String> filter) {
		return selectedTranscripts(filter).ids();
	}

	/**
	 * As {@link #selectedIds}, with the index snapshot they were selected from, which
	 * holds each one's condition fields and boolean and number metrics.
	 */
	public SelectedTranscripts selectedTranscripts(MultiValueMap<String, String> filter) {
		TranscriptIndex index = holder.current().index();
		BitSet result = select(index, ListQuery.parse(filter, index)).result();
		List<Long> ids = new ArrayList<>(result.cardinality());
		for (int row : index.naturalOrder) {
			if (result.get(row)) {
				ids.add(index.ids[row]);
			}
		}
		return new SelectedTranscripts(ids, new TranscriptFacts(index));
	}

	/**
	 * Transcripts a filter selects, in reading order, and what the index knows of them.
	 */
	public record SelectedTranscripts(List<Long> ids, TranscriptFacts facts) {
	}

	/**
	 * The transcripts the filter selects, in the list's reading order, each with its run,
	 * split and the value of one boolean metric ({@code "true"}, {@code "false"} or
	 * {@code "missing"}; null when no metric is asked for): what a campaign's sample is
	 * stratified by, read from the in-memory index instead of the store.
	 * @param booleanMetric a metric whose {@link #metricKind kind} is boolean, or null
	 */
	public List<Selected> selected(MultiValueMap<String, String> filter, String booleanMetric) {
		TranscriptIndex index = holder.current().index();
		BitSet result = select(index, ListQuery.parse(filter, index)).result();
		MetricColumn metric = booleanMetric == null ? null : index.metrics.get(booleanMetric);
		if (booleanMetric != null && (metric == null || metric.kind != MetricKind.BOOLEAN)) {
			throw new IllegalArgumentException(booleanMetric + " is not a boolean metric of the store");
		}
		String[] splits = new String[index.size()];
		index.fields.getOrDefault("split", java.util.Collections.emptySortedMap())
			.forEach((value, rows) -> rows.stream().forEach(row -> splits[row] = value));
		List<Selected> selected = new ArrayList<>(result.cardinality());
		for (int row : index.naturalOrder) {
			if (result.get(row)) {
				RunInfo run = index.runs.get(index.runOf[row]);
				String value = metric == null ? null
						: metric.yes.get(row) ? "true" : metric.no.get(row) ? "false" : "missing";
				selected.add(new Selected(index.ids[row], run.id(), run.path(), splits[row], value));
			}
		}
		return selected;
	}

	/** What the metric holds across the store, or empty when no transcript has it. */
	public java.util.Optional<MetricKind> metricKind(String name) {
		MetricColumn column = holder.current().index().metrics.get(name);
		return java.util.Optional.ofNullable(column == null ? null : column.kind);
	}

	/** A selected transcript with the condition fields a sample is stratified by. */
	public record Selected(long id, long runId, String runPath, String split, String metricValue) {
	}

	@Override
	public Neighbours around(long id, MultiValueMap<String, String> listParameters) {
		TranscriptIndex index = holder.current().index();
		ListQuery query = ListQuery.parse(listParameters, index);
		BitSet result = select(index, query).result();
		int row = index.row(id);
		long total = result.cardinality();
		if (row < 0 || !result.get(row)) {
			return new Neighbours(null, null, 0, total);
		}
		Order order = index.order(query.sort());
		int[] rows = order.rows();
		int here = order.position()[row];
		Long previous = null;
		long position = 1;
		for (int i = here - 1; i >= 0; i--) {
			if (result.get(rows[i])) {
				if (previous == null) {
					previous = index.ids[rows[i]];
				}
				position++;
			}
		}
		Long next = null;
		for (int i = here + 1; i < rows.length && next == null; i++) {
			if (result.get(rows[i])) {
				next = index.ids[rows[i]];
			}
		}
		return new Neighbours(previous, next, position, total);
	}

	/**
	 * The rows each part of the query selects, and all of them together. The sidebar
	 * counts a group's values against the other groups' selections, so choosing one value
	 * still shows what the others would give.
	 */
	private Selection select(TranscriptIndex index, ListQuery query) {
		Map<String, BitSet> parts = new LinkedHashMap<>();
		query.fields().forEach((field, values) -> {
			BitSet any = new BitSet(index.size());
			Map<String, BitSet> byValue = index.fields.get(field);
			values.forEach(v -> {
				BitSet rows = byValue.get(v);
				if (rows != null) {
					any.or(rows);
				}
			});
			parts.put(field, any);
		});
		query.metricValues().forEach((name, values) -> {
			MetricColumn column = index.metrics.get(name);
			BitSet any = new BitSet(index.size());
			for (String v : values) {
				any.or(switch (v) {
					case "true" -> column.yes;
					case "false" -> column.no;
					default -> column.missing(index.all);
				});
			}
			parts.put("metric." + name, any);
		});
		query.metricRanges().forEach((name, range) -> {
			MetricColumn column = index.metrics.get(name);
			BitSet in = new BitSet(index.size());
			for (int row = column.yes.nextSetBit(0); row >= 0; row = column.yes.nextSetBit(row + 1)) {
				if (range.contains(column.numbers[row])) {
					in.set(row);
				}
			}
			parts.put("range." + name, in);
		});
		if (!query.search().isEmpty()) {
			catchUp.ensure(index, index.ids);
			parts.put("q", searched(index, query.search()));
		}
		// transcripts whose metrics the reader may not see (blind campaigns they rate in)
		// are left out of everything, counts included
		long blind = 0;
		HiddenMetrics hidden = hiddenMetrics.getIfAvailable();
		String reader = Readers.current();
		if (hidden != null && reader != null) {
			BitSet visible = (BitSet) index.all.clone();
			for (long id : hidden.hiddenFrom(reader)) {
				int row = index.row(id);
				if (row >= 0 && visible.get(row)) {
					visible.clear(row);
					blind++;
				}
			}
			if (blind > 0) {
				parts.put("blind", visible);
			}
		}
		BitSet result = (BitSet) index.all.clone();
		parts.values().forEach(result::and);
		return new Selection(parts, result, blind);
	}

	private BitSet searched(TranscriptIndex index, SearchQuery query) {
		SearchKey key = new SearchKey(index, query.clauses());
		BitSet rows = searches.get(key);
		if (rows == null) {
			rows = index.rows(search.matching(query));
			if (catchUp.pending() == 0) {
				searches.put(key, rows);
			}
		}
		return rows;
	}

	private List<FieldFacet> fieldFacets(TranscriptIndex index, ListQuery query, Selection selection) {
		List<FieldFacet> facets = new ArrayList<>();
		for (String field : TranscriptIndex.FIELDS) {
			BitSet base = selection.without(field, index);
			Set<String> chosen = query.fields().getOrDefault(field, Set.of());
			List<FacetValue> values = new ArrayList<>();
			index.fields.get(field)
				.forEach((value, rows) -> values.add(new FacetValue(value, count(base, rows), chosen.contains(value))));
			// a chosen value the store no longer holds stays visible (and removable)
			chosen.stream()
				.filter(v -> !index.fields.get(field).containsKey(v))
				.forEach(v -> values.add(new FacetValue(v, 0, true)));
			facets.add(new FieldFacet(field, values));
		}
		return facets;
	}

	private Facets facets(TranscriptIndex index, ListQuery query, Selection selection) {
		List<MetricFacet> metrics = new ArrayList<>();
		index.metrics.forEach((name, column) -> {
			BitSet base = selection.without("metric." + name, index);
			Set<String> chosen = query.metricValues().getOrDefault(name, Set.of());
			long missing = count(base, column.missing(index.all));
			if (column.kind == MetricKind.NUMBER) {
				BitSet withRange = selection.without("range." + name, index);
				double min = Double.POSITIVE_INFINITY;
				double max = Double.NEGATIVE_INFINITY;
				long present = 0;
				BitSet rows = (BitSet) withRange.clone();
				rows.and(column.yes);
				for (int row = rows.nextSetBit(0); row >= 0; row = rows.nextSetBit(row + 1)) {
					double v = column.numbers[row];
					min = Math.min(min, v);
					max = Math.max(max, v);
					present++;
				}
				Range range = query.metricRanges().get(name);
				metrics.add(new MetricFacet(name, column.kind, 0, 0, missing, chosen, present == 0 ? null : min,
						present == 0 ? null : max, present, range == null ? null : range.min(),
						range == null ? null : range.max()));
			}
			else {
				metrics.add(new MetricFacet(name, column.kind, count(base, column.yes), count(base, column.no), missing,
						chosen, null, null, 0, null, null));
			}
		});
		return new Facets(fieldFacets(index, query, selection), metrics);
	}

	private static long count(BitSet a, BitSet b) {
		BitSet both = (BitSet) a.clone();
		both.and(b);
		return both.cardinality();
	}

	/** The rows each part of a query selects, and their intersection. */
	private record Selection(Map<String, BitSet> parts, BitSet result, long blind) {

		/**
		 * The rows all parts but this one select (the result itself if it is not chosen).
		 */
		BitSet without(String part, TranscriptIndex index) {
			if (!parts.containsKey(part)) {
				return result;
			}
			BitSet rows = (BitSet) index.all.clone();
			parts.forEach((name, selected) -> {
				if (!name.equals(part)) {
					rows.and(selected);
				}
			});
			return rows;
		}

	}

	/** One value of a condition field with how many transcripts it would give. */
	public record FacetValue(String value, long count, boolean selected) {
	}

	public record FieldFacet(String field, List<FacetValue> values) {
	}

	/**
	 * A metric in the sidebar: for booleans the counts of true, false and missing; for
	 * numbers the range present and the chosen bounds.
	 */
	public record MetricFacet(String name, MetricKind kind, long trueCount, long falseCount, long missingCount,
			Set<String> selected, Double min, Double max, long withValue, Double chosenMin, Double chosenMax) {
	}

	public record Facets(List<FieldFacet> fields, List<MetricFacet> metrics) {
	}

	/**
	 * @param total transcripts the filter selects
	 * @param storeTotal current transcripts in the store
	 * @param stale an import is running: counts are from before its latest batches
	 * @param searchPending transcripts the text search does not cover yet
	 */
	public record ListPage(ListQuery query, long total, List<Long> ids, String next, Facets facets, long storeTotal,
			boolean stale, long searchPending, long blind) {
	}

}
