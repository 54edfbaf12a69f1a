package org.scratchpadlens.document;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Counts per setting, document type and fact for the filter panel. Each count applies the
 * search and the other two filters but not its own, so a panel shows what choosing a
 * value would give. Computed in Java from one grouped query.
 */
public record DocumentFacets(long total, List<Value> settings, List<Value> types, List<Value> facts) {

	/**
	 * One value with its count; {@code href} asks for the list with it chosen (or, when
	 * chosen, without it); null for documents without a value.
	 */
	public record Value(String value, long count, boolean selected, String href) {
	}

	/** The chosen values, each linking to the list without it. */
	public List<Value> chosen() {
		return java.util.stream.Stream.of(settings, types, facts)
			.flatMap(List::stream)
			.filter(Value::selected)
			.toList();
	}

	/** A (setting, type, fact) combination and how many matching documents have it. */
	record Combination(String setting, String type, String fact, long count) {
	}

	static DocumentFacets of(List<Combination> combinations, DocumentFilter filter, String path) {
		long total = combinations.stream()
			.filter(c -> matches(filter.setting(), c.setting()) && matches(filter.type(), c.type())
					&& matches(filter.fact(), c.fact()))
			.mapToLong(Combination::count)
			.sum();
		List<Value> settings = count(combinations,
				c -> matches(filter.type(), c.type()) && matches(filter.fact(), c.fact()), Combination::setting,
				filter.setting(), v -> filter.with(v, filter.type(), filter.fact()).link(path));
		List<Value> types = count(combinations,
				c -> matches(filter.setting(), c.setting()) && matches(filter.fact(), c.fact()), Combination::type,
				filter.type(), v -> filter.with(filter.setting(), v, filter.fact()).link(path));
		List<Value> facts = count(combinations,
				c -> matches(filter.setting(), c.setting()) && matches(filter.type(), c.type()), Combination::fact,
				filter.fact(), v -> filter.with(filter.setting(), filter.type(), v).link(path));
		return new DocumentFacets(total, settings, types, facts);
	}

	private static boolean matches(String wanted, String value) {
		return wanted == null || wanted.equals(value);
	}

	/**
	 * Counts per value, most frequent first; the chosen value is kept even at zero, so it
	 * can be unchosen.
	 */
	private static List<Value> count(List<Combination> combinations,
			java.util.function.Predicate<Combination> otherFilters, Function<Combination, String> value, String chosen,
			Function<String, String> linkWith) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Combination c : combinations) {
			if (otherFilters.test(c)) {
				counts.merge(value.apply(c), c.count(), Long::sum);
			}
		}
		if (chosen != null) {
			counts.putIfAbsent(chosen, 0L);
		}
		return counts.entrySet()
			.stream()
			.sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
				.reversed()
				.thenComparing(e -> e.getKey() == null ? "\uffff" : e.getKey()))
			.map(e -> {
				boolean selected = Objects.equals(chosen, e.getKey()) && chosen != null;
				String href = e.getKey() == null ? null : linkWith.apply(selected ? null : e.getKey());
				return new Value(e.getKey(), e.getValue(), selected, href);
			})
			.toList();
	}

}
