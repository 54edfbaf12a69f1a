package org.scratchpadlens.annotation;

import java.util.List;
import java.util.Map;

/**
 * What the labels need to know of the rubric: its current published version, and whether
 * a set of answers is acceptable under a version. Implemented by the rubric feature.
 */
public interface RubricRules {

	/** The number of the latest published rubric version (a new campaign pins it). */
	int currentVersion();

	/**
	 * Each problem with these answers, as a sentence a rater can act on
	 * ("'training_awareness' takes yes or no, not 'maybe'", "overriding the derived
	 * verdict needs a note"); empty when acceptable. Any question may be left unanswered.
	 * {@code scope} is "train", "deploy" or "masked" (one rubric holding both conditions'
	 * questions). {@code final} is false for a draft (then only unknown keys and bad
	 * values are problems, not a missing note).
	 */
	List<String> problems(int version, String scope, Map<String, String> answers, boolean isFinal);

	/**
	 * Adds to a submitted label's answers the value the rubric derives for each derived
	 * question (the verdicts) the rater left unanswered, where the answers determine it,
	 * so that exports and agreement read the verdict of a label sent without one (the
	 * labelling page sends it; a script may not).
	 */
	void addDerived(int version, String scope, Map<String, String> answers);

	/**
	 * Whether evidence spans may be attached to this question key in this version (the
	 * yes/no criteria).
	 */
	boolean takesEvidence(int version, String questionKey);

}
