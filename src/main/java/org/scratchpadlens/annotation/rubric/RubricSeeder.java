package org.scratchpadlens.annotation.rubric;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, publishes the repository's rubric file when the store has no version or an
 * older one. A file whose definition is invalid stops the start with the list of its
 * problems (a broken rubric must not reach raters).
 */
@Component
@Order(5)
@ConditionalOnWebApplication
class RubricSeeder implements ApplicationRunner {

	private final Rubrics rubrics;

	RubricSeeder(Rubrics rubrics) {
		this.rubrics = rubrics;
	}

	@Override
	public void run(ApplicationArguments args) {
		rubrics.seedFromFile();
	}

}
