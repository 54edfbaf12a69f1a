package org.scratchpadlens.document;

/**
 * A run of text that is or is not a search hit. Pages render each piece with th:text
 * (hits inside {@code <mark>}), so highlighting never builds markup from the text.
 */
public record TextPiece(String text, boolean hit) {
}
