package org.scratchpadlens.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one transcript object with a streaming parser: messages become
 * {@link ParsedMessage}s with sections, flat scalar fields become metrics, and every
 * other field is kept verbatim. Anything that is not a transcript is rejected with a
 * reason that names what was found and where.
 */
public final class TranscriptParser {

	/**
	 * Fields that say where a transcript belongs rather than measure it (JSONL lines
	 * carry them).
	 */
	public static final Set<String> HINT_FIELDS = Set.of("run", "split", "query_index", "model");

	private final JsonMapper mapper;

	/**
	 * @param mapper read with the importer's limits ({@link InputLimits#limited})
	 * whatever its own
	 */
	public TranscriptParser(JsonMapper mapper) {
		this.mapper = InputLimits.limited(mapper);
	}

	public ParsedTranscript parse(byte[] bytes) throws RejectedInputException {
		return parse(bytes, 0, bytes.length);
	}

	public ParsedTranscript parse(byte[] bytes, int offset, int length) throws RejectedInputException {
		int start = offset + Bytes.bomLength(bytes, offset, length);
		int len = length - (start - offset);
		Bytes.checkText(bytes, start, len);
		try (JsonParser p = LimitedParser.of(mapper.createParser(bytes, start, len), "transcript")) {
			try {
				return parseWithin(p);
			}
			catch (StreamConstraintsException e) {
				throw new RejectedInputException(InputLimits.describe(e, p.currentLocation()));
			}
		}
		catch (StreamReadException e) {
			throw new RejectedInputException(Bytes.describeSyntaxError(e));
		}
		catch (JacksonException e) {
			throw new RejectedInputException("unreadable JSON: " + e.getOriginalMessage());
		}
	}

	private ParsedTranscript parseWithin(JsonParser p) throws RejectedInputException {
		JsonToken first = p.nextToken();
		if (first == JsonToken.START_ARRAY) {
			throw new RejectedInputException("a JSON array where a transcript object belongs");
		}
		if (first == null) {
			// Bytes.checkText only sniffs the start of a file; a long blank file ends
			// up here
			throw new RejectedInputException("empty file (only whitespace)");
		}
		if (first != JsonToken.START_OBJECT) {
			throw new RejectedInputException("not a JSON object: starts with " + describe(first));
		}
		ParsedTranscript t = readObject(p);
		JsonToken after;
		try {
			after = p.nextToken();
		}
		catch (StreamReadException e) {
			// not even a JSON value: say what is wrong with the file, not what the
			// tokenizer expected
			throw new RejectedInputException("unexpected content after the transcript object" + at(e.getLocation()));
		}
		if (after != null) {
			throw new RejectedInputException(
					"unexpected content after the transcript object" + at(p.currentTokenLocation()));
		}
		return t;
	}

	/** Reads an object whose START_OBJECT has just been consumed. */
	public ParsedTranscript readObject(JsonParser p) throws RejectedInputException {
		List<ParsedMessage> messages = null;
		List<MetricValue> metrics = new ArrayList<>();
		Map<String, String> hints = new LinkedHashMap<>();
		ObjectNode extra = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			JsonToken t = p.nextToken();
			if ("messages".equals(name)) {
				messages = readMessages(p, t);
			}
			else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
				if (extra == null) {
					extra = mapper.createObjectNode();
				}
				extra.set(name, (JsonNode) p.readValueAsTree());
			}
			else if (HINT_FIELDS.contains(name)) {
				// a null hint says nothing about where the transcript belongs, and it is
				// no metric
				if (t != JsonToken.VALUE_NULL) {
					hints.put(name, p.getString());
				}
			}
			else {
				if (InputLimits.tooLong(name, InputLimits.METRIC_NAME_CHARS)) {
					throw new RejectedInputException(InputLimits.nameTooLong("the metric name (a top-level key)", name,
							InputLimits.METRIC_NAME_CHARS,
							"every top-level key besides \"messages\" is stored as a metric: shorten the key, or "
									+ "put the value inside an object"));
				}
				metrics.add(metric(name, t, p));
			}
		}
		if (messages == null) {
			throw new RejectedInputException("no \"messages\" field: this JSON object is not a transcript");
		}
		return new ParsedTranscript(messages, metrics, hints, extra == null ? null : extra.toString());
	}

	private List<ParsedMessage> readMessages(JsonParser p, JsonToken t) throws RejectedInputException {
		if (t != JsonToken.START_ARRAY) {
			throw new RejectedInputException(
					"\"messages\" is " + describe(t) + ", not a list of messages" + at(p.currentTokenLocation()));
		}
		List<ParsedMessage> messages = new ArrayList<>();
		for (JsonToken m = p.nextToken(); m != JsonToken.END_ARRAY; m = p.nextToken()) {
			int index = messages.size();
			if (m != JsonToken.START_OBJECT) {
				throw new RejectedInputException("messages[" + index + "] is " + describe(m) + ", not a message object"
						+ at(p.currentTokenLocation()));
			}
			messages.add(readMessage(p, index));
		}
		return messages;
	}

	private ParsedMessage readMessage(JsonParser p, int index) throws RejectedInputException {
		String role = null;
		String content = null;
		ObjectNode extra = null;
		for (String name = p.nextName(); name != null; name = p.nextName()) {
			JsonToken t = p.nextToken();
			if ("role".equals(name) && t == JsonToken.VALUE_STRING) {
				role = p.getString();
			}
			else if ("content".equals(name) && t == JsonToken.VALUE_STRING) {
				content = p.getString();
			}
			else if ("content".equals(name) && t == JsonToken.START_ARRAY) {
				// content blocks ([{"type":"text","text":...}]): the text is joined, the
				// blocks kept verbatim
				JsonNode blocks = p.readValueAsTree();
				content = joinTextBlocks(blocks, index);
				extra = extra == null ? mapper.createObjectNode() : extra;
				extra.set("content", blocks);
			}
			else if ("content".equals(name) && t != JsonToken.VALUE_NULL) {
				throw new RejectedInputException("messages[" + index + "].content is " + describe(t) + ", not text"
						+ at(p.currentTokenLocation()));
			}
			else {
				extra = extra == null ? mapper.createObjectNode() : extra;
				extra.set(name, (JsonNode) p.readValueAsTree());
			}
		}
		if (content == null) {
			throw new RejectedInputException("messages[" + index + "] has no \"content\" text");
		}
		if (role == null) {
			throw new RejectedInputException("messages[" + index + "] has no \"role\"");
		}
		if (InputLimits.tooLong(role, InputLimits.ROLE_CHARS)) {
			throw new RejectedInputException(InputLimits.nameTooLong("the role of messages[" + index + "]", role,
					InputLimits.ROLE_CHARS, "a role is a short word such as user, assistant or system"));
		}
		List<Section> sections = "system".equals(role) ? List.of() : SectionParser.parse(content);
		return new ParsedMessage(role, content, extra == null ? null : extra.toString(), sections);
	}

	private static String joinTextBlocks(JsonNode blocks, int index) throws RejectedInputException {
		StringBuilder sb = new StringBuilder();
		for (JsonNode block : blocks) {
			JsonNode text = block.get("text");
			if (text == null || !text.isString()) {
				throw new RejectedInputException("messages[" + index + "].content has a block without \"text\"");
			}
			sb.append(text.asString());
		}
		return sb.toString();
	}

	private MetricValue metric(String name, JsonToken t, JsonParser p) {
		return switch (t) {
			case VALUE_TRUE -> new MetricValue(name, "boolean", true, null, null, "true");
			case VALUE_FALSE -> new MetricValue(name, "boolean", false, null, null, "false");
			case VALUE_NULL -> new MetricValue(name, "missing", null, null, null, "null");
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
				new MetricValue(name, "number", null, p.getDoubleValue(), null, p.getString());
			default -> stringMetric(name, p.getString());
		};
	}

	private MetricValue stringMetric(String name, String value) {
		String raw = mapper.writeValueAsString(value);
		String v = value.strip();
		if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
			return new MetricValue(name, "boolean", Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)), null, null, raw);
		}
		if (v.equals(MetricValue.FAILED_TO_PARSE)) {
			return new MetricValue(name, "missing", null, null, null, raw);
		}
		return new MetricValue(name, "text", null, null, value, raw);
	}

	static String describe(JsonToken t) {
		if (t == null) {
			return "nothing";
		}
		return switch (t) {
			case START_ARRAY -> "a list";
			case START_OBJECT -> "an object";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> t.name().toLowerCase(Locale.ROOT);
		};
	}

	static String at(TokenStreamLocation loc) {
		return loc == null || loc.getLineNr() < 0 ? ""
				: " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
	}

}
