package org.scratchpadlens.document;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A document in the list: its labels, an excerpt (around the first search hit, else its
 * beginning) and its length; the pieces are the excerpt and idea cut at search hits, for
 * the page.
 */
public record DocumentListItem(long id, String setting, String type, String fact, String idea, String excerpt,
		int chars, String sourcePath, @JsonIgnore List<TextPiece> excerptPieces,
		@JsonIgnore List<TextPiece> ideaPieces) {
}
