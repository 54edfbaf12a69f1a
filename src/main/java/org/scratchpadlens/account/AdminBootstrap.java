package org.scratchpadlens.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first admin when the store has none: ADMIN_USERNAME (default admin) and
 * ADMIN_PASSWORD, or a generated password printed once in the log. An existing admin is
 * never touched, so a restart changes nothing. ADMIN_PASSWORD follows the password rules
 * of everyone else (at least 10 characters): a shorter one stops the start.
 */
@Component
@Order(0)
@ConditionalOnWebApplication
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	private final String username;

	private final String password;

	private final boolean reset;

	private final SessionEnder sessions;

	AdminBootstrap(AppUserRepository users, PasswordEncoder encoder, SessionEnder sessions,
			@Value("${ADMIN_USERNAME:admin}") String username, @Value("${ADMIN_PASSWORD:}") String password,
			@Value("${ADMIN_RESET_PASSWORD:false}") boolean reset) {
		this.sessions = sessions;
		this.reset = reset;
		this.users = users;
		this.encoder = encoder;
		this.username = username;
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		refuseAWeakPassword();
		if (users.existsByRole(Role.ADMIN)) {
			resetOrExplain();
			return;
		}
		String chosen = password;
		if (chosen == null || chosen.isBlank()) {
			byte[] bytes = new byte[15];
			new SecureRandom().nextBytes(bytes);
			chosen = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			log.warn(
					"\n\n    Created admin user '{}' with generated password: {}\n"
							+ "    (shown once; set ADMIN_PASSWORD before the first start to choose it)\n",
					username, chosen);
		}
		else {
			log.info("Created admin user '{}' from ADMIN_USERNAME/ADMIN_PASSWORD", username);
		}
		users.save(new AppUser(username, encoder.encode(chosen), Role.ADMIN));
	}

	/**
	 * An ADMIN_PASSWORD that the password rules refuse (fewer than 10 characters) stops
	 * the start with the reason, rather than creating an admin anyone can guess or
	 * quietly ignoring what was set. It is checked whether or not it would be used: a
	 * start that works today would otherwise fail the day the store is new.
	 */
	private void refuseAWeakPassword() {
		if (password == null || password.isBlank()) {
			return;
		}
		String problem = AccountRules.passwordProblem(password);
		if (problem != null) {
			throw new IllegalStateException("ADMIN_PASSWORD cannot be used: " + problem
					+ " Set a longer one, or unset it to have a password generated and printed in the log.");
		}
	}

	/**
	 * ADMIN_PASSWORD is for the first start; ADMIN_RESET_PASSWORD=true applies it to an
	 * existing admin.
	 */
	private void resetOrExplain() {
		if (password == null || password.isBlank()) {
			return;
		}
		AppUser admin = users.findByUsername(username).orElse(null);
		if (reset && admin != null) {
			admin.changePassword(encoder.encode(password));
			users.save(admin);
			// sessions outlive a restart now (they are in the database): the old
			// password's sessions end with it
			int ended = sessions.endAll(username);
			log.warn("Password of admin '{}' reset from ADMIN_PASSWORD (ADMIN_RESET_PASSWORD=true), {} open sessions "
					+ "ended: unset it now", username, ended);
		}
		else {
			log.info("An admin exists already, so ADMIN_PASSWORD is ignored (it sets the first admin's password). "
					+ "To reset the password of '{}', start once with ADMIN_RESET_PASSWORD=true.", username);
		}
	}

}
