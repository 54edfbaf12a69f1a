package org.scratchpadlens.transcript.list;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.scratchpadlens.transcript.list.TranscriptIndex.MetricColumn;
import org.scratchpadlens.transcript.search.SearchQuery;
import org.scratchpadlens.web.BadRequestException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The transcript list's parameters, the same for the page and
 * {@code GET /api/transcripts}: condition fields (several values of one field are
 * alternatives), {@code metric.<name>} = true / false / missing,
 * {@code metric.<name>.min} / {@code .max}, {@code q}, {@code sort} and {@code seed},
 * {@code size}, {@code page} or {@code cursor}. Checked against the index: an unknown
 * metric or a value of the wrong kind is a 400 naming it.
 */
record ListQuery(Map<String, Set<String>> fields, SortedMap<String, Set<String>> metricValues,
		SortedMap<String, Range> metricRanges, SearchQuery search, SortKey sort, boolean seedGiven, int size, int page,
		Long cursorAfter) {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 500;

	static final Set<String> SPLITS = Set.of("train", "deploy");

	static final Set<String> SETTINGS = Set.of("helpful_only", "animal_welfare", "unknown");

	static final Set<String> METRIC_VALUES = Set.of("true", "false", "missing");

	/** An inclusive range of a number metric; either end may be open. */
	record Range(Double min, Double max) {

		boolean contains(double value) {
			return !Double.isNaN(value) && (min == null || value >= min) && (max == null || value <= max);
		}

	}

	static ListQuery parse(MultiValueMap<String, String> parameters, TranscriptIndex index) {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		for (String field : TranscriptIndex.FIELDS) {
			List<String> values = parameters.get(field);
			if (values != null && !values.isEmpty()) {
				fields.put(field, new LinkedHashSet<>(values));
			}
		}
		check(fields.get("split"), SPLITS, "split", "train or deploy");
		check(fields.get("setting"), SETTINGS, "setting", "helpful_only, animal_welfare or unknown");

		SortedMap<String, Set<String>> metricValues = new TreeMap<>();
		SortedMap<String, Range> metricRanges = new TreeMap<>();
		for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
			String key = p.getKey();
			if (!key.startsWith("metric.")) {
				continue;
			}
			String rest = key.substring("metric.".length());
			boolean min = rest.endsWith(".min");
			boolean max = rest.endsWith(".max");
			String name = (min || max) ? rest.substring(0, rest.length() - 4) : rest;
			MetricColumn column = index.metrics.get(name);
			if (column == null && index.metrics.containsKey(rest)) {
				// a metric whose own name ends in .min or .max
				column = index.metrics.get(rest);
				name = rest;
				min = max = false;
			}
			if (column == null) {
				throw new BadRequestException("There is no metric named '" + name + "' in the store (parameter " + key
						+ "). Known metrics: " + String.join(", ", index.metrics.keySet()) + ".");
			}
			List<String> values = p.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
			if (values.isEmpty()) {
				continue; // an empty form field
			}
			if (min || max) {
				if (column.kind != MetricKind.NUMBER) {
					throw new BadRequestException(key + ": '" + name + "' is a " + column.kind.value()
							+ " metric; a range (.min, .max) " + "applies to number metrics only. Use metric." + name
							+ "=true, false or missing.");
				}
				double bound = number(key, values.get(values.size() - 1));
				Range range = metricRanges.getOrDefault(name, new Range(null, null));
				metricRanges.put(name, min ? new Range(bound, range.max()) : new Range(range.min(), bound));
			}
			else {
				for (String v : values) {
					if (!METRIC_VALUES.contains(v)) {
						throw new BadRequestException(key + " must be true, false or missing, not '" + v + "'.");
					}
					if (column.kind == MetricKind.NUMBER && !v.equals("missing")) {
						throw new BadRequestException(
								key + ": '" + name + "' is a number metric; filter it with metric." + name
										+ ".min and metric." + name + ".max (or =missing), not =" + v + ".");
					}
					if (column.kind == MetricKind.TEXT && !v.equals("missing")) {
						throw new BadRequestException(
								key + ": '" + name + "' is a text metric; only =missing filters it, not =" + v + ".");
					}
				}
				metricValues.put(name, new LinkedHashSet<>(values));
			}
		}
		metricRanges.forEach((name, r) -> {
			if (r.min() != null && r.max() != null && r.min() > r.max()) {
				throw new BadRequestException("metric." + name + ".min (" + r.min() + ") is greater than metric." + name
						+ ".max (" + r.max() + ").");
			}
		});

		SearchQuery search;
		try {
			search = SearchQuery.parse(parameters.getFirst("q"));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("q: " + ex.getMessage());
		}

		String seedText = blankToNull(parameters.getFirst("seed"));
		long seed = seedText == null ? 0 : integer("seed", seedText, Long.MIN_VALUE, Long.MAX_VALUE);
		SortKey sort = sort(parameters.getFirst("sort"), seed, index);

		String sizeText = blankToNull(parameters.getFirst("size"));
		int size = sizeText == null ? DEFAULT_SIZE : (int) integer("size", sizeText, 1, MAX_SIZE);
		String pageText = blankToNull(parameters.getFirst("page"));
		String cursorText = blankToNull(parameters.getFirst("cursor"));
		if (pageText != null && cursorText != null) {
			throw new BadRequestException("Give either page or cursor, not both.");
		}
		int page = pageText == null ? 1 : (int) integer("page", pageText, 1, Integer.MAX_VALUE);
		Long after = cursorText == null ? null : Cursor.decode(cursorText, sort);
		return new ListQuery(fields, metricValues, metricRanges, search, sort, seedText != null, size, page, after);
	}

	private static SortKey sort(String text, long seed, TranscriptIndex index) {
		if (text == null || text.isBlank()) {
			return SortKey.DEFAULT;
		}
		boolean descending = text.startsWith("-");
		String name = descending ? text.substring(1) : text;
		return switch (name) {
			case "run" -> new SortKey(SortKey.Kind.RUN, null, descending, 0);
			case "queryIndex" -> new SortKey(SortKey.Kind.QUERY_INDEX, null, descending, 0);
			case "random" -> new SortKey(SortKey.Kind.RANDOM, null, descending, seed);
			default -> {
				MetricColumn column = index.metrics.get(name);
				if (column == null) {
					throw new BadRequestException("sort: there is no metric named '" + name + "' in the store. Sort by "
							+ "run, queryIndex, random or a metric (" + String.join(", ", index.metrics.keySet())
							+ "); a leading - reverses the order.");
				}
				if (column.kind == MetricKind.TEXT) {
					throw new BadRequestException("sort: '" + name + "' is a text metric and cannot be sorted by.");
				}
				yield new SortKey(SortKey.Kind.METRIC, name, descending, 0);
			}
		};
	}

	private static void check(Set<String> values, Set<String> allowed, String parameter, String expected) {
		if (values != null) {
			for (String v : values) {
				if (!allowed.contains(v)) {
					throw new BadRequestException(parameter + " must be " + expected + ", not '" + v + "'.");
				}
			}
		}
	}

	private static double number(String parameter, String text) {
		try {
			double value = Double.parseDouble(text.strip());
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new BadRequestException(parameter + " must be a number, not '" + text + "'.");
	}

	private static long integer(String parameter, String text, long min, long max) {
		long value;
		try {
			value = Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(parameter + " must be a whole number, not '" + text + "'.");
		}
		if (value < min || value > max) {
			throw new BadRequestException(parameter + " must be "
					+ (max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + ", not "
					+ value + ".");
		}
		return value;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/**
	 * The parameters that select this list (not its page), for links that keep the
	 * reader's place: a transcript's page, prev/next, saved views.
	 */
	MultiValueMap<String, String> selection() {
		MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
		fields.forEach((f, values) -> values.forEach(v -> p.add(f, v)));
		metricValues.forEach((m, values) -> values.forEach(v -> p.add("metric." + m, v)));
		metricRanges.forEach((m, r) -> {
			if (r.min() != null) {
				p.add("metric." + m + ".min", plain(r.min()));
			}
			if (r.max() != null) {
				p.add("metric." + m + ".max", plain(r.max()));
			}
		});
		if (!search.isEmpty()) {
			p.add("q", search.text());
		}
		if (!sort.equals(SortKey.DEFAULT)) {
			p.add("sort", sort.parameter());
		}
		if (sort.kind() == SortKey.Kind.RANDOM) {
			p.add("seed", Long.toString(sort.seed()));
		}
		if (size != DEFAULT_SIZE) {
			p.add("size", Integer.toString(size));
		}
		return p;
	}

	static String plain(double d) {
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
	}

	/**
	 * An opaque position in one order: the sort it belongs to and the last transcript
	 * shown, so the next page starts right after it however deep it is.
	 */
	static final class Cursor {

		private Cursor() {
		}

		static String encode(SortKey sort, long lastId) {
			String plain = "1\n" + sort.cacheKey() + "\n" + lastId;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		}

		static Long decode(String cursor, SortKey sort) {
			String[] parts;
			try {
				parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
			}
			catch (IllegalArgumentException ex) {
				parts = new String[0];
			}
			if (parts.length != 3 || !parts[0].equals("1")) {
				throw new BadRequestException("cursor is not one this list gave out: pass the 'next' value of a reply "
						+ "unchanged, or use page.");
			}
			if (!parts[1].equals(sort.cacheKey())) {
				throw new BadRequestException("cursor belongs to another order (sort=" + parts[1]
						+ "); pass the same sort and seed as the request that gave it, or use page.");
			}
			try {
				return Long.parseLong(parts[2]);
			}
			catch (NumberFormatException ex) {
				throw new BadRequestException("cursor is not one this list gave out.");
			}
		}

	}

}
