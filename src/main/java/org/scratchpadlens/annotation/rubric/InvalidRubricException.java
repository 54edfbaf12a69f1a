package org.scratchpadlens.annotation.rubric;

import java.util.List;

/**
 * A rubric definition that cannot be published, with every problem found, each a sentence
 * naming where it is.
 */
public class InvalidRubricException extends RuntimeException {

	private final List<String> problems;

	public InvalidRubricException(List<String> problems) {
		super("The rubric is not valid: " + String.join(" ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
