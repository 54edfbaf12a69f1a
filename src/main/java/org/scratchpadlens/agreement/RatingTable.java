package org.scratchpadlens.agreement;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Items × raters, each cell an answer code or null when that rater did not rate that
 * item. Codes are trimmed and an empty code counts as missing, so a table built in code
 * and one read from CSV behave the same. Immutable.
 */
public final class RatingTable {

	private final List<String> raterIds;

	private final List<String> itemIds;

	private final String[][] codes;

	// Source line of each item when read from a file, so errors about a code can point at
	// the line (0 = unknown).
	private final long[] lines;

	private RatingTable(List<String> raterIds, List<String> itemIds, String[][] codes, long[] lines) {
		this.raterIds = List.copyOf(raterIds);
		this.itemIds = List.copyOf(itemIds);
		this.codes = codes;
		this.lines = lines;
	}

	/**
	 * Reads a ratings CSV: header {@code item,<rater ids>}, one row per item, empty cell
	 * = missing.
	 */
	public static RatingTable readCsv(Path file) throws IOException, MalformedTableException {
		return RatingTableCsv.read(file);
	}

	public static RatingTable readCsv(Reader reader) throws IOException, MalformedTableException {
		return RatingTableCsv.read(reader);
	}

	public static Builder builder(String... raterIds) {
		return new Builder(List.of(raterIds));
	}

	public static Builder builder(List<String> raterIds) {
		return new Builder(raterIds);
	}

	public int itemCount() {
		return itemIds.size();
	}

	public int raterCount() {
		return raterIds.size();
	}

	public List<String> raterIds() {
		return raterIds;
	}

	public List<String> itemIds() {
		return itemIds;
	}

	/** The code rater {@code rater} gave item {@code item}, or null when missing. */
	public String code(int item, int rater) {
		return codes[item][rater];
	}

	long sourceLine(int item) {
		return lines[item];
	}

	/**
	 * Where an item came from, for messages: "line 7" when read from a file, else its id.
	 */
	String describeItem(int item) {
		return lines[item] > 0 ? "line " + lines[item] + " (item '" + itemIds.get(item) + "')"
				: "item '" + itemIds.get(item) + "'";
	}

	static String normalise(String code) {
		if (code == null) {
			return null;
		}
		String trimmed = code.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/**
	 * Collects rows in order; each row has exactly one cell per rater (null or blank =
	 * missing).
	 */
	public static final class Builder {

		private final List<String> raterIds;

		private final List<String> itemIds = new ArrayList<>();

		private final List<String[]> rows = new ArrayList<>();

		private final List<Long> lines = new ArrayList<>();

		private final Set<String> seenItems = new HashSet<>();

		private Builder(List<String> raterIds) {
			Set<String> seen = new HashSet<>();
			for (String id : raterIds) {
				Objects.requireNonNull(id, "rater id");
				if (!seen.add(id)) {
					throw new IllegalArgumentException("duplicate rater id '" + id + "'");
				}
			}
			this.raterIds = List.copyOf(raterIds);
		}

		public Builder add(String itemId, String... codes) {
			return add(itemId, 0, codes);
		}

		public Builder add(String itemId, List<String> codes) {
			return add(itemId, 0, codes.toArray(String[]::new));
		}

		Builder add(String itemId, long line, String... codes) {
			Objects.requireNonNull(itemId, "item id");
			if (codes.length != raterIds.size()) {
				throw new IllegalArgumentException(
						"item '" + itemId + "': expected " + raterIds.size() + " ratings, found " + codes.length);
			}
			if (!seenItems.add(itemId)) {
				throw new IllegalArgumentException("duplicate item id '" + itemId + "'");
			}
			String[] row = new String[codes.length];
			for (int r = 0; r < codes.length; r++) {
				row[r] = normalise(codes[r]);
			}
			itemIds.add(itemId);
			rows.add(row);
			lines.add(line);
			return this;
		}

		public RatingTable build() {
			long[] lineArray = lines.stream().mapToLong(Long::longValue).toArray();
			return new RatingTable(raterIds, itemIds, rows.toArray(String[][]::new), lineArray);
		}

	}

	@Override
	public String toString() {
		return "RatingTable[" + itemCount() + " items x " + raterCount() + " raters " + raterIds + ", first row "
				+ (codes.length > 0 ? Arrays.toString(codes[0]) : "none") + "]";
	}

}
