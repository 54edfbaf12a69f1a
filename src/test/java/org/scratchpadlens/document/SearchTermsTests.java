package org.scratchpadlens.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Words, phrases, like patterns, highlighted pieces and snippets, without a database. */
class SearchTermsTests {

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			quick                     | quick
			Quick  BROWN              | quick,brown
			"quick brown" fox         | quick brown,fox
			"quick   brown"           | quick brown
			"unclosed phrase          | unclosed phrase
			a"b                       | ab
			quick quick QUICK         | quick
			""                        | ''
			`   `                     | ''
			""")
	void splitsWordsAndQuotedPhrasesLowerCased(String q, String expected) {
		List<String> terms = SearchTerms.parse(q).terms();
		assertThat(String.join(",", terms)).isEqualTo(expected.equals("''") ? "" : expected);
	}

	@Test
	void likePatternsTakeWildcardsLiterally() {
		assertThat(SearchTerms.likePattern("50%")).isEqualTo("%50!%%");
		assertThat(SearchTerms.likePattern("off_peak")).isEqualTo("%off!_peak%");
		assertThat(SearchTerms.likePattern("wow!")).isEqualTo("%wow!!%");
	}

	@Test
	void highlightsEveryHitInItsOwnCaseAndPrefersTheLongerTerm() {
		SearchTerms terms = SearchTerms.parse("fox \"quick fox\"");
		assertThat(terms.highlight("The Quick Fox and a FOX.")).containsExactly(new TextPiece("The ", false),
				new TextPiece("Quick Fox", true), new TextPiece(" and a ", false), new TextPiece("FOX", true),
				new TextPiece(".", false));
		assertThat(SearchTerms.parse("<b>").highlight("a <b> c")).containsExactly(new TextPiece("a ", false),
				new TextPiece("<b>", true), new TextPiece(" c", false));
		assertThat(SearchTerms.NONE.highlight("text")).containsExactly(new TextPiece("text", false));
	}

	@Test
	void aSnippetShowsTheFirstHitWithEllipsesWhereTheTextWasCut() {
		String text = "start " + "word ".repeat(100) + "needle " + "word ".repeat(100) + "end";
		String snippet = SearchTerms.parse("needle").snippet(text, 80);
		assertThat(snippet).startsWith("…").endsWith("…").contains("needle");
		assertThat(snippet.length()).isLessThanOrEqualTo(82);
		assertThat(SearchTerms.NONE.snippet("short\n\ntext", 80)).isEqualTo("short text");
		assertThat(SearchTerms.NONE.snippet(text, 80)).startsWith("start word").endsWith("…").doesNotStartWith("…");
	}

}
