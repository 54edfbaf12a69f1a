package org.scratchpadlens.ingest.parse;

/**
 * A tagged part of a message: the body is {@code content.substring(start, end)}.
 * {@code closed} is false when the closing tag was missing (cut-off transcript) and the
 * section ran to the end or to an enclosing tag.
 */
public record Section(int ordinal, SectionKind kind, int depth, int start, int end, boolean closed) {
}
