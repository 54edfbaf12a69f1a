package org.scratchpadlens.ingest.parse;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * A parser that stops a unit (a transcript, a JSONL line, one document of an array) that
 * holds too many JSON values, or (in an array read from a stream) too many bytes. Jackson
 * limits nesting and the length of one string; neither bounds the tree of a unit made of
 * millions of small values, which can take 25 times its size in memory. Trees are built
 * through this parser ({@code readValueAsTree} reads through the delegate), so every
 * value is counted.
 */
public final class LimitedParser extends JsonParserDelegate {

	/** A limit of this parser, with the sentence that explains it. */
	public static final class LimitExceeded extends StreamConstraintsException {

		private final String what;

		private final String advice;

		LimitExceeded(String what, String advice, TokenStreamLocation where) {
			super(what, where);
			this.what = what;
			this.advice = advice;
		}

		public String what() {
			return what;
		}

		public String advice() {
			return advice;
		}

	}

	private final String unit;

	private final long maxValues;

	private final long maxBytes;

	private long values;

	private long startOffset;

	/**
	 * Whether a unit started with {@link #startUnit()} is being read (bytes are only
	 * counted then); a parser made with {@link #of} reads one unit from its start.
	 */
	private boolean inUnit;

	/**
	 * @param unit what one unit is, for messages ("transcript", "document")
	 * @param maxBytes the most bytes of input one unit may span, or 0 for no check (the
	 * caller already bounded the input)
	 */
	public LimitedParser(JsonParser delegate, String unit, long maxValues, long maxBytes) {
		super(delegate);
		this.unit = unit;
		this.maxValues = maxValues;
		this.maxBytes = maxBytes;
	}

	/** The importer's limits, for a unit whose bytes are already bounded. */
	public static LimitedParser of(JsonParser delegate, String unit) {
		return new LimitedParser(delegate, unit, InputLimits.MAX_VALUES, 0);
	}

	/**
	 * Starts counting a new unit at the current token (call it on the first token of each
	 * document of an array).
	 */
	public void startUnit() {
		values = 1;
		inUnit = true;
		if (maxBytes > 0) {
			startOffset = delegate.currentTokenLocation().getByteOffset();
		}
	}

	/**
	 * Ends the unit started by {@link #startUnit()}: what lies between documents counts
	 * for none of them.
	 */
	public void endUnit() {
		inUnit = false;
	}

	private void count() {
		if (++values > maxValues) {
			throw new LimitExceeded(
					"more than " + InputLimits.count(maxValues) + " JSON values (keys, texts, numbers, lists, objects)"
							+ " in one " + unit,
					"that is the importer's limit for one " + unit + ", which keeps the memory it takes bounded "
							+ "(a real one holds a few hundred); split it",
					delegate.currentLocation());
		}
		if (maxBytes > 0 && inUnit) {
			TokenStreamLocation here = delegate.currentLocation();
			if (here.getByteOffset() - startOffset > maxBytes) {
				throw new LimitExceeded("a " + unit + " larger than " + InputLimits.bytes(maxBytes),
						"that is the importer's limit for one " + unit + " (as for one JSONL line); split it into "
								+ "smaller ones",
						here);
			}
		}
	}

	@Override
	public JsonToken nextToken() {
		JsonToken t = delegate.nextToken();
		count();
		return t;
	}

	@Override
	public JsonToken nextValue() {
		JsonToken t = delegate.nextValue();
		count();
		return t;
	}

	@Override
	public String nextName() {
		String name = delegate.nextName();
		count();
		return name;
	}

	@Override
	public boolean nextName(SerializableString str) {
		boolean match = delegate.nextName(str);
		count();
		return match;
	}

	@Override
	public int nextNameMatch(PropertyNameMatcher matcher) {
		int match = delegate.nextNameMatch(matcher);
		count();
		return match;
	}

}
