package org.scratchpadlens.ingest;

import java.util.List;

import org.scratchpadlens.ingest.parse.InputLimits;
import org.scratchpadlens.ingest.parse.RejectedInputException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tolerant key mapping for synthetic documents: the release's key names are unknown, so
 * common names are mapped and every other key is kept as metadata.
 */
final class DocumentFields {

	static final List<String> CONTENT = List.of("content", "document", "text", "doc", "body");

	static final List<String> TYPE = List.of("doc_type", "type", "document_type");

	static final List<String> IDEA = List.of("idea", "summary", "document_idea", "doc_idea");

	static final List<String> FACT = List.of("fact", "facts");

	static final List<String> SETTING = List.of("universe", "setting", "universe_context", "universe_name");

	private DocumentFields() {
	}

	static ImportUnit.DocumentUnit map(JsonNode node, String path, int index) throws RejectedInputException {
		if (!node.isObject()) {
			throw new RejectedInputException("document " + index + " is not a JSON object");
		}
		ObjectNode rest = ((ObjectNode) node).deepCopy();
		String content = take(rest, CONTENT);
		if (content == null || content.isBlank()) {
			throw new RejectedInputException("document " + index + " has no text (expected one of " + CONTENT + ")");
		}
		if (InputLimits.tooLong(content, InputLimits.MAX_TEXT_CHARS)) {
			// a text value is bounded while it is read; this is a list or object given as
			// the text
			throw new RejectedInputException("document " + index + " has a text of "
					+ InputLimits.count(content.length()) + " characters: at most "
					+ InputLimits.count(InputLimits.MAX_TEXT_CHARS) + " are read; split it into smaller documents");
		}
		String type = take(rest, TYPE);
		String idea = take(rest, IDEA);
		String fact = take(rest, FACT);
		String setting = take(rest, SETTING);
		if (InputLimits.tooLong(type, InputLimits.DOCUMENT_TYPE_CHARS)) {
			throw new RejectedInputException(InputLimits.nameTooLong("the type of document " + index, type,
					InputLimits.DOCUMENT_TYPE_CHARS, "shorten it (it is a short label such as \"news article\")"));
		}
		if (InputLimits.tooLong(setting, InputLimits.DOCUMENT_SETTING_CHARS)) {
			throw new RejectedInputException(InputLimits.nameTooLong("the setting of document " + index, setting,
					InputLimits.DOCUMENT_SETTING_CHARS,
					"shorten it (it names the universe, such as animal_welfare); keep a long description under "
							+ "another key, where it is kept as metadata"));
		}
		String sha = Hashing.sha256(node.toString());
		return new ImportUnit.DocumentUnit(path, index, sha, setting, fact, type, idea, content,
				rest.isEmpty() ? null : rest.toString());
	}

	private static String take(ObjectNode node, List<String> keys) {
		for (String key : keys) {
			JsonNode v = node.get(key);
			if (v != null && !v.isNull()) {
				node.remove(key);
				return v.isString() ? v.asString() : v.toString();
			}
		}
		return null;
	}

}
