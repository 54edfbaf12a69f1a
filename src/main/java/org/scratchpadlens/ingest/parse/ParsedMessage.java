package org.scratchpadlens.ingest.parse;

import java.util.List;

/**
 * {@code extraJson} holds the message's fields other than role and content, verbatim, or
 * null if none.
 */
public record ParsedMessage(String role, String content, String extraJson, List<Section> sections) {
}
