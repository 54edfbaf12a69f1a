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

}
