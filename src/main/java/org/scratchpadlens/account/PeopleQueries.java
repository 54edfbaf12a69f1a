package org.scratchpadlens.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts table as admins manage it: list, add, change role, (de)activate,
 * passwords.
 */
@Repository
class PeopleQueries {

	private static final String COLUMNS = "username, role, enabled, created_at, last_login_at";

	private final JdbcClient jdbc;

	PeopleQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Person> all() {
		return jdbc.sql("select " + COLUMNS + " from app_user order by lower(username), username")
			.query((rs, n) -> person(rs))
			.list();
	}

	Optional<Person> find(String username) {
		return jdbc.sql("select " + COLUMNS + " from app_user where username = ?")
			.param(username)
			.query((rs, n) -> person(rs))
			.optional();
	}

	/** The account whose name differs from this one at most in case (ada and Ada). */
	Optional<String> sameNameIgnoringCase(String username) {
		return jdbc.sql("select username from app_user where lower(username) = lower(?) order by username")
			.param(username)
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	void insert(String username, String passwordHash, Role role, Instant createdAt) {
		jdbc.sql("insert into app_user (username, password_hash, role, enabled, created_at) values (?, ?, ?, ?, ?)")
			.params(username, passwordHash, role.name(), true, Timestamp.from(createdAt))
			.update();
	}

	/**
	 * Locks the rows of the active admins until the transaction ends, then counts them,
	 * so that two admins demoting or deactivating each other at once cannot leave none:
	 * the second waits for the first to commit, and its count (a statement of its own,
	 * which sees what the first committed) is one fewer.
	 */
	long lockAndCountActiveAdmins() {
		jdbc.sql("select id from app_user where role = ? and enabled order by id for update")
			.param(Role.ADMIN.name())
			.query(Long.class)
			.list();
		return jdbc.sql("select count(*) from app_user where role = ? and enabled")
			.param(Role.ADMIN.name())
			.query(Long.class)
			.single();
	}

	boolean setRole(String username, Role role) {
		return jdbc.sql("update app_user set role = ? where username = ?").params(role.name(), username).update() == 1;
	}

	boolean setActive(String username, boolean active) {
		return jdbc.sql("update app_user set enabled = ? where username = ?").params(active, username).update() == 1;
	}

	boolean setPasswordHash(String username, String passwordHash) {
		return jdbc.sql("update app_user set password_hash = ? where username = ?")
			.params(passwordHash, username)
			.update() == 1;
	}

	Optional<String> passwordHash(String username) {
		return jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.optional();
	}

	void loggedIn(String username, Instant at) {
		jdbc.sql("update app_user set last_login_at = ? where username = ?")
			.params(Timestamp.from(at), username)
			.update();
	}

	private static Person person(ResultSet rs) throws SQLException {
		Timestamp lastLogin = rs.getTimestamp(5);
		return new Person(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3),
				rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC),
				lastLogin == null ? null : lastLogin.toInstant().atOffset(ZoneOffset.UTC));
	}

}
