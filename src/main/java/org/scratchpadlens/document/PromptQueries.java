package org.scratchpadlens.document;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * System prompts and where they are used. A transcript's use of a prompt is read from
 * {@code transcript.system_prompt_id}: the importer sets it and its system message's
 * {@code message.system_prompt_id} from the same prompt, and the message table is too
 * large to scan for a page (see docs/decisions/0008).
 */
@Repository
public class PromptQueries {

	/** How much of a prompt the list shows. */
	static final int BEGINNING_CHARS = 160;

	private final JdbcClient jdbc;

	PromptQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, String sha256, int chars, String beginning) {
	}

	List<Row> prompts() {
		return jdbc
			.sql("select id, sha256, char_length, substring(content, 1, " + BEGINNING_CHARS
					+ ") from system_prompt order by id")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
			.list();
	}

	List<PromptFileRef> files() {
		return jdbc
			.sql("select variation, kind, file_name, system_prompt_id from prompt_file"
					+ " order by variation, kind, file_name, system_prompt_id")
			.query((rs, n) -> new PromptFileRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	List<PromptFileRef> files(long promptId) {
		return jdbc
			.sql("select variation, kind, file_name, system_prompt_id from prompt_file"
					+ " where system_prompt_id = ? order by variation, kind, file_name")
			.param(promptId)
			.query((rs, n) -> new PromptFileRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Every (prompt, run) with the number of the run's current transcripts carrying it.
	 */
	List<PromptRunUse> uses() {
		return uses("", new Object[0]);
	}

	List<PromptRunUse> uses(long promptId) {
		return uses(" and t.system_prompt_id = ?", new Object[] { promptId });
	}

	private List<PromptRunUse> uses(String and, Object[] params) {
		return jdbc.sql("""
				select t.system_prompt_id, r.id, r.path, r.variation, r.sample, count(*)
				from transcript t join run r on r.id = t.run_id
				where t.is_current and t.system_prompt_id is not null""" + and + """

				group by t.system_prompt_id, r.id, r.path, r.variation, r.sample
				order by r.sample, r.path, t.system_prompt_id""")
			.params(params)
			.query((rs, n) -> new PromptRunUse(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getLong(6)))
			.list();
	}

	record Text(long id, String sha256, String content) {
	}

	Optional<Text> text(long id) {
		return jdbc.sql("select id, sha256, content from system_prompt where id = ?")
			.param(id)
			.query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

}
