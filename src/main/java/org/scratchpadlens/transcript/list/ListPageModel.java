package org.scratchpadlens.transcript.list;

import java.util.List;

import org.scratchpadlens.transcript.list.ListItems.ListItem;
import org.scratchpadlens.transcript.list.Snippets.Snippet;

/**
 * What the transcript list page shows: the filter form's groups with their counts, the
 * rows of one page, the columns, paging links, saved views.
 */
record ListPageModel(String q, String sort, int size, Long seed, long total, long storeTotal, int page, int pages,
		List<FieldGroup> fields, List<MetricOption> metrics, List<Column> columns, List<Row> rows, Links links,
		boolean stale, long searchPending, long blind, String selection, List<SavedViews.SavedView> savedViews) {

	/** A condition field in the sidebar. */
	record FieldGroup(String field, String label, List<Option> options, boolean anySelected) {
	}

	/** A value to tick, with the count it would give. */
	record Option(String name, String value, String label, long count, boolean selected, String id) {
	}

	/**
	 * A metric in the sidebar: true / false / missing options, or a range for numbers.
	 */
	record MetricOption(String name, boolean number, List<Option> options, String min, String max, String chosenMin,
			String chosenMax, long withValue, boolean anySelected) {
	}

	/** A metric column of the table, with the address that sorts by it. */
	record Column(String name, String sortHref, String sortState) {

		/** The name cut after each underscore, where a narrow header may wrap. */
		public List<String> parts() {
			return List.of(name.split("(?<=_)"));
		}

	}

	/** One transcript in the table. */
	record Row(ListItem item, String href, List<String> cells, List<String> cellTitles, List<Snippet> snippets) {
	}

	record Links(String first, String previous, String next, String last, String reset) {
	}

}
