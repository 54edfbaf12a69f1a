package org.scratchpadlens.transcript.list;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import org.scratchpadlens.transcript.list.ListItems.ListItem;
import org.scratchpadlens.transcript.list.TranscriptList.Facets;
import org.scratchpadlens.transcript.list.TranscriptList.ListPage;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Transcripts",
		description = "The transcript list (filters, search, sort, pages, the sidebar's counts) and one transcript with its sections and metrics")
@RestController
@RequestMapping("/api/transcripts")
class TranscriptListApiController {

	private final TranscriptList list;

	private final ListItems items;

	TranscriptListApiController(TranscriptList list, ListItems items) {
		this.list = list;
		this.items = items;
	}

	/**
	 * Current transcripts matching the filter, one page at a time. {@code next} is the
	 * cursor of the following page (pass it as {@code cursor} with the same filter and
	 * sort), or null on the last page.
	 */
	@GetMapping
	@Operation(summary = "The transcript list: filter, search, sort, page",
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "setting",
							description = "helpful_only, animal_welfare or unknown; repeat for any of several"),
					@Parameter(in = ParameterIn.QUERY, name = "run",
							description = "a whole run path, e.g. animal_welfare/default; repeatable"),
					@Parameter(in = ParameterIn.QUERY, name = "variation", description = "repeatable"),
					@Parameter(in = ParameterIn.QUERY, name = "split", description = "train or deploy"),
					@Parameter(in = ParameterIn.QUERY, name = "model", description = "repeatable"),
					@Parameter(in = ParameterIn.QUERY, name = "metric.partial_scheme",
							description = "metric.<name> = true, false or missing (boolean metrics; repeatable for "
									+ "any of several); metric.<name>.min / .max for number metrics. An unknown "
									+ "metric or a value of the wrong kind is a 400."),
					@Parameter(in = ParameterIn.QUERY, name = "q",
							description = "full-text search: every word must occur (case-insensitive); "
									+ "\"quoted phrases\" as phrases"),
					@Parameter(in = ParameterIn.QUERY, name = "sort",
							description = "run (default), queryIndex, a metric name, or random (with seed); "
									+ "a leading - reverses"),
					@Parameter(in = ParameterIn.QUERY, name = "seed", description = "the random order's seed"),
					@Parameter(in = ParameterIn.QUERY, name = "size", description = "1 to 500, default 50"),
					@Parameter(in = ParameterIn.QUERY, name = "page", description = "1-based page number"),
					@Parameter(in = ParameterIn.QUERY, name = "cursor",
							description = "the 'next' value of the previous reply") })
	ListReply list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
		ListPage page = list.list(parameters);
		return new ListReply(page.total(), items.items(page.ids()), page.next(), page.stale(), page.searchPending(),
				page.blind());
	}

	/**
	 * The sidebar's counts for the same filter: per value of each condition field, and
	 * per metric (true / false / missing, or the range of a number metric).
	 */
	@GetMapping("/facets")
	Facets facets(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
		return list.list(parameters).facets();
	}

	/**
	 * @param stale the store has changed (an import) and the list is being brought up to
	 * date: reload in a few seconds
	 * @param searchPending current transcripts the text search does not cover yet
	 * @param hiddenWhileRating transcripts left out because the reader rates them in a
	 * campaign that hides the metrics and has not submitted yet
	 */
	record ListReply(long total, List<ListItem> items, String next, boolean stale, long searchPending,
			long hiddenWhileRating) {
	}

}
