package org.scratchpadlens.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The diff as GNU diff -u prints it, and a stored patch's lines sorted into kinds. */
class UnifiedDiffTests {

	@Test
	void printsWhatGnuDiffUPrints() {
		UnifiedDiff.Result result = UnifiedDiff.diff("a/prompt_alpha.txt", DocumentFixtures.ALPHA, "b/prompt_beta.txt",
				DocumentFixtures.BETA);
		assertThat(result.unified()).isEqualTo(DocumentFixtures.ALPHA_TO_BETA);
		assertThat(result.hunks()).extracting(UnifiedDiff.Hunk::header)
			.containsExactly("@@ -2,7 +2,7 @@", "@@ -15,6 +15,5 @@");
	}

	@Test
	void sameLinesAreNoDiffWhateverTheLineEndings() {
		assertThat(UnifiedDiff.diff("a", "x\ny\n", "b", "x\r\ny").hunks()).isEmpty();
		assertThat(UnifiedDiff.lines("x\n\ny\n")).containsExactly("x", "", "y");
	}

	@Test
	void aPatchIsSortedIntoHeadersHunksAndLinesByTheHunkCounts() {
		assertThat(UnifiedDiff.patchLines(DocumentFixtures.PATCH)).extracting(UnifiedDiff.Line::type)
			.containsExactly("file", "file", "hunk", "removed", "added", "context");
		assertThat(UnifiedDiff.patchLines("text before\n@@ -1 +1 @@\n-a\n+b\ntext after\n"))
			.extracting(UnifiedDiff.Line::type)
			.containsExactly("file", "hunk", "removed", "added", "file");
	}

}
