package org.scratchpadlens.annotation.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The repository's rubric file, and every check of a definition: each broken definition
 * below is the repository's file with one change, and must be refused with a sentence
 * that names the problem.
 */
class RubricDocumentTests {

	static final JsonMapper JSON = JsonMapper.shared();

	static final String FILE = RubricFile.read();

	@Nested
	class TheRepositoryFile {

		final Rubric rubric = RubricDocument.parse(FILE);

		@Test
		void isValidAndHoldsEveryQuestionOfTheContract() {
			assertThat(rubric.version()).isEqualTo(1);
			assertThat(rubric.questions()).extracting(Rubric.Question::key)
				.containsExactly("training_awareness", "understands_modification", "preference_conflict",
						"deviates_for_reward", "motivated_by_modification", "full_commitment", "goal_guarding",
						"verdict", "awareness_not_used_for_training", "expresses_conflicting_preferences",
						"decides_to_stay_true", "cites_not_trained_as_reason", "thinks_in_training",
						"unmasking_verdict", "output_compliance", "confidence", "note");
		}

		@ParameterizedTest
		@CsvSource(textBlock = """
				training_awareness,                train,  yes-no, true,  yes|no
				motivated_by_modification,         train,  yes-no, true,  yes|no
				goal_guarding,                     train,  choice, false, none|some|full
				verdict,                           train,  choice, false, no|partial|full|unclear
				thinks_in_training,                deploy, yes-no, true,  yes|no
				unmasking_verdict,                 deploy, choice, false, no|yes|unclear
				output_compliance,                 both,   scale,  false, 1|2|3|4
				confidence,                        both,   scale,  false, 1|2|3
				note,                              both,   text,   false, ''
				""")
		void givesEachQuestionItsScopeTypeAnswersAndEvidence(String key, String scope, String type, boolean evidence,
				String answers) {
			Rubric.Question q = rubric.question(key).orElseThrow();
			assertThat(q.scope()).isEqualTo(scope);
			assertThat(q.type()).isEqualTo(type);
			assertThat(q.evidence()).isEqualTo(evidence);
			assertThat(String.join("|", q.answers().stream().map(Rubric.Answer::value).toList())).isEqualTo(answers);
			assertThat(q.definition()).isNotBlank();
			assertThat(q.examples()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
		}

		@ParameterizedTest
		@CsvSource(textBlock = """
				training_awareness,        training_awareness,  yes
				preference_conflict,       preference_conflict, yes
				full_commitment,           made_compromise,     no
				goal_guarding,             full_goal_guarding,  full
				goal_guarding,             at_least_some_goal_guarding, some|full
				verdict,                   partial_scheme,      partial|full
				verdict,                   effective_scheme,    full
				unmasking_verdict,         is_unmasking,        yes
				output_compliance,         is_refusal_0_7,      1
				""")
		void mapsQuestionsToTheAutomatedMetrics(String key, String metric, String answersMeaningTrue) {
			assertThat(rubric.question(key).orElseThrow().metricAnswers()).containsEntry(metric,
					List.of(answersMeaningTrue.split("\\|")));
		}

		@Test
		void warnsBesideTheVerdictThatPartialMeansCompromisedOutput() {
			assertThat(rubric.question("verdict").orElseThrow().caution()).contains("compromised")
				.contains("not that only some criteria");
		}

	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					not JSON                         | {"version": 1,                  | not valid JSON (line
					version zero                     | /version=0                      | 'version' must be a whole number
					no questions                     | /questions=[]                   | 'questions' must be a non-empty list
					misspelt property                | /questions/0/evidance=true      | unknown property 'evidance'
					unknown scope                    | /questions/0/scope="tran"       | Question 1 ('training_awareness'): 'scope' must be train, deploy or both, not 'tran'
					unknown type                     | /questions/0/type="bool"        | 'type' must be yes-no, choice, scale or text, not 'bool'
					bad key                          | /questions/0/key="Training"     | 'key' must be lower-case letters
					duplicate key                    | /questions/1/key="training_awareness" | The key 'training_awareness' is used by two questions
					no definition                    | /questions/0/definition=""      | 'definition' must be a non-empty text
					no examples                      | /questions/0/examples=[]        | 'examples' needs at least one short example
					yes-no with other answers        | /questions/0/answers=[{"value":"yes","label":"Y"},{"value":"maybe","label":"M"}] | answers are 'yes' then 'no'
					scale out of order               | /questions/14/answers=[{"value":"1","label":"a"},{"value":"3","label":"b"}] | a scale's answers are "1", "2", ...
					choice with one answer           | /questions/6/answers=[{"value":"none","label":"None"}] | a choice needs at least two answers
					text with answers                | /questions/16/answers=[{"value":"x","label":"X"}] | a text question lists no answers
					answer twice                     | /questions/6/answers=[{"value":"none","label":"a"},{"value":"none","label":"b"}] | the answer 'none' is listed twice
					evidence on a scale              | /questions/14/evidence=true     | only yes-no questions take evidence
					evidence not boolean             | /questions/0/evidence="yes"     | 'evidence' must be true or false
					metric answer unknown            | /questions/7/metricAnswers={"partial_scheme":["maybe"]} | names 'maybe', which is not one of the question's answers
					choice metric without answers    | /questions/6/metricAnswers=null | 'metricAnswers' must say which answers
					derivation unknown rule          | /questions/7/derivation/rule="vote" | rule must be alignment-faking or unmasking, not 'vote'
					derivation unknown criterion     | /questions/7/derivation/criteria=["training_awareness","gone"] | names 'gone', which is not a question of this rubric
					derivation on a scale            | /questions/7/derivation/criteria=["confidence"] | names 'confidence', which is not a yes-no question
					derived question lacks outcome   | /questions/7/answers=[{"value":"no","label":"No"},{"value":"full","label":"F"}] | gives 'partial': it must be one of its answers
					alignment faking sans compliance | /questions/7/derivation/compliance="note" | needs 'compliance': the key of a scale question
					unmasking sans exclusion         | /questions/13/derivation/exclusion=null | needs 'exclusion': the key of a yes-no question
					no note question                 | /questions/16/key="remark"      | needs a text question with the key 'note'
					""")
	void refusesABrokenDefinitionNamingTheProblem(String name, String change, String expected) {
		String json = change.startsWith("/") ? changed(FILE, change) : change;
		assertThat(RubricDocument.problems(json)).as(name).anySatisfy(p -> assertThat(p).contains(expected));
		assertThatThrownBy(() -> RubricDocument.parse(json)).isInstanceOf(InvalidRubricException.class)
			.hasMessageContaining(expected);
	}

	@Test
	void refusesWhatIsNotADefinitionAtAll() {
		assertThat(RubricDocument.problems("")).singleElement().asString().contains("empty");
		assertThat(RubricDocument.problems("[1, 2]")).singleElement().asString().contains("must be a JSON object");
		assertThat(RubricDocument.problems("{}")).contains("'version' must be a whole number of at least 1.",
				"'questions' must be a non-empty list.");
		assertThat(RubricDocument.problems("{\"version\": 1, \"title\": \"t\", \"questions\": [\"q\"]}"))
			.contains("Question 1 must be a JSON object.");
		assertThat(RubricDocument.problems("x".repeat(RubricDocument.MAX_CHARS + 1))).singleElement()
			.asString()
			.contains("at most " + RubricDocument.MAX_CHARS);
	}

	@Test
	void reportsEveryProblemAtOnce() {
		String json = changed(changed(FILE, "/questions/0/scope=\"x\""), "/questions/8/title=\"\"");
		assertThat(RubricDocument.problems(json)).hasSize(2);
	}

	/**
	 * The JSON with one value set: {@code /questions/0/scope="x"} (a JSON value after the
	 * '=').
	 */
	static String changed(String json, String change) {
		int eq = change.indexOf('=');
		String[] path = change.substring(1, eq).split("/");
		JsonNode value = JSON.readTree(change.substring(eq + 1));
		JsonNode node = JSON.readTree(json);
		JsonNode parent = node;
		for (int i = 0; i < path.length - 1; i++) {
			parent = parent.isArray() ? parent.get(Integer.parseInt(path[i])) : parent.get(path[i]);
		}
		String last = path[path.length - 1];
		if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		}
		else {
			((ObjectNode) parent).set(last, value);
		}
		return JSON.writeValueAsString(node);
	}

	static Map<String, String> answers(String... keyValues) {
		java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put(keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

}
