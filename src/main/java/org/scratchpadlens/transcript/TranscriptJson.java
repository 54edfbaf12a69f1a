package org.scratchpadlens.transcript;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A transcript as {@code GET /api/transcripts/{id}} answers it: where it comes from, its
 * versions and pair, the messages with their sections (each with its text), and the
 * metrics by name.
 *
 * @param current whether this is the current version of its file
 * @param currentId the current version's id (null if none is current any more)
 * @param pairId the same query in the other split of the run, or null
 * @param metricsHidden the reader rates this transcript in a blind campaign and has not
 * submitted yet: {@code metrics} is empty
 */
public record TranscriptJson(long id, String run, String setting, String variation, String model, String split,
		Integer queryIndex, String fileName, int version, boolean current, Long currentId, List<Version> versions,
		Long pairId, Long systemPromptId, boolean hasOutput, boolean cutOff, List<MessageJson> messages,
		Map<String, MetricJson> metrics, boolean metricsHidden) {

	public record Version(long id, int version, OffsetDateTime importedAt) {
	}

	/**
	 * @param content null for a system prompt stored once: see systemPromptId
	 */
	public record MessageJson(int ordinal, String role, String content, Long systemPromptId,
			List<SectionJson> sections) {
	}

	/**
	 * @param text the section's body, {@code content[start, end)}
	 */
	public record SectionJson(int ordinal, String kind, int depth, int start, int end, boolean closed, String text) {
	}

	/**
	 * @param value true/false, a number, a string, or null when missing
	 * @param type boolean, number, text or missing
	 * @param raw the value exactly as in the file, as JSON
	 */
	public record MetricJson(Object value, String type, String raw) {
	}

}
