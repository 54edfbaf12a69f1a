package org.scratchpadlens.ingest.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the importer reads at most, so one hostile file is rejected with a reason instead
 * of failing the import or exhausting the machine. Every limit is counted on what is
 * actually read, never on what a file or zip claims. Real data is far below each one: a
 * transcript file is a few MB, a document a few KB, JSON nests fewer than 10 levels.
 */
public final class InputLimits {

	public static final int MIB = 1024 * 1024;

	/**
	 * One transcript file ({@code N.json}) is read whole, to hash it: at most this many
	 * bytes.
	 */
	public static final int MAX_TRANSCRIPT_BYTES = 512 * MIB;

	/**
	 * One JSONL line, or one document of a JSON array: at most this many bytes (a JSONL
	 * line is held whole while it is parsed).
	 */
	public static final int MAX_LINE_BYTES = 64 * MIB;

	/**
	 * One text value (a message, a metric, a document's text): at most this many
	 * characters. Reading one takes about five times as many bytes of memory for a
	 * moment.
	 */
	public static final int MAX_TEXT_CHARS = 16 * MIB;

	/** A prompt file is one text: at most this many bytes. */
	public static final int MAX_PROMPT_BYTES = MAX_TEXT_CHARS;

	/** Lists and objects inside each other: at most this many levels. */
	public static final int MAX_DEPTH = 200;

	/**
	 * JSON values (keys, strings, numbers, lists, objects) in one transcript or one
	 * document: their tree takes up to ~100 bytes each, so this bounds its memory.
	 */
	public static final int MAX_VALUES = 1_000_000;

	/** Column sizes of the schema (V1__spine.sql) that names read from files go into. */
	public static final int RUN_PATH_CHARS = 1000;

	/** {@code run.variation}: the run path's last segment. */
	public static final int VARIATION_CHARS = 300;

	/** {@code run.model}. */
	public static final int MODEL_CHARS = 300;

	/** {@code transcript.file_name}, {@code prompt_file.file_name}. */
	public static final int FILE_NAME_CHARS = 1000;

	/** {@code metric_name.name}. */
	public static final int METRIC_NAME_CHARS = 300;

	/** {@code message.role}. */
	public static final int ROLE_CHARS = 40;

	/** {@code synthetic_document.setting}. */
	public static final int DOCUMENT_SETTING_CHARS = 200;

	/** {@code synthetic_document.doc_type}. */
	public static final int DOCUMENT_TYPE_CHARS = 1000;

	/**
	 * Jackson's own limits for the ones it checks while it reads (nesting, one string,
	 * one key, one number). No document length: a JSON array of documents may be
	 * gigabytes, read one document at a time.
	 */
	public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
		.maxNestingDepth(MAX_DEPTH)
		.maxStringLength(MAX_TEXT_CHARS)
		.build();

	private static final Pattern ALLOWED = Pattern.compile("maximum allowed \\((\\d+)");

	private InputLimits() {
	}

	/**
	 * {@code mapper} reading with {@link #CONSTRAINTS}: the same mapper when it already
	 * does, else one on a copy of its factory with the same read features.
	 */
	public static JsonMapper limited(JsonMapper mapper) {
		StreamReadConstraints c = mapper.tokenStreamFactory().streamReadConstraints();
		if (c.getMaxNestingDepth() == MAX_DEPTH && c.getMaxStringLength() == MAX_TEXT_CHARS) {
			return mapper;
		}
		JsonFactory factory = mapper.tokenStreamFactory().rebuild().streamReadConstraints(CONSTRAINTS).build();
		JsonMapper.Builder b = JsonMapper.builder(factory);
		for (StreamReadFeature f : StreamReadFeature.values()) {
			b.configure(f, mapper.isEnabled(f));
		}
		for (JsonReadFeature f : JsonReadFeature.values()) {
			b.configure(f, mapper.isEnabled(f));
		}
		for (DeserializationFeature f : DeserializationFeature.values()) {
			b.configure(f, mapper.isEnabled(f));
		}
		for (JsonNodeFeature f : JsonNodeFeature.values()) {
			b.configure(f, mapper.isEnabled(f));
		}
		return b.build();
	}

	/**
	 * A limit Jackson (or {@link LimitedParser}) enforced, as a sentence: which limit,
	 * where, and what to do. {@code where} is the parser's position when it stopped.
	 */
	public static String describe(StreamConstraintsException e, TokenStreamLocation where) {
		String at = at(where);
		if (e instanceof LimitedParser.LimitExceeded l) {
			return l.what() + at + ": " + l.advice();
		}
		String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
		// the limit the parser applied, as Jackson states it ("... exceeds the maximum
		// allowed (200, from ...")
		Matcher allowed = ALLOWED.matcher(m);
		long max = allowed.find() ? Long.parseLong(allowed.group(1)) : -1;
		if (m.contains("getMaxNestingDepth")) {
			return "lists or objects nested more than " + count(max) + " levels deep" + at + ": the importer reads at "
					+ "most " + count(max)
					+ " levels (transcripts and documents use fewer than 10), so this is refused";
		}
		if (m.contains("getMaxStringLength")) {
			return "a text longer than " + count(max) + " characters" + at + ": one text (a message, a metric, a "
					+ "document) may hold at most " + count(max) + " characters, which keeps reading it within memory; "
					+ "split it into smaller ones";
		}
		if (m.contains("getMaxNameLength")) {
			return "a key longer than " + count(max) + " characters" + at + ": refused";
		}
		if (m.contains("getMaxNumberLength")) {
			return "a number longer than " + count(max) + " digits" + at + ": refused";
		}
		return "too large to read safely" + at + ": " + m;
	}

	/** {@code 16777216} as {@code 16,777,216}. */
	public static String count(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	/** A size in bytes as a person reads it: {@code 512 MiB (536,870,912 bytes)}. */
	public static String bytes(long n) {
		if (n >= MIB && n % MIB == 0) {
			return n / MIB + " MiB (" + count(n) + " bytes)";
		}
		return count(n) + " bytes";
	}

	static String at(TokenStreamLocation loc) {
		return loc == null || loc.getLineNr() < 0 ? ""
				: " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
	}

	/**
	 * Whether {@code s} has more than {@code max} characters as the database counts them
	 * (code points; Java counts a character outside the BMP twice).
	 */
	public static boolean tooLong(String s, int max) {
		return s != null && s.length() > max && s.codePointCount(0, s.length()) > max;
	}

	/**
	 * The sentence for a name longer than its column: which name, how long, the limit,
	 * and what to do.
	 */
	public static String nameTooLong(String what, String value, int max, String todo) {
		return what + " is " + count(value.codePointCount(0, value.length())) + " characters long (\""
				+ abbreviate(value) + "\"): at most " + count(max) + " are stored; " + todo;
	}

	/** The start of a long value, for a message. */
	public static String abbreviate(String s) {
		if (s == null) {
			return "null";
		}
		return s.length() <= 60 ? s : s.substring(0, 40) + "\u2026" + s.substring(s.length() - 10);
	}

}
