package org.scratchpadlens.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The answers a rater could give, in order. Order decides the weighted kappas and ordinal
 * alpha; membership decides AC1's chance agreement (an unused category still counts). A
 * rubric should declare it; otherwise it is inferred from the codes seen: numeric order
 * when every code is a number, else alphabetical (by UTF-16 code unit).
 */
public final class CategorySet {

	// Plain decimal numbers only: "NaN", "Infinity" and hex floats are labels, not
	// numbers.
	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

	private final List<String> labels;

	private final Map<String, Integer> index;

	private final boolean declared;

	private CategorySet(List<String> labels, boolean declared) {
		this.labels = List.copyOf(labels);
		this.declared = declared;
		this.index = new HashMap<>();
		for (int i = 0; i < this.labels.size(); i++) {
			if (this.index.put(this.labels.get(i), i) != null) {
				throw new IllegalArgumentException("duplicate category '" + this.labels.get(i) + "'");
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

	static List<String> sorted(Collection<String> codes) {
		boolean numeric = !codes.isEmpty() && codes.stream().allMatch(CategorySet::isNumber);
		Comparator<String> order = numeric
				? Comparator.<String, BigDecimal>comparing(BigDecimal::new).thenComparing(Comparator.naturalOrder())
				: Comparator.naturalOrder();
		TreeSet<String> set = new TreeSet<>(order);
		set.addAll(codes);
		return new ArrayList<>(set);
	}

	static boolean isNumber(String code) {
		return NUMBER.matcher(code).matches();
	}

	public List<String> labels() {
		return labels;
	}

	public int size() {
		return labels.size();
	}

	/** Position of a code in the order, or -1 when it is not a category. */
	public int indexOf(String code) {
		Integer i = index.get(code);
		return i == null ? -1 : i;
	}

	/** True when given by the caller rather than inferred from the data. */
	public boolean declared() {
		return declared;
	}

	public boolean numeric() {
		return !labels.isEmpty() && labels.stream().allMatch(CategorySet::isNumber);
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
