package org.scratchpadlens.annotation.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A submitted label as the API shows it.
 *
 * @param revision the current revision (1 when never edited); an edit sends it back
 * @param newerTranscriptId the current version of the transcript when the labelled one is
 * no longer current, else null
 */
public record Label(long id, long transcriptId, long campaignId, String annotator, int rubricVersion, int revision,
		Map<String, String> answers, List<Span> spans, int secondsSpent, Instant createdAt, Instant updatedAt,
		Long newerTranscriptId) {
}
