package org.scratchpadlens.account;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A person who may log in, as admins see them on /users and in {@code GET /api/users}.
 * {@code active} false: deactivated, cannot log in, their labels stay.
 * {@code lastLoginAt}: their last login through the login page (null until then). Times
 * in UTC.
 */
@Schema(name = "Person", example = """
		{"username": "ada", "role": "ANNOTATOR", "active": true, "createdAt": "2026-12-01T17:30:00Z", \
		"lastLoginAt": null}""")
public record Person(String username, Role role, boolean active, OffsetDateTime createdAt, OffsetDateTime lastLoginAt) {

	public boolean admin() {
		return role == Role.ADMIN;
	}

}
