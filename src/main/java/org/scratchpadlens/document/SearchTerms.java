package org.scratchpadlens.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A search as typed: words, and {@code "quoted phrases"} matched as they stand; every
 * term must occur, case-insensitively. Plain Java: the terms become SQL {@code like}
 * patterns and the highlighted pieces of a snippet.
 */
public record SearchTerms(List<String> terms) {

	/**
	 * More would make one SQL statement of hundreds of {@code like}s; nobody types it.
	 */
	static final int MAX_TERMS = 20;

	static final SearchTerms NONE = new SearchTerms(List.of());

	private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

	/**
	 * Words and quoted phrases of {@code q}, lower-cased, each once; a quote left open
	 * runs to the end.
	 */
	static SearchTerms parse(String q) {
		if (q == null || q.isBlank()) {
			return NONE;
		}
		Set<String> terms = new LinkedHashSet<>();
		Matcher m = TOKEN.matcher(q);
		while (m.find()) {
			String term = (m.group(1) != null ? m.group(1) : m.group(2).replace("\"", "")).replaceAll("\\s+", " ")
				.strip()
				.toLowerCase(Locale.ROOT);
			if (!term.isEmpty()) {
				terms.add(term);
			}
		}
		return new SearchTerms(List.copyOf(terms));
	}

	boolean isEmpty() {
		return terms.isEmpty();
	}

	/**
	 * The SQL pattern for {@code lower(column) like ? escape '!'}: the term with its
	 * wildcards taken literally.
	 */
	static String likePattern(String term) {
		return "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	/** The text cut into plain and hit pieces. */
	List<TextPiece> highlight(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		if (terms.isEmpty()) {
			return List.of(new TextPiece(text, false));
		}
		List<TextPiece> pieces = new ArrayList<>();
		Matcher m = pattern().matcher(text);
		int at = 0;
		while (m.find()) {
			if (m.start() > at) {
				pieces.add(new TextPiece(text.substring(at, m.start()), false));
			}
			pieces.add(new TextPiece(m.group(), true));
			at = m.end();
		}
		if (at < text.length()) {
			pieces.add(new TextPiece(text.substring(at), false));
		}
		return pieces;
	}

	/**
	 * About {@code width} characters of the text around its first hit (its beginning when
	 * nothing matches), white space collapsed, cut at spaces, with "…" where it was cut.
	 */
	String snippet(String text, int width) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("\\s+", " ").strip();
		if (flat.length() <= width) {
			return flat;
		}
		int first = 0;
		if (!terms.isEmpty()) {
			Matcher m = pattern().matcher(flat);
			if (m.find()) {
				first = m.start();
			}
		}
		int start = Math.max(0, Math.min(first - width / 4, flat.length() - width));
		if (start > 0) {
			int space = flat.indexOf(' ', start);
			start = space >= 0 && space < first ? space + 1 : start;
		}
		int end = Math.min(flat.length(), start + width);
		if (end < flat.length()) {
			int space = flat.lastIndexOf(' ', end);
			end = space > Math.max(start, first) ? space : end;
		}
		return (start > 0 ? "…" : "") + flat.substring(start, end).strip() + (end < flat.length() ? "…" : "");
	}

	/** Longest terms first, so a phrase wins over a word inside it. */
	private Pattern pattern() {
		return Pattern.compile(terms.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
