package org.scratchpadlens.transcript.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a reader typed into the search box: words that must all occur (case-insensitive)
 * and {@code "quoted phrases"} that must occur as phrases. Each backend breaks the
 * clauses into words with its own analyzer; a word that holds punctuation ({@code don't})
 * is matched as the phrase of its parts.
 */
public record SearchQuery(String text, List<Clause> clauses) {

	/** Words and phrases longer than this are refused, as are queries of more clauses. */
	public static final int MAX_CLAUSE_CHARS = 200;

	public static final int MAX_CLAUSES = 20;

	private static final Pattern WORD_CHARS = Pattern.compile("[\\p{L}\\p{N}]");

	/** A word or a phrase, as typed (the backends lower-case and split it). */
	public record Clause(String text, boolean phrase) {
	}

	public boolean isEmpty() {
		return clauses.isEmpty();
	}

	/**
	 * Splits the text into clauses; clauses without a letter or digit (such as {@code -}
	 * or {@code ""}) are dropped, an unmatched quote runs to the end.
	 * @throws IllegalArgumentException when the query is too long, with a message for a
	 * person
	 */
	public static SearchQuery parse(String text) {
		List<Clause> clauses = new ArrayList<>();
		if (text != null) {
			int i = 0;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (c == '"') {
					int end = text.indexOf('"', i + 1);
					String phrase = text.substring(i + 1, end < 0 ? text.length() : end).trim();
					add(clauses, phrase, true);
					i = end < 0 ? text.length() : end + 1;
				}
				else {
					int end = i;
					while (end < text.length() && !Character.isWhitespace(text.charAt(end))
							&& text.charAt(end) != '"') {
						end++;
					}
					add(clauses, text.substring(i, end), false);
					i = end;
				}
			}
		}
		if (clauses.size() > MAX_CLAUSES) {
			throw new IllegalArgumentException("A search takes at most " + MAX_CLAUSES
					+ " words and phrases; this one has " + clauses.size() + ".");
		}
		return new SearchQuery(text == null ? "" : text.strip(), List.copyOf(clauses));
	}

	private static void add(List<Clause> clauses, String text, boolean phrase) {
		if (!WORD_CHARS.matcher(text).find()) {
			return;
		}
		if (text.length() > MAX_CLAUSE_CHARS) {
			throw new IllegalArgumentException("A search word or phrase is at most " + MAX_CLAUSE_CHARS
					+ " characters long; one has " + text.length() + ".");
		}
		clauses.add(new Clause(text, phrase));
	}

	/**
	 * The words of a clause as the search compares them: runs of letters and digits,
	 * lower-cased.
	 */
	public static List<String> words(String clause) {
		List<String> words = new ArrayList<>();
		for (String part : clause.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!part.isEmpty()) {
				words.add(part);
			}
		}
		return words;
	}

}
