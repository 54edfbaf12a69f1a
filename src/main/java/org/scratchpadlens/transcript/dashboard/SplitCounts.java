package org.scratchpadlens.transcript.dashboard;

import java.util.Map;

/**
 * What one aggregate query counts for a run and split, over its current transcripts:
 * {@code n} transcripts; per metric, how many hold a true/false value ({@code known}) and
 * how many of those are true; for the alignment-faking mean, the transcripts holding both
 * scheme metrics, and how many of them are flagged by both, by partial only, by effective
 * only.
 */
record SplitCounts(long runId, String split, long n, Map<String, Known> metrics, long bothKnown, long bothTrue,
		long partialOnly, long effectiveOnly) {

	record Known(long known, long trueCount) {
	}

	Known metric(String name) {
		return metrics.getOrDefault(name, new Known(0, 0));
	}

}
