package org.scratchpadlens.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The answers a rater could give, in order. Order decides the weighted kappas and ordinal
 * alpha; membership decides AC1's chance agreement (an unused category still counts). A
 * rubric should declare it; otherwise it is inferred from the codes seen: numeric order
 * when every code is a number, else alphabetical (by UTF-16 code unit).
 * <p>
 * A set whose labels are all plain decimal numbers is <em>numeric</em>: its labels are
 * kept in canonical form ({@code 1} for {@code 1.0}, {@code 2.5} for {@code 2.50}) and an
 * answer matches a category when it is the same number, whatever its spelling, so a CSV
 * written by pandas ({@code 1.0}) agrees with one typed by hand ({@code 1}). In any other
 * set labels and answers are text and match exactly (case-sensitive).
 */
public final class CategorySet {

	// Plain decimal numbers only: "NaN", "Infinity" and hex floats are labels, not
	// numbers.
	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

	private final List<String> labels;

	private final Map<String, Integer> index;

	private final boolean declared;

	private final boolean numeric;

	/**
	 * @param labels distinct labels; when all are numbers they are stored in canonical
	 * form, and two spellings of one number are a duplicate
	 */
	private CategorySet(List<String> labels, boolean declared) {
		this.numeric = !labels.isEmpty() && labels.stream().allMatch(CategorySet::isNumber);
		this.labels = numeric ? labels.stream().map(CategorySet::canonical).toList() : List.copyOf(labels);
		this.declared = declared;
		this.index = new HashMap<>();
		for (int i = 0; i < this.labels.size(); i++) {
			Integer earlier = this.index.put(this.labels.get(i), i);
			if (earlier != null) {
				String first = labels.get(earlier);
				String second = labels.get(i);
				throw new IllegalArgumentException(first.equals(second) ? "duplicate category '" + first + "'"
						: "duplicate category: '" + first + "' and '" + second + "' are the same number");
			}
		}
	}

	/** An explicit, ordered category set, as a rubric declares it. */
	public static CategorySet of(List<String> labels) {
		List<String> cleaned = new ArrayList<>(labels.size());
		for (String label : labels) {
			String code = RatingTable.normalise(label);
			if (code == null) {
				throw new IllegalArgumentException("a category label is empty");
			}
			cleaned.add(code);
		}
		if (cleaned.isEmpty()) {
			throw new IllegalArgumentException("the category set is empty");
		}
		return new CategorySet(cleaned, true);
	}

	public static CategorySet of(String... labels) {
		return of(List.of(labels));
	}

	/**
	 * The codes used in the table: numeric order when all are numbers, else alphabetical.
	 * May be empty.
	 */
	public static CategorySet inferFrom(RatingTable table) {
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < table.itemCount(); i++) {
			for (int r = 0; r < table.raterCount(); r++) {
				String code = table.code(i, r);
				if (code != null) {
					seen.add(code);
				}
			}
		}
		return new CategorySet(sorted(seen), false);
	}

	/**
	 * Distinct codes in order: when all are numbers, one canonical label per number in
	 * numeric order; else the codes as written, alphabetically.
	 */
	static List<String> sorted(Collection<String> codes) {
		boolean numeric = !codes.isEmpty() && codes.stream().allMatch(CategorySet::isNumber);
		if (!numeric) {
			return new ArrayList<>(new TreeSet<>(codes));
		}
		TreeSet<BigDecimal> numbers = new TreeSet<>();
		for (String code : codes) {
			numbers.add(new BigDecimal(code));
		}
		return numbers.stream().map(CategorySet::canonical).toList();
	}

	static boolean isNumber(String code) {
		if (!NUMBER.matcher(code).matches()) {
			return false;
		}
		try {
			new BigDecimal(code);
			return true;
		}
		catch (NumberFormatException ex) {
			// An exponent beyond int range ("1e9999999999"): keep it as a label.
			return false;
		}
	}

	/**
	 * One spelling per number: no exponent, no trailing zeros after the point, no sign on
	 * zero ({@code 1.0} → {@code 1}, {@code 2.50} → {@code 2.5}, {@code 1e1} →
	 * {@code 10}). Numbers too large or small to write out sensibly keep an exponent.
	 * Only for codes that pass {@link #isNumber}.
	 */
	static String canonical(String number) {
		return canonical(new BigDecimal(number));
	}

	private static String canonical(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		if (stripped.signum() == 0) {
			return "0";
		}
		// Written out, |scale| digits of zeros would be added: bound it so "1e999999999"
		// cannot make a gigabyte string.
		return Math.abs(stripped.scale()) <= 40 ? stripped.toPlainString() : stripped.toString();
	}

	public List<String> labels() {
		return labels;
	}

	public int size() {
		return labels.size();
	}

	/**
	 * Position of a code in the order, or -1 when it is not a category. In a
	 * {@link #numeric()} set any spelling of a category's number matches it; otherwise
	 * the code must be written exactly as the label.
	 */
	public int indexOf(String code) {
		Integer i = index.get(code);
		if (i == null && numeric && code != null && isNumber(code)) {
			i = index.get(canonical(code));
		}
		return i == null ? -1 : i;
	}

	/**
	 * {@link #indexOf} for one pass over a table: remembers each spelling, so a number
	 * written {@code 1.0} on every row is parsed once, not once per cell. Not
	 * thread-safe; make one per pass.
	 */
	ToIntFunction<String> indexer() {
		Map<String, Integer> seen = new HashMap<>();
		return code -> seen.computeIfAbsent(code, this::indexOf);
	}

	/** True when given by the caller rather than inferred from the data. */
	public boolean declared() {
		return declared;
	}

	/**
	 * True when every label is a number: answers then match by value and the labels are
	 * in canonical form.
	 */
	public boolean numeric() {
		return numeric;
	}

	/**
	 * For messages about a code that is not a category: the label it equals as a number,
	 * when the set is text (so it was compared as text), else null.
	 */
	String numericallyEqualLabel(String code) {
		if (numeric || code == null || !isNumber(code)) {
			return null;
		}
		BigDecimal value = new BigDecimal(code);
		return labels.stream()
			.filter(label -> isNumber(label) && new BigDecimal(label).compareTo(value) == 0)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The numeric value of each category, for interval and ratio distances; only when
	 * {@link #numeric()}.
	 */
	double[] values() {
		if (!numeric()) {
			throw new IllegalStateException("categories are not all numbers: " + labels);
		}
		return labels.stream().mapToDouble(Double::parseDouble).toArray();
	}

	@Override
	public String toString() {
		return labels.toString();
	}

}
