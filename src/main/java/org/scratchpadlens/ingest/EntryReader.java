package org.scratchpadlens.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

import org.scratchpadlens.ingest.ImportUnit.PromptUnit;
import org.scratchpadlens.ingest.ImportUnit.Rejection;
import org.scratchpadlens.ingest.ImportUnit.TranscriptUnit;
import org.scratchpadlens.ingest.parse.Bytes;
import org.scratchpadlens.ingest.parse.ParsedMessage;
import org.scratchpadlens.ingest.parse.ParsedTranscript;
import org.scratchpadlens.ingest.parse.RejectedInputException;
import org.scratchpadlens.ingest.parse.TranscriptParser;
import org.scratchpadlens.ingest.source.PathRules;
import org.scratchpadlens.ingest.source.SourceEntry;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one source file into import units: a transcript, documents, a prompt, or
 * rejections. Transcript files are read whole (they are at most a few MB) so they can be
 * hashed; JSONL and document arrays are streamed, one line or element at a time, so a
 * multi-gigabyte file never sits in memory.
 */
final class EntryReader {

	/** A transcript file larger than this is refused rather than read into memory. */
	static final long MAX_TRANSCRIPT_BYTES = 512L * 1024 * 1024;

	private final JsonMapper mapper;

	private final TranscriptParser parser;

	private final ImportDefaults defaults;

	private String lastSystemPrompt;

	private String lastSystemPromptSha;

	EntryReader(JsonMapper mapper, ImportDefaults defaults) {
		this.mapper = mapper;
		this.parser = new TranscriptParser(mapper);
		this.defaults = defaults;
	}

	void read(SourceEntry entry, Consumer<ImportUnit> out) {
		String name = entry.fileName();
		String lower = name.toLowerCase(Locale.ROOT);
		if (isDocumentationOrScript(lower)) {
			return;
		}
		try {
			PathRules.PromptName prompt = PathRules.promptName(name);
			if (prompt != null) {
				out.accept(readPrompt(entry, prompt));
			}
			else if (lower.endsWith(".jsonl")) {
				readJsonl(entry, out);
			}
			else if (lower.endsWith(".json")) {
				readJson(entry, out);
			}
			else {
				out.accept(new Rejection(entry.displayPath(),
						"not an import file: expected .json, .jsonl, .zip, or a prompt file (prompt_<name>.txt, prompt_<name>_with_examples.txt, prompt_diff_<name>.patch)"));
			}
		}
		catch (RejectedInputException e) {
			out.accept(new Rejection(entry.displayPath(), e.getMessage()));
		}
		catch (IOException e) {
			out.accept(new Rejection(entry.displayPath(), "cannot read: " + e.getMessage()));
		}
	}

	private void readJson(SourceEntry entry, Consumer<ImportUnit> out) throws IOException, RejectedInputException {
		PathRules.Location loc = PathRules.locate(entry.segments(), entry.rootIndex());
		try (InputStream raw = new BufferedInputStream(entry.open(), 65536)) {
			raw.mark(16);
			byte[] head = raw.readNBytes(16);
			raw.reset();
			int first = firstNonBlank(head);
			if (first == '[' && loc.split() == null) {
				readDocumentArray(entry, raw, out);
				return;
			}
			if (entry.size() > MAX_TRANSCRIPT_BYTES) {
				throw new RejectedInputException("file too large for one transcript (" + entry.size() + " bytes)");
			}
			byte[] bytes = raw.readAllBytes();
			out.accept(transcript(entry.displayPath(), loc, bytes, 0, bytes.length));
		}
	}

	private TranscriptUnit transcript(String path, PathRules.Location loc, byte[] bytes, int off, int len)
			throws RejectedInputException {
		ParsedTranscript t = parser.parse(bytes, off, len);
		var hints = t.hints();
		String run = firstNonNull(hints.get("run"), loc.run(), defaults.run());
		// last resort: the <is_free_tier_user> tag says the condition (free tier = train)
		String split = firstNonNull(hints.get("split"), loc.split(), defaults.split(), splitFromTag(t.freeTierTag()));
		if (run == null || split == null) {
			String missing = run == null ? "run" : "split";
			String option = run == null ? "--run (Run on the upload form)" : "--split (Split on the upload form)";
			throw new RejectedInputException("cannot tell which " + missing
					+ " this transcript belongs to: put it under <run>/train or <run>/deploy in a json_outputs tree,"
					+ " or give the " + missing + " with the import: " + option);
		}
		if (!split.equals("train") && !split.equals("deploy")) {
			throw new RejectedInputException("split must be train or deploy, not '" + split + "'");
		}
		String fileName = loc.fileName();
		Integer queryIndex = PathRules.queryIndex(fileName);
		String hintedIndex = hints.get("query_index");
		if (hintedIndex != null) {
			try {
				queryIndex = Integer.valueOf(hintedIndex.strip());
				fileName = queryIndex + ".json";
			}
			catch (NumberFormatException e) {
				throw new RejectedInputException("query_index is not a whole number: '" + hintedIndex + "'");
			}
		}
		String systemSha = null;
		for (ParsedMessage m : t.messages()) {
			if ("system".equals(m.role())) {
				systemSha = systemPromptSha(m.content());
				break;
			}
		}
		String userInput = t.userInput();
		return new TranscriptUnit(path, run.replaceAll("^/+|/+$", ""), split, fileName, queryIndex,
				firstNonNull(hints.get("model"), defaults.model()), t, Hashing.sha256(bytes, off, len), len, systemSha,
				userInput == null ? null : Hashing.sha256(userInput));
	}

	private void readJsonl(SourceEntry entry, Consumer<ImportUnit> out) throws IOException {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(entry.open(), decoder), 1 << 16)) {
			String line;
			int lineNo = 0;
			while (true) {
				try {
					line = reader.readLine();
				}
				catch (CharacterCodingException e) {
					out.accept(new Rejection(entry.displayPath() + ":" + (lineNo + 1),
							"not UTF-8 text (binary file?); the rest of the file was not read"));
					return;
				}
				if (line == null) {
					break;
				}
				lineNo++;
				if (lineNo == 1 && line.startsWith("\uFEFF")) {
					line = line.substring(1);
				}
				if (line.isBlank()) {
					continue;
				}
				String linePath = entry.displayPath() + ":" + lineNo;
				try {
					out.accept(jsonlLine(entry, line, lineNo, linePath));
				}
				catch (RejectedInputException e) {
					out.accept(new Rejection(linePath, e.getMessage()));
				}
			}
			if (lineNo == 0) {
				out.accept(new Rejection(entry.displayPath(), "empty file"));
			}
		}
	}

	private ImportUnit jsonlLine(SourceEntry entry, String line, int lineNo, String linePath)
			throws RejectedInputException {
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
		if (line.contains("\"messages\"")) {
			String base = entry.fileName().replaceFirst("(?i)\\.jsonl$", "");
			PathRules.Location fromPath = PathRules.locate(entry.segments(), entry.rootIndex());
			PathRules.Location loc = new PathRules.Location(fromPath.run(), fromPath.split(), base + "-line" + lineNo);
			try {
				return transcript(linePath, loc, bytes, 0, bytes.length);
			}
			catch (RejectedInputException e) {
				throw new RejectedInputException(
						e.getMessage().replace("(line 1, ", "(").replace(" at line 1, ", " at "));
			}
		}
		try {
			JsonNode node = mapper.readTree(bytes);
			return DocumentFields.map(node, linePath, lineNo);
		}
		catch (StreamReadException e) {
			throw new RejectedInputException(Bytes.describeSyntaxError(e).replace(" at line 1, ", " at "));
		}
	}

	private void readDocumentArray(SourceEntry entry, InputStream in, Consumer<ImportUnit> out) {
		int index = 0;
		try (JsonParser p = mapper.createParser(in)) {
			p.nextToken(); // START_ARRAY
			for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
				if (t == null) {
					throw new RejectedInputException("truncated JSON: the array is not closed");
				}
				JsonNode node = p.readValueAsTree();
				try {
					out.accept(DocumentFields.map(node, entry.displayPath() + "[" + index + "]", index));
				}
				catch (RejectedInputException e) {
					out.accept(new Rejection(entry.displayPath() + "[" + index + "]", e.getMessage()));
				}
				index++;
			}
			if (index == 0) {
				out.accept(new Rejection(entry.displayPath(), "an empty JSON array: no documents"));
			}
		}
		catch (StreamReadException e) {
			out.accept(new Rejection(entry.displayPath(), Bytes.describeSyntaxError(e)
					+ (index > 0 ? "; the " + index + " documents before it were read" : "")));
		}
		catch (RejectedInputException e) {
			out.accept(new Rejection(entry.displayPath(), e.getMessage()));
		}
	}

	private PromptUnit readPrompt(SourceEntry entry, PathRules.PromptName name)
			throws IOException, RejectedInputException {
		byte[] bytes;
		try (InputStream in = entry.open()) {
			bytes = in.readAllBytes();
		}
		int bom = Bytes.bomLength(bytes, 0, bytes.length);
		Bytes.checkText(bytes, bom, bytes.length - bom);
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.decode(java.nio.ByteBuffer.wrap(bytes, bom, bytes.length - bom))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new RejectedInputException("not UTF-8 text");
		}
		return new PromptUnit(entry.displayPath(), name.variation(), name.kind(), entry.fileName(), text,
				Hashing.sha256(text));
	}

	/**
	 * READMEs and scripts that travel with data sets are not data: skipped without a
	 * rejection.
	 */
	static boolean isDocumentationOrScript(String lowerName) {
		return lowerName.startsWith("readme") || lowerName.endsWith(".md") || lowerName.endsWith(".py")
				|| lowerName.endsWith(".sh") || lowerName.equals("license");
	}

	private static int firstNonBlank(byte[] head) {
		int i = Bytes.bomLength(head, 0, head.length);
		for (; i < head.length; i++) {
			byte b = head[i];
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return b;
			}
		}
		return -1;
	}

	/**
	 * Thousands of consecutive files carry the same ~20,000-character system prompt:
	 * comparing it with the last one (a vectorised equals) is far cheaper than hashing it
	 * again. The reader is one thread, so no locking.
	 */
	private String systemPromptSha(String content) {
		if (!content.equals(lastSystemPrompt)) {
			lastSystemPrompt = content;
			lastSystemPromptSha = Hashing.sha256(content);
		}
		return lastSystemPromptSha;
	}

	static String splitFromTag(String freeTierTag) {
		if (freeTierTag == null) {
			return null;
		}
		return freeTierTag.equalsIgnoreCase("true") ? "train" : freeTierTag.equalsIgnoreCase("false") ? "deploy" : null;
	}

	@SafeVarargs
	private static <T> T firstNonNull(T... values) {
		for (T v : values) {
			if (v != null) {
				return v;
			}
		}
		return null;
	}

}
