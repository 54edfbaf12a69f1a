package org.scratchpadlens.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.scratchpadlens.web.BadRequestException;

/**
 * What a username, a password and a role may be, with the sentence that says so when they
 * are not. The same rules for the admin pages, the API and ADMIN_PASSWORD at start.
 */
public final class AccountRules {

	public static final int MIN_PASSWORD = 10;

	/**
	 * BCrypt reads at most 72 bytes; a longer password would be refused by the encoder.
	 */
	public static final int MAX_PASSWORD_BYTES = 72;

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	static final String USERNAME_RULE = "A username is 1 to 100 characters: letters A–Z or a–z, digits, '.', '_' "
			+ "and '-' (no spaces).";

	private AccountRules() {
	}

	/** The username, or a 400 that says what is allowed. */
	static String username(String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new BadRequestException((username == null || username.isEmpty() ? "The username is missing. "
					: "'" + shorten(username) + "' is not a valid username. ") + USERNAME_RULE);
		}
		return username;
	}

	/** Why this password cannot be used, or null when it can. */
	public static String passwordProblem(String password) {
		if (password == null || password.isEmpty()) {
			return "The password is missing; it must be at least " + MIN_PASSWORD + " characters.";
		}
		if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
			return "The password is too short: at least " + MIN_PASSWORD + " characters.";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			return "The password is too long: at most " + MAX_PASSWORD_BYTES
					+ " bytes (72 plain letters or digits; fewer for accented letters and other scripts).";
		}
		return null;
	}

	static String password(String password) {
		String problem = passwordProblem(password);
		if (problem != null) {
			throw new BadRequestException(problem);
		}
		return password;
	}

	/** ADMIN, RESEARCHER... in any case; a 400 that lists the roles otherwise. */
	static Role role(String role) {
		if (role != null) {
			for (Role r : Role.values()) {
				if (r.name().equalsIgnoreCase(role.strip())) {
					return r;
				}
			}
		}
		throw new BadRequestException(
				(role == null || role.isBlank() ? "The role is missing. " : "'" + shorten(role) + "' is not a role. ")
						+ "The role is one of " + roleList() + ".");
	}

	static String roleList() {
		return Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
	}

	private static String shorten(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

}
