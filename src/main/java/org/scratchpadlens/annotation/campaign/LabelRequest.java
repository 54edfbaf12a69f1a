package org.scratchpadlens.annotation.campaign;

import java.util.List;
import java.util.Map;

/**
 * A label submitted ({@code POST /api/transcripts/{id}/labels}: campaignId), edited
 * ({@code PUT /api/labels/{id}}: revision) or drafted (neither).
 */
public record LabelRequest(Long campaignId, Integer revision, Map<String, String> answers, List<Span> spans,
		Integer secondsSpent) {
}
