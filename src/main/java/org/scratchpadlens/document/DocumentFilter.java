package org.scratchpadlens.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.scratchpadlens.web.BadRequestException;

/**
 * What the document list is asked for, the same for the page and the API: exact filters
 * (null = any), a search, a page. Built from the raw parameters, so a wrong value is a
 * 400 naming its parameter rather than a framework error.
 */
public record DocumentFilter(String setting, String type, String fact, String q, SearchTerms search, int page,
		int size) {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 500;

	static DocumentFilter of(String setting, String type, String fact, String q, String page, String size) {
		SearchTerms search = SearchTerms.parse(q);
		if (search.terms().size() > SearchTerms.MAX_TERMS) {
			throw new BadRequestException("q has " + search.terms().size() + " words and phrases; at most "
					+ SearchTerms.MAX_TERMS + " are searched for at once.");
		}
		return new DocumentFilter(blankToNull(setting), blankToNull(type), blankToNull(fact),
				search.isEmpty() ? null : q.strip(), search, number("page", page, 1, 1, Integer.MAX_VALUE),
				number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
	}

	long offset() {
		return (long) (page - 1) * size;
	}

	DocumentFilter withPage(int newPage) {
		return new DocumentFilter(setting, type, fact, q, search, newPage, size);
	}

	DocumentFilter with(String setting, String type, String fact) {
		return new DocumentFilter(setting, type, fact, q, search, 1, size);
	}

	/**
	 * The query string that asks for this list ({@code setting=...&page=2}), values
	 * URL-encoded, defaults left out.
	 */
	String queryString() {
		List<String> parts = new ArrayList<>();
		add(parts, "q", q);
		add(parts, "setting", setting);
		add(parts, "type", type);
		add(parts, "fact", fact);
		if (size != DEFAULT_SIZE) {
			add(parts, "size", Integer.toString(size));
		}
		if (page != 1) {
			add(parts, "page", Integer.toString(page));
		}
		return String.join("&", parts);
	}

	/** The path with this list's query string, for links. */
	String link(String path) {
		String query = queryString();
		return query.isEmpty() ? path : path + "?" + query;
	}

	private static void add(List<String> parts, String name, String value) {
		if (value != null) {
			parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static int number(String name, String raw, int fallback, int min, int max) {
		if (raw == null || raw.isBlank()) {
			return fallback;
		}
		String shown = raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
		String expected = name + " must be a whole number from " + min
				+ (max == Integer.MAX_VALUE ? " up" : " to " + max) + "; '" + shown + "' is not.";
		try {
			int value = Integer.parseInt(raw.strip());
			if (value < min || value > max) {
				throw new BadRequestException(expected);
			}
			return value;
		}
		catch (NumberFormatException e) {
			throw new BadRequestException(expected);
		}
	}

}
