package org.scratchpadlens.transcript;

import java.util.Set;

/**
 * Which transcripts' automated metrics a reader may not see now: those they rate in a
 * campaign that hides the metrics, until they have submitted their label there (after
 * which the campaign may reveal them). Browsing honours it everywhere: the transcript
 * page and JSON leave the metrics out, and the list leaves these transcripts out
 * altogether, so that neither a filter nor a count tells them apart. Implemented by the
 * campaigns; without campaigns nothing is hidden.
 */
public interface HiddenMetrics {

	/** Whether this transcript's metrics are hidden from this reader. */
	boolean hiddenOn(long transcriptId, String username);

	/** Every transcript whose metrics are hidden from this reader (often none). */
	Set<Long> hiddenFrom(String username);

}
