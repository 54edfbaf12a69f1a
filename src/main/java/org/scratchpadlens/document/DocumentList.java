package org.scratchpadlens.document;

import java.util.List;

/**
 * One page of the document list; {@code next} is the address of the next page, or null.
 */
public record DocumentList(long total, List<DocumentListItem> items, String next) {
}
