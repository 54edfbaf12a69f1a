package org.scratchpadlens.transcript.list;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.scratchpadlens.transcript.list.ListItems.ListItem;
import org.scratchpadlens.transcript.list.ListPageModel.Column;
import org.scratchpadlens.transcript.list.ListPageModel.FieldGroup;
import org.scratchpadlens.transcript.list.ListPageModel.Links;
import org.scratchpadlens.transcript.list.ListPageModel.MetricOption;
import org.scratchpadlens.transcript.list.ListPageModel.Option;
import org.scratchpadlens.transcript.list.ListPageModel.Row;
import org.scratchpadlens.transcript.list.TranscriptList.FieldFacet;
import org.scratchpadlens.transcript.list.TranscriptList.ListPage;
import org.scratchpadlens.transcript.list.TranscriptList.MetricFacet;
import org.scratchpadlens.web.BadRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The transcript list page: the filter sidebar with its counts, the table, search
 * snippets, paging, saved views. Its whole state is in the address.
 */
@Controller
class TranscriptListPageController {

	/**
	 * Metric columns shown when the store has them, besides any metric filtered or sorted
	 * on.
	 */
	static final List<String> DEFAULT_COLUMNS = List.of("partial_scheme", "effective_scheme", "is_refusal_0_7",
			"pm_score");

	private static final Map<String, String> FIELD_LABELS = Map.of("setting", "Setting", "run", "Run", "variation",
			"Variation", "split", "Condition", "model", "Model");

	private final TranscriptList list;

	private final ListItems items;

	private final SavedViews savedViews;

	TranscriptListPageController(TranscriptList list, ListItems items, SavedViews savedViews) {
		this.list = list;
		this.items = items;
		this.savedViews = savedViews;
	}

	@GetMapping("/transcripts")
	String list(@RequestParam MultiValueMap<String, String> parameters, Model model, Principal user,
			HttpServletResponse response) {
		String sort = parameters.getFirst("sort");
		if (sort != null && sort.replace("-", "").equals("random") && blank(parameters.getFirst("seed"))) {
			// a random order the reader can share and come back to: its seed goes in the
			// address
			MultiValueMap<String, String> seeded = QueryString.with(parameters, "seed",
					List.of(Long.toString(ThreadLocalRandom.current().nextLong(1, 1_000_000))));
			return "redirect:" + QueryString.href("/transcripts", withoutEmpty(seeded));
		}
		ListPage page;
		try {
			page = list.list(withoutEmpty(parameters));
		}
		catch (BadRequestException ex) {
			model.addAttribute("problem", ex.getMessage());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "transcripts/bad-filter";
		}
		model.addAttribute("view", model(page, user.getName()));
		return "transcripts/list";
	}

	@PostMapping("/transcripts/views")
	String save(@RequestParam(required = false) String name, @RequestParam(required = false) String query,
			Principal user, RedirectAttributes redirect) {
		SavedViews.SavedView view = savedViews.save(user.getName(), name, query);
		redirect.addFlashAttribute("message", "Saved the view \u201c" + view.name() + "\u201d.");
		return "redirect:" + view.href();
	}

	@PostMapping("/transcripts/views/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) String back, Principal user,
			RedirectAttributes redirect) {
		savedViews.delete(user.getName(), id);
		redirect.addFlashAttribute("message", "Deleted the saved view.");
		return "redirect:"
				+ (back != null && back.startsWith("/transcripts") && !back.startsWith("//") ? back : "/transcripts");
	}

	private ListPageModel model(ListPage page, String user) {
		ListQuery query = page.query();
		MultiValueMap<String, String> selection = query.selection();

		List<FieldGroup> fields = new ArrayList<>();
		for (FieldFacet facet : page.facets().fields()) {
			List<Option> options = new ArrayList<>();
			facet.values()
				.forEach(v -> options
					.add(new Option(facet.field(), v.value(), v.value().isEmpty() ? "(none)" : v.value(), v.count(),
							v.selected(), id(facet.field(), v.value()))));
			fields.add(new FieldGroup(facet.field(), FIELD_LABELS.get(facet.field()), options,
					options.stream().anyMatch(Option::selected)));
		}

		List<MetricOption> metrics = new ArrayList<>();
		for (MetricFacet m : page.facets().metrics()) {
			String name = "metric." + m.name();
			List<Option> options = new ArrayList<>();
			if (m.kind() == MetricKind.BOOLEAN) {
				options.add(new Option(name, "true", "true", m.trueCount(), m.selected().contains("true"),
						id(name, "true")));
				options.add(new Option(name, "false", "false", m.falseCount(), m.selected().contains("false"),
						id(name, "false")));
			}
			if (m.kind() != MetricKind.TEXT || m.missingCount() > 0) {
				options.add(new Option(name, "missing", "missing", m.missingCount(), m.selected().contains("missing"),
						id(name, "missing")));
			}
			metrics.add(new MetricOption(m.name(), m.kind() == MetricKind.NUMBER, options, format(m.min()),
					format(m.max()), format(m.chosenMin()), format(m.chosenMax()), m.withValue(),
					!m.selected().isEmpty() || m.chosenMin() != null || m.chosenMax() != null));
		}

		List<String> columnNames = new ArrayList<>();
		Set<String> present = page.facets()
			.metrics()
			.stream()
			.map(MetricFacet::name)
			.collect(java.util.stream.Collectors.toSet());
		DEFAULT_COLUMNS.stream().filter(present::contains).forEach(columnNames::add);
		query.metricValues().keySet().forEach(n -> addOnce(columnNames, n));
		query.metricRanges().keySet().forEach(n -> addOnce(columnNames, n));
		if (query.sort().metric() != null) {
			addOnce(columnNames, query.sort().metric());
		}
		List<Column> columns = new ArrayList<>();
		for (String name : columnNames) {
			boolean sortedAsc = name.equals(query.sort().metric()) && !query.sort().descending();
			boolean sortedDesc = name.equals(query.sort().metric()) && query.sort().descending();
			String href = QueryString.href("/transcripts",
					QueryString.with(selection, "sort", List.of(sortedAsc ? "-" + name : name)));
			columns.add(new Column(name, href, sortedAsc ? "ascending" : sortedDesc ? "descending" : "none"));
		}

		List<ListItem> pageItems = items.items(page.ids());
		Snippets.Finder hits = query.search().isEmpty() ? null : Snippets.pattern(query.search());
		Map<Long, String> texts = hits == null ? Map.of() : items.texts(page.ids());
		String listParameters = QueryString.of(selection);
		List<Row> rows = new ArrayList<>();
		for (ListItem item : pageItems) {
			List<String> cells = new ArrayList<>();
			List<String> titles = new ArrayList<>();
			for (String name : columnNames) {
				boolean has = item.metrics().containsKey(name);
				Object v = item.metrics().get(name);
				cells.add(!has ? "" : v == null ? "missing" : v instanceof Double d ? format(d) : String.valueOf(v));
				titles
					.add(name + ": " + (!has ? "absent" : v == null ? "missing (no usable value)" : String.valueOf(v)));
			}
			String href = "/transcripts/" + item.id() + (listParameters.isEmpty() ? "" : "?" + listParameters);
			rows.add(new Row(item, href, cells, titles,
					hits == null ? List.of() : Snippets.of(texts.get(item.id()), hits)));
		}

		int pages = (int) Math.max(1, (page.total() + query.size() - 1) / query.size());
		int current = query.cursorAfter() == null ? query.page() : 0;
		Links links = new Links(current > 1 ? pageHref(selection, 1) : null,
				current > 1 ? pageHref(selection, current - 1) : null,
				page.next() == null ? null
						: current > 0 ? pageHref(selection, current + 1)
								: QueryString.href("/transcripts",
										QueryString.with(selection, "cursor", List.of(page.next()))),
				current > 0 && current < pages ? pageHref(selection, pages) : null, "/transcripts");

		return new ListPageModel(query.search().text(), query.sort().parameter(), query.size(),
				query.sort().kind() == SortKey.Kind.RANDOM ? query.sort().seed() : null, page.total(),
				page.storeTotal(), current, pages, fields, metrics, columns, rows, links, page.stale(),
				page.searchPending(), page.blind(), listParameters, savedViews.of(user));
	}

	private static String pageHref(MultiValueMap<String, String> selection, int page) {
		return QueryString.href("/transcripts",
				page == 1 ? selection : QueryString.with(selection, "page", List.of(Integer.toString(page))));
	}

	private static void addOnce(List<String> list, String name) {
		if (!list.contains(name)) {
			list.add(name);
		}
	}

	private static String id(String name, String value) {
		return "f-" + Integer.toHexString((name + "=" + value).hashCode());
	}

	static String format(Double d) {
		if (d == null) {
			return null;
		}
		if (d == Math.rint(d) && Math.abs(d) < 1e15) {
			return Long.toString(d.longValue());
		}
		return String.format(Locale.ROOT, "%.4g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
	}

	/** Empty form fields (an untouched range box, an empty search) are as if absent. */
	private static MultiValueMap<String, String> withoutEmpty(MultiValueMap<String, String> parameters) {
		MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
		parameters.forEach((name, values) -> {
			boolean condition = TranscriptIndex.FIELDS.contains(name);
			values.stream().filter(v -> v != null && (condition || !v.isBlank())).forEach(v -> kept.add(name, v));
		});
		return kept;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
