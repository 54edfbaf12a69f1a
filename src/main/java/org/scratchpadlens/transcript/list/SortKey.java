package org.scratchpadlens.transcript.list;

/**
 * How the list is ordered: {@code run} (the reading order: run, split, query index; the
 * default), {@code queryIndex}, a metric's name, or {@code random} with a seed; a leading
 * {@code -} reverses it. Missing metric values come last either way.
 */
record SortKey(Kind kind, String metric, boolean descending, long seed) {

	enum Kind {

		RUN, QUERY_INDEX, METRIC, RANDOM

	}

	static final SortKey DEFAULT = new SortKey(Kind.RUN, null, false, 0);

	/** The parameter's value that gives this order back. */
	String parameter() {
		String name = switch (kind) {
			case RUN -> "run";
			case QUERY_INDEX -> "queryIndex";
			case RANDOM -> "random";
			case METRIC -> metric;
		};
		return (descending ? "-" : "") + name;
	}

	String cacheKey() {
		return parameter() + (kind == Kind.RANDOM ? "@" + seed : "");
	}

}
