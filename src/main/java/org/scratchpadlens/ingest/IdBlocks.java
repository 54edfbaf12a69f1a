package org.scratchpadlens.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ids for bulk rows, taken from {@code bulk_id_seq} a block of 1000 at a time, so parent
 * and child rows can be inserted in the same JDBC batch without asking the database for
 * each generated key.
 */
final class IdBlocks {

	private static final int BLOCK = 1000;

	private final JdbcTemplate jdbc;

	private final String nextValSql;

	private long next;

	private long limit;

	IdBlocks(JdbcTemplate jdbc, boolean postgres) {
		this.jdbc = jdbc;
		this.nextValSql = postgres ? "select nextval('bulk_id_seq')" : "select next value for bulk_id_seq";
	}

	long next() {
		if (next >= limit) {
			Long start = jdbc.queryForObject(nextValSql, Long.class);
			next = start;
			limit = start + BLOCK;
		}
		return next++;
	}

}
