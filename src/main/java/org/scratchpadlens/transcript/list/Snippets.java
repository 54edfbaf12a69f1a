package org.scratchpadlens.transcript.list;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scratchpadlens.transcript.search.SearchQuery;

/**
 * Where a search's words and phrases occur in a transcript's text: short windows around
 * the first hits, cut into plain and highlighted pieces that the page renders as text (a
 * hit is a {@code <mark>} whose content is escaped like everything else).
 */
final class Snippets {

	static final int CONTEXT = 80;

	static final int MAX_WINDOWS = 3;

	private Snippets() {
	}

	/** A run of text, highlighted or not. */
	record Piece(String text, boolean hit) {
	}

	/**
	 * A window of text around hits: its pieces, and whether text was cut off before and
	 * after it.
	 */
	record Snippet(List<Piece> pieces, boolean cutBefore, boolean cutAfter) {
	}

	static Pattern pattern(SearchQuery query) {
		List<String> alternatives = new ArrayList<>();
		for (SearchQuery.Clause clause : query.clauses()) {
			List<String> words = SearchQuery.words(clause.text());
			if (!words.isEmpty()) {
				alternatives.add(String.join("[^\\p{L}\\p{N}]+", words.stream().map(Pattern::quote).toList()));
			}
		}
		if (alternatives.isEmpty()) {
			return null;
		}
		// a hit is a whole word: not inside another, nor inside a name joined by
		// underscores such as the tag <is_free_tier_user>, which neither search finds by
		// its parts (Lucene keeps it one word; PostgreSQL's parser skips tags)
		return Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}_])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	static List<Snippet> of(String text, Pattern pattern) {
		List<Snippet> snippets = new ArrayList<>();
		if (pattern == null || text == null) {
			return snippets;
		}
		Matcher m = pattern.matcher(text);
		int windowStart = -1;
		int windowEnd = -1;
		List<int[]> hits = new ArrayList<>();
		while (m.find()) {
			if (windowEnd >= 0 && m.start() > windowEnd) {
				snippets.add(window(text, windowStart, windowEnd, hits));
				hits = new ArrayList<>();
				windowStart = -1;
				if (snippets.size() == MAX_WINDOWS) {
					return snippets;
				}
			}
			if (windowStart < 0) {
				windowStart = Math.max(0, m.start() - CONTEXT);
			}
			windowEnd = Math.min(text.length(), m.end() + CONTEXT);
			hits.add(new int[] { m.start(), m.end() });
		}
		if (windowStart >= 0) {
			snippets.add(window(text, windowStart, windowEnd, hits));
		}
		return snippets;
	}

	private static Snippet window(String text, int start, int end, List<int[]> hits) {
		// start and end at a space where one is near, not in the middle of a word
		int s = start == 0 ? 0 : nextSpace(text, start, hits.get(0)[0]);
		int e = end == text.length() ? end : previousSpace(text, end, hits.get(hits.size() - 1)[1]);
		List<Piece> pieces = new ArrayList<>();
		int at = s;
		for (int[] hit : hits) {
			if (hit[0] > at) {
				pieces.add(new Piece(flat(text.substring(at, hit[0])), false));
			}
			pieces.add(new Piece(flat(text.substring(hit[0], hit[1])), true));
			at = hit[1];
		}
		if (e > at) {
			pieces.add(new Piece(flat(text.substring(at, e)), false));
		}
		return new Snippet(pieces, s > 0, e < text.length());
	}

	private static int nextSpace(String text, int from, int limit) {
		for (int i = from; i < limit; i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i + 1;
			}
		}
		return from;
	}

	private static int previousSpace(String text, int from, int limit) {
		for (int i = from - 1; i > limit; i--) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return from;
	}

	/** Line breaks as spaces: a snippet is one line of the list. */
	private static String flat(String s) {
		return s.replaceAll("\\s+", " ");
	}

}
