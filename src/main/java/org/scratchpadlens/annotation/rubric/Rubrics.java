package org.scratchpadlens.annotation.rubric;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.scratchpadlens.annotation.RubricRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The rubric's versions: the current one, any earlier one, publishing a new one, and the
 * rules labels are checked against. The database is the truth; parsed definitions are
 * kept in memory by their text (a version's text never changes), so every request still
 * asks the database which version is current.
 */
@Service
public class Rubrics implements RubricRules {

	private static final Logger log = LoggerFactory.getLogger(Rubrics.class);

	/** Who published the versions seeded from the repository's file. */
	static final String FILE_PUBLISHER = "rubric file";

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** Longest note accepted in a label (a rater's note, not a document). */
	static final int MAX_NOTE = 10_000;

	private final RubricQueries queries;

	private final Map<String, Rubric> parsed = new ConcurrentHashMap<>();

	private final Supplier<String> file;

	@Autowired
	Rubrics(RubricQueries queries) {
		this(queries, RubricFile::read);
	}

	/** With another rubric file (tests: a newer file than the store's). */
	Rubrics(RubricQueries queries, Supplier<String> file) {
		this.queries = queries;
		this.file = file;
	}

	/** A version with who published it and when. */
	public record Published(Rubric rubric, String definition, OffsetDateTime publishedAt, String publishedBy,
			String changeNote) {
	}

	/**
	 * Publishes the repository's rubric file when the store holds no version, or only
	 * older ones. Two instances starting at once may both try: the unique version lets
	 * one insert, and the other finds it there.
	 * @return the version published, or empty when the store was up to date
	 */
	public Optional<Integer> seedFromFile() {
		String text = file.get();
		Rubric fromFile = RubricDocument.parse(text);
		Optional<RubricQueries.StoredVersion> latest = queries.latest();
		if (latest.isPresent() && latest.get().version() >= fromFile.version()) {
			if (latest.get().version() == fromFile.version() && !latest.get().definition().equals(text)
					&& FILE_PUBLISHER.equals(latest.get().publishedBy())) {
				log.warn("The rubric file {} differs from the published version {} but has the same version number; "
						+ "raise its version to publish it", RubricFile.PATH, fromFile.version());
			}
			return Optional.empty();
		}
		if (queries.insert(fromFile.version(), text, FILE_PUBLISHER, "From " + RubricFile.PATH,
				OffsetDateTime.now(ZoneOffset.UTC))) {
			log.info("Published rubric version {} from {}", fromFile.version(), RubricFile.PATH);
			return Optional.of(fromFile.version());
		}
		return Optional.empty();
	}

	/**
	 * The current (latest) version; seeds the store first if it holds none (a store
	 * emptied while running).
	 */
	public Published current() {
		Optional<RubricQueries.StoredVersion> latest = queries.latest();
		if (latest.isEmpty()) {
			seedFromFile();
			latest = queries.latest();
		}
		return published(latest.orElseThrow(() -> new IllegalStateException("No rubric version could be seeded")));
	}

	public Optional<Published> version(int version) {
		if (version < 1) {
			return Optional.empty();
		}
		Optional<RubricQueries.StoredVersion> stored = queries.version(version);
		if (stored.isEmpty() && queries.isEmpty()) {
			seedFromFile();
			stored = queries.version(version);
		}
		return stored.map(this::published);
	}

	/** Every published version, newest first (definitions left out). */
	public List<Published> history() {
		current();
		return queries.versions()
			.stream()
			.map(v -> new Published(null, null, v.publishedAt(), v.publishedBy(), v.changeNote()))
			.toList();
	}

	/** Version numbers, newest first, beside {@link #history()}. */
	public List<Integer> versionNumbers() {
		return queries.versions().stream().map(RubricQueries.StoredVersion::version).toList();
	}

	/**
	 * Publishes a definition as the next version. Its "version", if given, must be the
	 * next number; if left out, the next number is written in. A "changeNote" property is
	 * taken out of the definition and kept beside it.
	 * @throws InvalidRubricException listing every problem; nothing is saved then
	 */
	public Published publish(String json, String changeNote, String publishedBy) {
		int next = current().rubric().version() + 1;
		JsonNode tree;
		try {
			tree = json == null || json.length() > RubricDocument.MAX_CHARS ? null : PRETTY.readTree(json);
		}
		catch (JacksonException e) {
			tree = null;
		}
		if (!(tree instanceof ObjectNode root)) {
			throw new InvalidRubricException(RubricDocument.problems(json));
		}
		JsonNode note = root.remove("changeNote");
		if ((changeNote == null || changeNote.isBlank()) && note != null && note.isString()) {
			changeNote = note.stringValue();
		}
		JsonNode given = root.get("version");
		if (given != null && !(given.isIntegralNumber() && given.canConvertToInt() && given.intValue() == next)) {
			throw new InvalidRubricException(List.of("'version' must be " + next + ", the next version (version "
					+ (next - 1) + " is the current one), or be left out; it was " + given + "."));
		}
		if (changeNote != null && changeNote.length() > 2000) {
			throw new InvalidRubricException(
					List.of("The change note has " + changeNote.length() + " characters; at most 2000 are accepted."));
		}
		String text = withVersion(root, next);
		Rubric rubric = RubricDocument.parse(text);
		String kept = changeNote == null || changeNote.isBlank() ? null : changeNote.strip();
		if (!queries.insert(next, text, publishedBy, kept, OffsetDateTime.now(ZoneOffset.UTC))) {
			throw new VersionTakenException(next);
		}
		log.info("{} published rubric version {}", publishedBy, next);
		return version(rubric.version()).orElseThrow();
	}

	/**
	 * The definition with its version set to {@code next}: where an admin starts editing
	 * the next version.
	 */
	static String nextDraft(String definition, int next) {
		return withVersion((ObjectNode) PRETTY.readTree(definition), next);
	}

	/** The definition as JSON text with "version" first, set to {@code version}. */
	private static String withVersion(ObjectNode root, int version) {
		ObjectNode ordered = PRETTY.createObjectNode();
		ordered.put("version", version);
		root.remove("version");
		ordered.setAll(root);
		return PRETTY.writeValueAsString(ordered);
	}

	/** Someone published the same version number a moment earlier. */
	public static class VersionTakenException extends RuntimeException {

		VersionTakenException(int version) {
			super("Version " + version + " was published by someone else a moment ago: reload to see it, then publish "
					+ "your changes as the next version.");
		}

	}

	private Published published(RubricQueries.StoredVersion stored) {
		Rubric rubric = parsed.computeIfAbsent(stored.definition(), RubricDocument::parse);
		return new Published(rubric, stored.definition(), stored.publishedAt(), stored.publishedBy(),
				stored.changeNote());
	}

	@Override
	public int currentVersion() {
		return current().rubric().version();
	}

	@Override
	public List<String> problems(int version, String scope, Map<String, String> answers, boolean isFinal) {
		Optional<Published> found = version(version);
		if (found.isEmpty()) {
			return List.of("There is no rubric version " + version + ".");
		}
		return problems(found.get().rubric(), scope, answers, isFinal);
	}

	@Override
	public void addDerived(int version, String scope, Map<String, String> answers) {
		version(version).ifPresent(published -> {
			Rubric rubric = published.rubric();
			for (Rubric.Question q : rubric.questionsFor(scope)) {
				String given = answers.get(q.key());
				if (q.derivation() != null && (given == null || given.isEmpty())) {
					String derived = Derivations.derive(rubric, q, answers);
					if (derived != null) {
						answers.put(q.key(), derived);
					}
				}
			}
		});
	}

	/** {@link #problems(int, String, Map, boolean)} for a rubric at hand. */
	public static List<String> problems(Rubric rubric, String scope, Map<String, String> answers, boolean isFinal) {
		List<String> problems = new ArrayList<>();
		if (!Rubric.TRANSCRIPT_SCOPES.contains(scope)) {
			problems.add("The scope must be train, deploy or masked, not '" + scope + "'.");
			return problems;
		}
		Map<String, String> given = answers == null ? Map.of() : answers;
		for (Map.Entry<String, String> e : given.entrySet()) {
			String key = e.getKey();
			String value = e.getValue();
			Optional<Rubric.Question> question = rubric.question(key);
			if (question.isEmpty()) {
				problems.add("'" + key + "' is not a question of rubric version " + rubric.version() + ".");
				continue;
			}
			Rubric.Question q = question.get();
			if (!q.askedIn(scope)) {
				problems.add("'" + key + "' is not asked of "
						+ ("train".equals(scope) ? "training-condition" : "unmonitored") + " transcripts.");
				continue;
			}
			if (value == null || (!"text".equals(q.type()) && value.isEmpty())) {
				continue;
			}
			if ("text".equals(q.type())) {
				if (value.length() > MAX_NOTE) {
					problems.add("'" + key + "' has " + value.length() + " characters; at most " + MAX_NOTE
							+ " are accepted.");
				}
			}
			else if (!q.allows(value)) {
				problems.add("'" + key + "' takes " + q.allowedAnswers() + ", not '" + shorten(value) + "'.");
			}
		}
		if (isFinal && problems.isEmpty()) {
			String note = given.get(Derivations.NOTE);
			boolean noNote = note == null || note.isBlank();
			for (Rubric.Question q : rubric.questionsFor(scope)) {
				String answer = given.get(q.key());
				if (q.derivation() == null || answer == null || answer.isEmpty()) {
					continue;
				}
				String derived = Derivations.derive(rubric, q, given);
				if (derived != null && !derived.equals(answer) && noNote) {
					problems.add("Overriding the derived '" + q.key() + "' ('" + derived + "') with '" + answer
							+ "' needs a note saying why.");
				}
			}
		}
		return List.copyOf(problems);
	}

	@Override
	public boolean takesEvidence(int version, String questionKey) {
		return version(version).flatMap(p -> p.rubric().question(questionKey))
			.map(Rubric.Question::evidence)
			.orElse(false);
	}

	private static String shorten(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

}
