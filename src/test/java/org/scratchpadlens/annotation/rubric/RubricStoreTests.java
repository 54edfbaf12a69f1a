package org.scratchpadlens.annotation.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeding from the file at start, a newer file, instances starting together, and the
 * contract's RubricRules.
 */
@AppTest
class RubricStoreTests extends FreshDatabase {

	@Autowired
	Rubrics rubrics;

	@Autowired
	RubricQueries queries;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTable() {
		jdbc.sql("delete from rubric_version").update();
	}

	int rows() {
		return jdbc.sql("select count(*) from rubric_version").query(Integer.class).single();
	}

	static String fileWithVersion(int version) {
		return RubricFile.read().replaceFirst("\"version\": 1,", "\"version\": " + version + ",");
	}

	@Test
	void seedsTheFileOnceHoweverOftenItRuns() {
		assertThat(rubrics.seedFromFile()).contains(1);
		assertThat(rubrics.seedFromFile()).isEmpty();
		assertThat(rubrics.seedFromFile()).isEmpty();
		assertThat(rows()).isEqualTo(1);
		assertThat(jdbc.sql("select definition from rubric_version").query(String.class).single())
			.isEqualTo(RubricFile.read());
	}

	@Test
	void publishesANewerFileAsANewVersionAndLeavesAnOlderOneAlone() {
		rubrics.seedFromFile();
		Rubrics withNewerFile = new Rubrics(queries, () -> fileWithVersion(3));
		assertThat(withNewerFile.seedFromFile()).contains(3);
		assertThat(rubrics.currentVersion()).isEqualTo(3);
		assertThat(rubrics.version(1)).isPresent();
		assertThat(rubrics.seedFromFile()).as("the repository's version 1 is older than the store's 3").isEmpty();
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void twoInstancesStartingAtOnceInsertOneVersion() throws Exception {
		int instances = 6;
		CyclicBarrier together = new CyclicBarrier(instances);
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		try {
			List<Future<Optional<Integer>>> results = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				// each its own service, as in another JVM: nothing shared but the
				// database
				Rubrics instance = new Rubrics(queries, RubricFile::read);
				Callable<Optional<Integer>> start = () -> {
					together.await();
					return instance.seedFromFile();
				};
				results.add(pool.submit(start));
			}
			int published = 0;
			for (Future<Optional<Integer>> r : results) {
				published += r.get().isPresent() ? 1 : 0;
			}
			assertThat(published).isEqualTo(1);
			assertThat(rows()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void seedsAStoreEmptiedWhileRunning() {
		assertThat(rows()).isZero();
		assertThat(rubrics.currentVersion()).isEqualTo(1);
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void answersTheContractsQuestionsByVersion() {
		assertThat(rubrics.takesEvidence(1, "training_awareness")).isTrue();
		assertThat(rubrics.takesEvidence(1, "verdict")).isFalse();
		assertThat(rubrics.takesEvidence(1, "no_such_question")).isFalse();
		assertThat(rubrics.takesEvidence(9, "training_awareness")).isFalse();
		assertThat(rubrics.problems(1, "train", java.util.Map.of("training_awareness", "maybe"), false))
			.containsExactly("'training_awareness' takes yes or no, not 'maybe'.");
		assertThat(rubrics.problems(9, "train", java.util.Map.of(), false))
			.containsExactly("There is no rubric version 9.");
	}

	@Test
	void checksLabelsAgainstTheVersionTheyNameNotTheCurrentOne() {
		rubrics.seedFromFile();
		String v2 = fileWithVersion(2).replace("{\"value\": \"none\", \"label\": \"None\"}, ", "")
			.replace("\"answers\": [{\"value\": \"some\"", "\"answers\": [{\"value\": \"some\"");
		rubrics.publish(v2, "goal guarding without 'none'", "admin");
		assertThat(rubrics.currentVersion()).isEqualTo(2);
		assertThat(rubrics.problems(2, "train", java.util.Map.of("goal_guarding", "none"), false))
			.containsExactly("'goal_guarding' takes some or full, not 'none'.");
		assertThat(rubrics.problems(1, "train", java.util.Map.of("goal_guarding", "none"), false)).isEmpty();
	}

}
