package org.scratchpadlens.transcript.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.transcript.search.SearchQuery;

class SnippetsTests {

	private static List<String> hits(String text, String query) {
		return Snippets.of(text, Snippets.pattern(SearchQuery.parse(query)))
			.stream()
			.flatMap(s -> s.pieces().stream())
			.filter(Snippets.Piece::hit)
			.map(Snippets.Piece::text)
			.toList();
	}

	@Test
	void wholeWordsAndPhrasesAreHighlightedButNotPartsOfTagNames() {
		String text = "<is_free_tier_user>true</is_free_tier_user> The user asks; a free-tier User again.";
		assertThat(hits(text, "user")).containsExactly("user", "User");
		assertThat(hits(text, "\"free tier user\"")).containsExactly("free-tier User");
		assertThat(hits(text, "users")).isEmpty();
		assertThat(hits(text, "tier")).containsExactly("tier");
	}

	@Test
	void aWordFoundInsideAnotherIsSkippedAndTheSearchGoesOn() {
		assertThat(hits("retraining, then training; TRAINING", "training")).containsExactly("training", "TRAINING");
		assertThat(hits("pretrained trained", "trained")).containsExactly("trained");
		// two clauses: hits of either, in text order
		assertThat(hits("free zebra and free user", "user zebra")).containsExactly("zebra", "user");
	}

	@Test
	void aTextWhoseLowerCaseChangesLengthIsSearchedByThePatternAlone() {
		// 'İ' lower-cases to two characters: offsets of the lower-case copy would be off
		assertThat(hits("İstanbul: the user waits", "user")).containsExactly("user");
		assertThat(hits("İİİ USER", "\"user\"")).containsExactly("USER");
	}

	@Test
	void atMostThreeWindowsAreCutFromALongText() {
		String far = " filler".repeat(40) + " ";
		String text = ("training" + far).repeat(10);
		List<Snippets.Snippet> snippets = Snippets.of(text, Snippets.pattern(SearchQuery.parse("training")));
		assertThat(snippets).hasSize(Snippets.MAX_WINDOWS);
		assertThat(snippets.get(0).cutBefore()).isFalse();
		assertThat(snippets.get(2).cutAfter()).isTrue();
	}

}
