package org.scratchpadlens.annotation.rubric;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A published rubric version as the API answers it: the definition's fields, and who
 * published it when.
 */
record RubricJson(int version, String title, String instructions, OffsetDateTime publishedAt, String publishedBy,
		String changeNote, List<Rubric.Question> questions) {

	static RubricJson of(Rubrics.Published p) {
		Rubric r = p.rubric();
		return new RubricJson(r.version(), r.title(), r.instructions(), p.publishedAt(), p.publishedBy(),
				p.changeNote(), r.questions());
	}

	/** One line of the version list. */
	record VersionLine(int version, OffsetDateTime publishedAt, String publishedBy, String changeNote) {
	}

}
