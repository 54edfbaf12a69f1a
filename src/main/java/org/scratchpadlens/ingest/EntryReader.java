package org.scratchpadlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

import org.scratchpadlens.ingest.ImportUnit.PromptUnit;
import org.scratchpadlens.ingest.ImportUnit.Rejection;
import org.scratchpadlens.ingest.ImportUnit.TranscriptUnit;
import org.scratchpadlens.ingest.parse.Bytes;
import org.scratchpadlens.ingest.parse.InputLimits;
import org.scratchpadlens.ingest.parse.LimitedParser;
import org.scratchpadlens.ingest.parse.ParsedMessage;
import org.scratchpadlens.ingest.parse.ParsedTranscript;
import org.scratchpadlens.ingest.parse.RejectedInputException;
import org.scratchpadlens.ingest.parse.TranscriptParser;
import org.scratchpadlens.ingest.source.BoundedRead;
import org.scratchpadlens.ingest.source.LineReader;
import org.scratchpadlens.ingest.source.PathRules;
import org.scratchpadlens.ingest.source.SourceEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one source file into import units: a transcript, documents, a prompt, or
 * rejections. Transcript files are read whole (they are at most a few MB) so they can be
 * hashed; JSONL and document arrays are streamed, one line or element at a time, so a
 * multi-gigabyte file never sits in memory. Every limit ({@link InputLimits}) is counted
 * on the bytes actually read, never on the size a file or zip claims, and whatever goes
 * wrong with one file becomes its rejection: the rest of the import goes on.
 */
final class EntryReader {

	private static final Logger log = LoggerFactory.getLogger(EntryReader.class);

	/**
	 * Bytes sniffed at the start of a .json file to tell a document array from a
	 * transcript.
	 */
	private static final int HEAD = 16;

	private static final byte[] MESSAGES_KEY = "\"messages\"".getBytes(StandardCharsets.US_ASCII);

	private final JsonMapper mapper;

	private final TranscriptParser parser;

	private final ImportDefaults defaults;

	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final CharBuffer decoded = CharBuffer.allocate(8192);

	private String lastSystemPrompt;

	private String lastSystemPromptSha;

	EntryReader(JsonMapper mapper, ImportDefaults defaults) {
		this.mapper = InputLimits.limited(mapper);
		this.parser = new TranscriptParser(this.mapper);
		this.defaults = defaults;
	}

	/**
	 * A failure of whoever takes the units (the import was interrupted, a queue refused):
	 * not this file's fault, so it passes through the per-file handling untouched.
	 */
	private static final class Downstream extends RuntimeException {

		Downstream(Throwable cause) {
			super(null, cause, false, false);
		}

		RuntimeException rethrow() {
			if (getCause() instanceof Error e) {
				throw e;
			}
			return (RuntimeException) getCause();
		}

	}

	void read(SourceEntry entry, Consumer<ImportUnit> out) {
		String name = entry.fileName();
		String lower = name.toLowerCase(Locale.ROOT);
		if (isDocumentationOrScript(lower)) {
			return;
		}
		Consumer<ImportUnit> guarded = unit -> {
			try {
				out.accept(unit);
			}
			catch (RuntimeException | Error e) {
				throw new Downstream(e);
			}
		};
		try {
			PathRules.PromptName prompt = PathRules.promptName(name);
			if (prompt != null) {
				guarded.accept(readPrompt(entry, prompt));
			}
			else if (lower.endsWith(".jsonl")) {
				readJsonl(entry, guarded);
			}
			else if (lower.endsWith(".json")) {
				readJson(entry, guarded);
			}
			else {
				guarded.accept(new Rejection(entry.displayPath(),
						"not an import file: expected .json, .jsonl, .zip, or a prompt file (prompt_<name>.txt, prompt_<name>_with_examples.txt, prompt_diff_<name>.patch)"));
			}
		}
		catch (Downstream e) {
			throw e.rethrow();
		}
		catch (RejectedInputException e) {
			out.accept(new Rejection(entry.displayPath(), e.getMessage()));
		}
		catch (IOException e) {
			out.accept(new Rejection(entry.displayPath(), "cannot read: " + e.getMessage()));
		}
		catch (JacksonException e) {
			// the stream under a parser failed (a damaged zip entry): Jackson wraps it
			out.accept(new Rejection(entry.displayPath(), "cannot read: " + e.getOriginalMessage()));
		}
		catch (OutOfMemoryError e) {
			// a file within the limits can still be too big for a small heap; what it
			// took
			// is garbage now, so the other files go on
			log.warn("Out of memory reading {}", entry.displayPath());
			out.accept(new Rejection(entry.displayPath(),
					"not enough memory to read it (the Java heap is at most "
							+ Runtime.getRuntime().maxMemory() / InputLimits.MIB + " MiB): give Java more, for example "
							+ "java -Xmx4g -jar scratchpad-lens.jar ..., and import it again"));
		}
		catch (RuntimeException e) {
			log.warn("Unexpected failure reading {}", entry.displayPath(), e);
			out.accept(new Rejection(entry.displayPath(), "could not be read: " + e));
		}
	}

	private void readJson(SourceEntry entry, Consumer<ImportUnit> out) throws IOException, RejectedInputException {
		PathRules.Location loc = PathRules.locate(entry.segments(), entry.rootIndex());
		try (PushbackInputStream in = new PushbackInputStream(entry.open(), HEAD)) {
			byte[] head = in.readNBytes(HEAD);
			in.unread(head);
			int first = firstNonBlank(head);
			if (first == '[' && loc.split() == null) {
				readDocumentArray(entry, in, out);
				return;
			}
			byte[] bytes = readWhole(entry, in, InputLimits.MAX_TRANSCRIPT_BYTES);
			out.accept(transcript(entry.displayPath(), loc, bytes, 0, bytes.length));
		}
	}

	/**
	 * The whole file, counting what is actually read: at most {@code limit} bytes, and no
	 * more than the file (or the zip's directory) said it holds.
	 */
	private static byte[] readWhole(SourceEntry entry, InputStream in, int limit)
			throws IOException, RejectedInputException {
		try {
			return BoundedRead.readAll(in, entry.size(), limit);
		}
		catch (BoundedRead.OverLimit e) {
			String size = entry.size() > limit ? InputLimits.bytes(entry.size())
					+ (entry.zipEntry() ? " (as the zip's directory says)" : "") + ", over the limit of "
					: "more than the limit of ";
			throw new RejectedInputException("too large: " + size + InputLimits.bytes(limit)
					+ (limit == InputLimits.MAX_TRANSCRIPT_BYTES ? " for one transcript file, which is read whole "
							+ "(real ones are a few MB); if it holds many transcripts, write them one per line to a "
							+ ".jsonl file" : " for one prompt file, which is one text; it cannot be a system prompt"));
		}
		catch (BoundedRead.LongerThanClaimed e) {
			if (entry.zipEntry()) {
				throw new RejectedInputException("the zip entry holds more than the " + InputLimits.bytes(e.claimed())
						+ " the zip's directory says it has: the archive is damaged or was made to mislead, so the "
						+ "entry was refused (reading stopped there); re-create the zip, or unpack it and import "
						+ "the folder");
			}
			throw new RejectedInputException(
					"the file grew while it was read (it held " + InputLimits.bytes(e.claimed())
							+ " when the import reached it): import it again once it is complete");
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
			throw new RejectedInputException(
					"split must be train or deploy, not '" + InputLimits.abbreviate(split) + "'");
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
				throw new RejectedInputException(
						"query_index is not a whole number: '" + InputLimits.abbreviate(hintedIndex) + "'");
			}
		}
		String runPath = run.replaceAll("^/+|/+$", "");
		String model = firstNonNull(hints.get("model"), defaults.model());
		checkNames(runPath, model, fileName);
		String systemSha = null;
		for (ParsedMessage m : t.messages()) {
			if ("system".equals(m.role())) {
				systemSha = systemPromptSha(m.content());
				break;
			}
		}
		String userInput = t.userInput();
		return new TranscriptUnit(path, runPath, split, fileName, queryIndex, model, t, Hashing.sha256(bytes, off, len),
				len, systemSha, userInput == null ? null : Hashing.sha256(userInput));
	}

	/**
	 * Names go into columns of fixed size: one that does not fit is refused here, with a
	 * sentence, rather than by the database.
	 */
	private static void checkNames(String run, String model, String fileName) throws RejectedInputException {
		if (InputLimits.tooLong(run, InputLimits.RUN_PATH_CHARS)) {
			throw new RejectedInputException(InputLimits.nameTooLong(
					"the run path (the folders between json_outputs, or the folder you named, and train/deploy)", run,
					InputLimits.RUN_PATH_CHARS,
					"use shorter folder names, or give a shorter run (the line's \"run\" field, --run, or Run on the "
							+ "upload form)"));
		}
		String variation = PathRules.variation(run);
		if (InputLimits.tooLong(variation, InputLimits.VARIATION_CHARS)) {
			throw new RejectedInputException(InputLimits.nameTooLong("the run's last folder name (its variation)",
					variation, InputLimits.VARIATION_CHARS, "rename that folder (or shorten the run you gave)"));
		}
		if (InputLimits.tooLong(model, InputLimits.MODEL_CHARS)) {
			throw new RejectedInputException(InputLimits.nameTooLong("the model name", model, InputLimits.MODEL_CHARS,
					"shorten the \"model\" field (or --model)"));
		}
		if (InputLimits.tooLong(fileName, InputLimits.FILE_NAME_CHARS)) {
			throw new RejectedInputException(
					InputLimits.nameTooLong("the file name (with the folders below train/deploy)", fileName,
							InputLimits.FILE_NAME_CHARS, "rename the file or its folders"));
		}
	}

	private void readJsonl(SourceEntry entry, Consumer<ImportUnit> out) throws IOException {
		try (InputStream in = entry.open()) {
			LineReader lines = new LineReader(in, InputLimits.MAX_LINE_BYTES);
			for (LineReader.Status status = lines.next(); status != LineReader.Status.END; status = lines.next()) {
				int lineNo = lines.lineNumber();
				String linePath = entry.displayPath() + ":" + lineNo;
				if (status == LineReader.Status.TOO_LONG) {
					out.accept(new Rejection(linePath,
							"a line of " + InputLimits.count(lines.skippedBytes()) + " bytes, more than the "
									+ InputLimits.bytes(InputLimits.MAX_LINE_BYTES)
									+ " one JSONL line may hold (one transcript or document per line): skipped without "
									+ "reading it into memory, and the lines after it were read; split it into smaller "
									+ "documents or transcripts"));
					continue;
				}
				byte[] b = lines.buffer();
				int off = lines.start();
				int len = lines.length();
				if (lineNo == 1) {
					int bom = Bytes.bomLength(b, off, len);
					off += bom;
					len -= bom;
				}
				if (isBlank(b, off, len)) {
					continue;
				}
				if (!isUtf8(b, off, len)) {
					out.accept(new Rejection(linePath,
							"not UTF-8 text (binary file?); the rest of the file was not read"));
					return;
				}
				try {
					out.accept(jsonlLine(entry, b, off, len, lineNo, linePath));
				}
				catch (RejectedInputException e) {
					out.accept(new Rejection(linePath, e.getMessage()));
				}
			}
			if (lines.lineNumber() == 0) {
				out.accept(new Rejection(entry.displayPath(), "empty file"));
			}
		}
	}

	private ImportUnit jsonlLine(SourceEntry entry, byte[] b, int off, int len, int lineNo, String linePath)
			throws RejectedInputException {
		if (indexOf(b, off, len, MESSAGES_KEY) >= 0) {
			String base = entry.fileName().replaceFirst("(?i)\\.jsonl$", "");
			PathRules.Location fromPath = PathRules.locate(entry.segments(), entry.rootIndex());
			PathRules.Location loc = new PathRules.Location(fromPath.run(), fromPath.split(), base + "-line" + lineNo);
			try {
				return transcript(linePath, loc, b, off, len);
			}
			catch (RejectedInputException e) {
				throw new RejectedInputException(oneLine(e.getMessage().replace("(line 1, ", "(")));
			}
		}
		return DocumentFields.map(documentLine(b, off, len), linePath, lineNo);
	}

	/** One JSON value that fills the line, read within the limits. */
	private JsonNode documentLine(byte[] b, int off, int len) throws RejectedInputException {
		try (JsonParser p = LimitedParser.of(mapper.createParser(b, off, len), "document")) {
			try {
				p.nextToken();
				JsonNode node = p.readValueAsTree();
				JsonToken after;
				try {
					after = p.nextToken();
				}
				catch (StreamReadException e) {
					throw new RejectedInputException(
							oneLine("unexpected content after the JSON value" + at(e.getLocation())));
				}
				if (after != null) {
					throw new RejectedInputException(
							oneLine("unexpected content after the JSON value" + at(p.currentTokenLocation())));
				}
				return node;
			}
			catch (StreamConstraintsException e) {
				throw new RejectedInputException(oneLine(InputLimits.describe(e, p.currentLocation())));
			}
		}
		catch (StreamReadException e) {
			throw new RejectedInputException(oneLine(Bytes.describeSyntaxError(e)));
		}
		catch (JacksonException e) {
			throw new RejectedInputException("unreadable JSON: " + e.getOriginalMessage());
		}
	}

	private static String documentsBefore(int n) {
		return n == 1 ? "the document before it was" : "the " + n + " documents before it were";
	}

	private static String at(TokenStreamLocation loc) {
		return loc == null || loc.getLineNr() < 0 ? ""
				: " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
	}

	/** A JSONL line's position: its column (the line is in the path). */
	private static String oneLine(String reason) {
		return reason.replace(" at line 1, ", " at ");
	}

	private void readDocumentArray(SourceEntry entry, InputStream in, Consumer<ImportUnit> out) {
		int index = 0;
		try (JsonParser raw = mapper.createParser(in)) {
			LimitedParser p = new LimitedParser(raw, "document", InputLimits.MAX_VALUES, InputLimits.MAX_LINE_BYTES);
			try {
				p.nextToken(); // START_ARRAY
				for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
					if (t == null) {
						throw new RejectedInputException("truncated JSON: the array is not closed");
					}
					p.startUnit();
					JsonNode node = p.readValueAsTree();
					p.endUnit();
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
			catch (StreamConstraintsException e) {
				// the parser cannot resume inside a value it refused: the rest of the
				// file
				// is not read
				out.accept(new Rejection(entry.displayPath() + "[" + index + "]",
						InputLimits.describe(e, raw.currentLocation()) + "; the rest of the file was not read"
								+ (index > 0 ? " (" + documentsBefore(index) + ")" : "")));
			}
		}
		catch (StreamReadException e) {
			out.accept(new Rejection(entry.displayPath(),
					Bytes.describeSyntaxError(e) + (index > 0 ? "; " + documentsBefore(index) + " read" : "")));
		}
		catch (RejectedInputException e) {
			out.accept(new Rejection(entry.displayPath(), e.getMessage()));
		}
	}

	private PromptUnit readPrompt(SourceEntry entry, PathRules.PromptName name)
			throws IOException, RejectedInputException {
		if (InputLimits.tooLong(name.variation(), InputLimits.VARIATION_CHARS)) {
			throw new RejectedInputException(InputLimits.nameTooLong("the variation in the prompt file's name",
					name.variation(), InputLimits.VARIATION_CHARS, "rename the file"));
		}
		if (InputLimits.tooLong(entry.fileName(), InputLimits.FILE_NAME_CHARS)) {
			throw new RejectedInputException(InputLimits.nameTooLong("the prompt file's name", entry.fileName(),
					InputLimits.FILE_NAME_CHARS, "rename the file"));
		}
		byte[] bytes;
		try (InputStream in = entry.open()) {
			bytes = readWhole(entry, in, InputLimits.MAX_PROMPT_BYTES);
		}
		int bom = Bytes.bomLength(bytes, 0, bytes.length);
		Bytes.checkText(bytes, bom, bytes.length - bom);
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new RejectedInputException("not UTF-8 text");
		}
		return new PromptUnit(entry.displayPath(), name.variation(), name.kind(), entry.fileName(), text,
				Hashing.sha256(text));
	}

	/** Whitespace only, as {@link String#isBlank()} sees ASCII. */
	private static boolean isBlank(byte[] b, int off, int len) {
		for (int i = off, end = off + len; i < end; i++) {
			byte c = b[i];
			if (c != ' ' && c != '\t' && c != '\f' && c != 0x0B && (c < 0x1C || c > 0x1F)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the bytes are UTF-8 (ASCII is checked on the fly; the rest goes through a
	 * decoder into a small reused buffer, so nothing the size of the line is made).
	 */
	private boolean isUtf8(byte[] b, int off, int len) {
		int i = off;
		int end = off + len;
		while (i < end && b[i] >= 0) {
			i++;
		}
		if (i == end) {
			return true;
		}
		utf8.reset();
		ByteBuffer in = ByteBuffer.wrap(b, i, end - i);
		CoderResult r;
		do {
			decoded.clear();
			r = utf8.decode(in, decoded, true);
			if (r.isError()) {
				return false;
			}
		}
		while (r.isOverflow());
		decoded.clear();
		return !utf8.flush(decoded).isError();
	}

	static int indexOf(byte[] b, int off, int len, byte[] needle) {
		int last = off + len - needle.length;
		outer: for (int i = off; i <= last; i++) {
			for (int k = 0; k < needle.length; k++) {
				if (b[i + k] != needle[k]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
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
