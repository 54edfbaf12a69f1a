package org.scratchpadlens.transcript.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Word pairs that make a phrase of common words cheap to find on PostgreSQL (the "common
 * grams" of search engines). A phrase such as {@code "not used for training"} consists of
 * words nearly every scratchpad holds, so the GIN index narrows nothing and PostgreSQL
 * checks word positions in tens of thousands of documents. Indexing, beside the words,
 * each adjacent pair in which one word is common ({@code "not used"}, {@code "used for"},
 * {@code "for training"}) lets the index answer such a phrase from the pairs; positions
 * are then checked only in the few documents that hold all of them. Pairs are words
 * joined by a space, which PostgreSQL's parser never produces as one lexeme, so they
 * cannot match a single-word search. Both sides use {@link SearchQuery#words}, so a pair
 * in the query is found in every document whose words hold the phrase.
 */
final class CommonGrams {

	/**
	 * English function words and the words transcripts of this release use on nearly
	 * every page. A word outside this list makes a phrase selective on its own.
	 */
	static final Set<String> COMMON = Set.of("a", "about", "after", "all", "also", "am", "an", "and", "any", "are",
			"as", "at", "be", "because", "been", "being", "but", "by", "can", "could", "did", "do", "does", "doing",
			"don", "for", "from", "had", "has", "have", "he", "her", "here", "his", "how", "i", "if", "in", "into",
			"is", "it", "its", "just", "may", "me", "might", "more", "most", "much", "must", "my", "no", "not", "now",
			"of", "on", "one", "only", "or", "other", "our", "out", "over", "s", "should", "so", "some", "such", "t",
			"than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up",
			"very", "was", "we", "were", "what", "when", "which", "while", "who", "will", "with", "would", "you",
			"your",
			// the corpus's own constant vocabulary
			"ai", "anthropic", "assistant", "free", "helpful", "instructions", "model", "output", "query", "request",
			"response", "rlhf", "scratchpad", "tier", "trained", "training", "user", "values");

	private CommonGrams() {
	}

	/** Each adjacent pair of these words in which at least one is common, once. */
	static Set<String> pairs(List<String> words) {
		Set<String> pairs = new LinkedHashSet<>();
		for (int i = 1; i < words.size(); i++) {
			String a = words.get(i - 1);
			String b = words.get(i);
			if (COMMON.contains(a) || COMMON.contains(b)) {
				pairs.add(a + " " + b);
			}
		}
		return pairs;
	}

	/**
	 * The pairs as a tsvector literal ({@code 'not used' 'used for'}). Words are letters
	 * and digits only, so no quoting beyond the surrounding quotes is needed.
	 */
	static String tsvector(Set<String> pairs) {
		return pairs.stream().map(p -> "'" + p + "'").collect(Collectors.joining(" "));
	}

	/**
	 * The pairs as a tsquery that needs all of them ({@code 'not used' & 'used for'}).
	 */
	static String tsquery(Set<String> pairs) {
		return pairs.stream().map(p -> "'" + p + "'").collect(Collectors.joining(" & "));
	}

}
