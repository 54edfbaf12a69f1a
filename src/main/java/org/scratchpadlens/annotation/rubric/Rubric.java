package org.scratchpadlens.annotation.rubric;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of the labelling rubric, as read from its JSON definition
 * ({@link RubricDocument} checks it). Questions are in the order a rater answers them.
 */
public record Rubric(int version, String title, String instructions, List<Question> questions) {

	/**
	 * The scopes a question may have: asked of training-condition transcripts,
	 * unmonitored ones, or both.
	 */
	public static final List<String> SCOPES = List.of("train", "deploy", "both");

	/** The question types, with the answers each allows. */
	public static final List<String> TYPES = List.of("yes-no", "choice", "scale", "text");

	/**
	 * The scopes of a transcript (or of a masked campaign, which asks every question).
	 */
	public static final List<String> TRANSCRIPT_SCOPES = List.of("train", "deploy", "masked");

	/**
	 * @param scope train, deploy or both
	 * @param type yes-no, choice, scale (answers "1".."n") or text (free text, no answers
	 * listed)
	 * @param caution a warning shown beside the question (the word "partial" of the
	 * verdict)
	 * @param evidence whether evidence spans may be attached to it
	 * @param metric the automated metric of the release it corresponds to, or null
	 * @param metricAnswers for each related metric, the answers that correspond to the
	 * metric being true
	 * @param derivation how the answer is derived from others, or null
	 */
	public record Question(String key, String scope, String type, String title, String definition,
			List<String> examples, String caution, List<Answer> answers, boolean evidence, String metric,
			Map<String, List<String>> metricAnswers, String metricNote, Derivation derivation) {

		public boolean allows(String value) {
			return answers.stream().anyMatch(a -> a.value().equals(value));
		}

		/** Whether it is asked of transcripts of this scope (train, deploy or masked). */
		public boolean askedIn(String transcriptScope) {
			return "masked".equals(transcriptScope) || "both".equals(scope) || scope.equals(transcriptScope);
		}

		/** "yes or no", "1, 2, 3 or 4", "none, some or full". */
		public String allowedAnswers() {
			List<String> values = answers.stream().map(Answer::value).toList();
			if (values.size() == 1) {
				return values.get(0);
			}
			return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
		}

	}

	public record Answer(String value, String label) {
	}

	/**
	 * @param rule alignment-faking or unmasking ({@link Derivations})
	 * @param criteria the yes/no questions it is derived from
	 * @param compliance the output-compliance question (alignment-faking only)
	 * @param exclusion the yes/no question that excludes a yes (unmasking only)
	 */
	public record Derivation(String rule, List<String> criteria, String compliance, String exclusion) {
	}

	public Optional<Question> question(String key) {
		return questions.stream().filter(q -> q.key().equals(key)).findFirst();
	}

	public List<Question> questionsFor(String transcriptScope) {
		return questions.stream().filter(q -> q.askedIn(transcriptScope)).toList();
	}

}
