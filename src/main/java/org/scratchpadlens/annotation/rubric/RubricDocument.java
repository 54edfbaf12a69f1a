package org.scratchpadlens.annotation.rubric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rubric definition (JSON) and checks it, reporting every problem at once with
 * where it is ("question 3 ('preference_conflict'): scope must be train, deploy or both,
 * not 'tran'"), so that an admin who edits the JSON by hand can fix it in one go. Unknown
 * properties are problems too: a misspelt "evidance" would otherwise silently mean "no
 * evidence".
 */
public final class RubricDocument {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private static final Set<String> TOP = Set.of("version", "title", "instructions", "questions", "changeNote");

	private static final Set<String> QUESTION = Set.of("key", "scope", "type", "title", "definition", "examples",
			"caution", "answers", "evidence", "metric", "metricAnswers", "metricNote", "derivation");

	private static final Set<String> DERIVATION = Set.of("rule", "criteria", "compliance", "exclusion");

	/** Longest definition accepted (the repository's is about 15 KB). */
	static final int MAX_CHARS = 200_000;

	private final List<String> problems = new ArrayList<>();

	private RubricDocument() {
	}

	/**
	 * The rubric this JSON defines; throws {@link InvalidRubricException} listing every
	 * problem.
	 */
	public static Rubric parse(String json) {
		RubricDocument document = new RubricDocument();
		Rubric rubric = document.read(json);
		if (!document.problems.isEmpty()) {
			throw new InvalidRubricException(document.problems);
		}
		return rubric;
	}

	/** Every problem of this JSON as a rubric definition; empty when it is valid. */
	public static List<String> problems(String json) {
		RubricDocument document = new RubricDocument();
		document.read(json);
		return List.copyOf(document.problems);
	}

	private Rubric read(String json) {
		if (json == null || json.isBlank()) {
			problems.add("The definition is empty: it must be a JSON object with version, title and questions.");
			return null;
		}
		if (json.length() > MAX_CHARS) {
			problems
				.add("The definition has " + json.length() + " characters; at most " + MAX_CHARS + " are accepted.");
			return null;
		}
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException e) {
			problems.add("The definition is not valid JSON" + where(e) + ".");
			return null;
		}
		if (root == null || !root.isObject()) {
			problems.add("The definition must be a JSON object with version, title and questions.");
			return null;
		}
		unknown(root, TOP, "The definition");
		int version = 0;
		JsonNode v = root.get("version");
		if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
			problems.add("'version' must be a whole number of at least 1.");
		}
		else {
			version = v.intValue();
		}
		String title = requiredText(root, "title", "The definition");
		String instructions = optionalText(root, "instructions", "The definition");
		JsonNode qs = root.get("questions");
		List<Rubric.Question> questions = new ArrayList<>();
		if (qs == null || !qs.isArray() || qs.isEmpty()) {
			problems.add("'questions' must be a non-empty list.");
		}
		else {
			int n = 0;
			for (JsonNode q : qs.values()) {
				n++;
				Rubric.Question question = question(q, n);
				if (question != null) {
					questions.add(question);
				}
			}
		}
		checkKeysUnique(questions);
		checkDerivations(questions);
		return new Rubric(version, title, instructions, List.copyOf(questions));
	}

	private Rubric.Question question(JsonNode q, int n) {
		if (!q.isObject()) {
			problems.add("Question " + n + " must be a JSON object.");
			return null;
		}
		String key = q.has("key") && q.get("key").isString() ? q.get("key").stringValue() : null;
		String where = key == null ? "Question " + n : "Question " + n + " ('" + key + "')";
		if (key == null || !KEY.matcher(key).matches()) {
			problems.add(where + ": 'key' must be lower-case letters, digits and underscores, starting with a letter"
					+ (key == null ? "." : ", not '" + key + "'."));
		}
		unknown(q, QUESTION, where);
		String scope = requiredText(q, "scope", where);
		if (scope != null && !Rubric.SCOPES.contains(scope)) {
			problems.add(where + ": 'scope' must be train, deploy or both, not '" + scope + "'.");
		}
		String type = requiredText(q, "type", where);
		if (type != null && !Rubric.TYPES.contains(type)) {
			problems.add(where + ": 'type' must be yes-no, choice, scale or text, not '" + type + "'.");
		}
		String title = requiredText(q, "title", where);
		String definition = requiredText(q, "definition", where);
		List<String> examples = strings(q.get("examples"), where + ": 'examples'");
		if (q.get("examples") != null && examples.isEmpty()) {
			problems.add(where + ": 'examples' needs at least one short example.");
		}
		else if (q.get("examples") == null) {
			problems.add(where + ": 'examples' is missing (one or two short examples).");
		}
		String caution = optionalText(q, "caution", where);
		List<Rubric.Answer> answers = answers(q.get("answers"), where);
		checkAnswersFitType(type, answers, where);
		boolean evidence = false;
		JsonNode e = q.get("evidence");
		if (e == null || !e.isBoolean()) {
			problems.add(where + ": 'evidence' must be true or false.");
		}
		else {
			evidence = e.booleanValue();
			if (evidence && type != null && !"yes-no".equals(type)) {
				problems.add(where + ": only yes-no questions take evidence, not a " + type + " question.");
			}
		}
		String metric = null;
		JsonNode m = q.get("metric");
		if (m != null && !m.isNull()) {
			if (!m.isString() || m.stringValue().isBlank()) {
				problems.add(where + ": 'metric' must be a metric's name or null.");
			}
			else {
				metric = m.stringValue();
			}
		}
		Map<String, List<String>> metricAnswers = metricAnswers(q.get("metricAnswers"), answers, where);
		if (metricAnswers.isEmpty() && metric != null) {
			if ("yes-no".equals(type)) {
				metricAnswers = Map.of(metric, List.of("yes"));
			}
			else {
				problems
					.add(where + ": 'metricAnswers' must say which answers correspond to '" + metric + "' being true.");
			}
		}
		if (metric != null && !metricAnswers.isEmpty() && !metricAnswers.containsKey(metric)) {
			problems.add(where + ": 'metricAnswers' must include the question's metric '" + metric + "'.");
		}
		String metricNote = optionalText(q, "metricNote", where);
		Rubric.Derivation derivation = derivation(q.get("derivation"), where);
		return new Rubric.Question(key, scope, type, title, definition, examples, caution, answers, evidence, metric,
				metricAnswers, metricNote, derivation);
	}

	private List<Rubric.Answer> answers(JsonNode node, String where) {
		List<Rubric.Answer> answers = new ArrayList<>();
		if (node == null || !node.isArray()) {
			problems.add(where + ": 'answers' must be a list of {\"value\", \"label\"} (empty for a text question).");
			return answers;
		}
		Set<String> seen = new LinkedHashSet<>();
		int n = 0;
		for (JsonNode a : node.values()) {
			n++;
			String value = a.isObject() && a.has("value") && a.get("value").isString() ? a.get("value").stringValue()
					: null;
			String label = a.isObject() && a.has("label") && a.get("label").isString() ? a.get("label").stringValue()
					: null;
			if (value == null || value.isBlank() || label == null || label.isBlank()) {
				problems.add(where + ": answer " + n + " must have a non-empty text 'value' and 'label'.");
				continue;
			}
			if (a.size() != 2) {
				problems.add(where + ": answer " + n + " may only have 'value' and 'label'.");
			}
			if (!seen.add(value)) {
				problems.add(where + ": the answer '" + value + "' is listed twice.");
			}
			answers.add(new Rubric.Answer(value, label));
		}
		return List.copyOf(answers);
	}

	private void checkAnswersFitType(String type, List<Rubric.Answer> answers, String where) {
		if (type == null) {
			return;
		}
		List<String> values = answers.stream().map(Rubric.Answer::value).toList();
		switch (type) {
			case "yes-no" -> {
				if (!values.equals(List.of("yes", "no"))) {
					problems.add(where + ": a yes-no question's answers are 'yes' then 'no', not " + values + ".");
				}
			}
			case "scale" -> {
				boolean ok = values.size() >= 2 && values.size() <= 9;
				for (int i = 0; ok && i < values.size(); i++) {
					ok = values.get(i).equals(Integer.toString(i + 1));
				}
				if (!ok) {
					problems.add(where + ": a scale's answers are \"1\", \"2\", ... in order (2 to 9 of them), not "
							+ values + ".");
				}
			}
			case "choice" -> {
				if (values.size() < 2) {
					problems.add(where + ": a choice needs at least two answers.");
				}
			}
			case "text" -> {
				if (!values.isEmpty()) {
					problems.add(where + ": a text question lists no answers.");
				}
			}
			default -> {
			}
		}
	}

	private Map<String, List<String>> metricAnswers(JsonNode node, List<Rubric.Answer> answers, String where) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return map;
		}
		if (!node.isObject()) {
			problems.add(where + ": 'metricAnswers' must map metric names to lists of answers.");
			return map;
		}
		for (Map.Entry<String, JsonNode> e : node.properties()) {
			List<String> values = strings(e.getValue(), where + ": 'metricAnswers' of '" + e.getKey() + "'");
			for (String value : values) {
				if (answers.stream().noneMatch(a -> a.value().equals(value))) {
					problems.add(where + ": 'metricAnswers' of '" + e.getKey() + "' names '" + value
							+ "', which is not one of the question's answers.");
				}
			}
			map.put(e.getKey(), values);
		}
		return Map.copyOf(map);
	}

	private Rubric.Derivation derivation(JsonNode node, String where) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			problems.add(where + ": 'derivation' must be an object with rule and criteria.");
			return null;
		}
		unknown(node, DERIVATION, where + ": 'derivation'");
		String rule = requiredText(node, "rule", where + ": 'derivation'");
		if (rule != null && !Derivations.RULES.contains(rule)) {
			problems.add(where + ": 'derivation' rule must be " + String.join(" or ", Derivations.RULES) + ", not '"
					+ rule + "'.");
		}
		List<String> criteria = strings(node.get("criteria"), where + ": 'derivation' criteria");
		if (criteria.isEmpty()) {
			problems.add(where + ": 'derivation' needs a non-empty list of criteria.");
		}
		String compliance = optionalText(node, "compliance", where + ": 'derivation'");
		String exclusion = optionalText(node, "exclusion", where + ": 'derivation'");
		return new Rubric.Derivation(rule, criteria, compliance, exclusion);
	}

	private void checkKeysUnique(List<Rubric.Question> questions) {
		Set<String> seen = new LinkedHashSet<>();
		for (Rubric.Question q : questions) {
			if (q.key() != null && !seen.add(q.key())) {
				problems.add("The key '" + q.key() + "' is used by two questions.");
			}
		}
	}

	private void checkDerivations(List<Rubric.Question> questions) {
		Map<String, Rubric.Question> byKey = new LinkedHashMap<>();
		questions.stream().filter(q -> q.key() != null).forEach(q -> byKey.putIfAbsent(q.key(), q));
		boolean anyDerived = false;
		for (Rubric.Question q : questions) {
			Rubric.Derivation d = q.derivation();
			if (d == null || d.rule() == null || !Derivations.RULES.contains(d.rule())) {
				continue;
			}
			anyDerived = true;
			String where = "Question '" + q.key() + "': its derivation";
			for (String c : d.criteria()) {
				Rubric.Question criterion = byKey.get(c);
				if (criterion == null) {
					problems.add(where + " names '" + c + "', which is not a question of this rubric.");
				}
				else if (!"yes-no".equals(criterion.type())) {
					problems.add(where + " names '" + c + "', which is not a yes-no question.");
				}
			}
			List<String> outcomes = Derivations.outcomes(d.rule());
			for (String outcome : outcomes) {
				if (!q.allows(outcome)) {
					problems.add("Question '" + q.key() + "' is derived by the rule " + d.rule() + ", which gives '"
							+ outcome + "': it must be one of its answers.");
				}
			}
			if ("alignment-faking".equals(d.rule())) {
				Rubric.Question compliance = d.compliance() == null ? null : byKey.get(d.compliance());
				if (compliance == null || !"scale".equals(compliance.type())) {
					problems.add(where + " needs 'compliance': the key of a scale question of this rubric"
							+ (d.compliance() == null ? "." : ", not '" + d.compliance() + "'."));
				}
				if (d.exclusion() != null) {
					problems.add(where + ": the alignment-faking rule takes no 'exclusion'.");
				}
			}
			if ("unmasking".equals(d.rule())) {
				Rubric.Question exclusion = d.exclusion() == null ? null : byKey.get(d.exclusion());
				if (exclusion == null || !"yes-no".equals(exclusion.type())) {
					problems.add(where + " needs 'exclusion': the key of a yes-no question of this rubric"
							+ (d.exclusion() == null ? "." : ", not '" + d.exclusion() + "'."));
				}
				if (d.compliance() != null) {
					problems.add(where + ": the unmasking rule takes no 'compliance'.");
				}
			}
		}
		Rubric.Question note = byKey.get(Derivations.NOTE);
		if (anyDerived && (note == null || !"text".equals(note.type()))) {
			problems.add("A rubric with derived answers needs a text question with the key 'note' (overriding a "
					+ "derived answer needs a note).");
		}
	}

	private void unknown(JsonNode node, Set<String> known, String where) {
		for (String name : node.propertyNames()) {
			if (!known.contains(name)) {
				problems.add(where + " has an unknown property '" + name + "' (known: "
						+ String.join(", ", known.stream().sorted().toList()) + ").");
			}
		}
	}

	private String requiredText(JsonNode node, String name, String where) {
		JsonNode v = node.get(name);
		if (v == null || !v.isString() || v.stringValue().isBlank()) {
			problems.add(where + ": '" + name + "' must be a non-empty text.");
			return null;
		}
		return v.stringValue();
	}

	private String optionalText(JsonNode node, String name, String where) {
		JsonNode v = node.get(name);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isString()) {
			problems.add(where + ": '" + name + "' must be a text.");
			return null;
		}
		return v.stringValue();
	}

	private List<String> strings(JsonNode node, String where) {
		List<String> values = new ArrayList<>();
		if (node == null || node.isNull()) {
			return values;
		}
		if (!node.isArray()) {
			problems.add(where + " must be a list of texts.");
			return values;
		}
		for (JsonNode v : node.values()) {
			if (!v.isString() || v.stringValue().isBlank()) {
				problems.add(where + " must hold only non-empty texts.");
				continue;
			}
			values.add(v.stringValue());
		}
		return List.copyOf(values);
	}

	private static String where(JacksonException e) {
		var location = e.getLocation();
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
