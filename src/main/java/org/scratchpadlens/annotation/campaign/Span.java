package org.scratchpadlens.annotation.campaign;

/**
 * Evidence for one question: the text between char offsets {@code start} and {@code end}
 * of a message's content (the offsets the section table uses), quoted.
 */
public record Span(String question, Integer messageOrdinal, Integer start, Integer end, String text) {
}
