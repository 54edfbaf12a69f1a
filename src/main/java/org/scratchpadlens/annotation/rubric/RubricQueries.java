package org.scratchpadlens.annotation.rubric;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The published rubric versions. Rows are only ever inserted: a version never changes
 * once published.
 */
@Repository
class RubricQueries {

	/**
	 * A published version as stored: its definition is the JSON text it was published
	 * with.
	 */
	record StoredVersion(int version, String definition, OffsetDateTime publishedAt, String publishedBy,
			String changeNote) {
	}

	private static final String COLUMNS = "select version, definition, published_at, published_by, change_note "
			+ "from rubric_version ";

	private final JdbcClient jdbc;

	RubricQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredVersion> latest() {
		return jdbc.sql(COLUMNS + "where version = (select max(version) from rubric_version)")
			.query(RubricQueries::row)
			.optional();
	}

	Optional<StoredVersion> version(int version) {
		return jdbc.sql(COLUMNS + "where version = ?").param(version).query(RubricQueries::row).optional();
	}

	boolean isEmpty() {
		return jdbc.sql("select count(*) from rubric_version").query(Integer.class).single() == 0;
	}

	/** Every version, newest first, without their definitions. */
	List<StoredVersion> versions() {
		return jdbc.sql("""
				select version, null, published_at, published_by, change_note
				from rubric_version order by version desc""").query(RubricQueries::row).list();
	}

	/**
	 * Publishes a version; false when that version number exists already (someone else
	 * published it first: the unique constraint decides, not this JVM).
	 */
	boolean insert(int version, String definition, String publishedBy, String changeNote, OffsetDateTime at) {
		try {
			return jdbc.sql("""
					insert into rubric_version (version, definition, published_at, published_by, change_note)
					values (?, ?, ?, ?, ?)""").params(version, definition, at, publishedBy, changeNote).update() == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	private static StoredVersion row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new StoredVersion(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
				rs.getString(5));
	}

}
