package org.scratchpadlens.annotation.campaign;

/**
 * What a rater may see of one item of their campaign, for the labelling page. The hide
 * flags say what is hidden now: a campaign that reveals after submitting turns them off
 * once the rater has submitted ({@code myLabel} not null).
 *
 * @param scope {@code train}, {@code deploy}, or {@code masked} when the condition is
 * masked (one rubric for both)
 */
public record ItemView(long transcriptId, String scope, int rubricVersion, boolean hideMetrics, boolean hideOtherLabels,
		boolean maskCondition, Label myLabel, Draft draft, Long newerTranscriptId) {
}
