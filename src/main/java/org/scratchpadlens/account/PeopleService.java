package org.scratchpadlens.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.scratchpadlens.web.BadRequestException;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The people who may log in, as admins manage them: add, change a role, deactivate and
 * reactivate, reset a password; and each person's own password change. Accounts are never
 * deleted (their labels name them). The last active admin stays an active admin. A change
 * that takes rights away (a role, deactivation, a new password) ends the person's open
 * sessions, so it applies at once rather than at their next login.
 */
@Service
public class PeopleService {

	private static final Logger log = LoggerFactory.getLogger(PeopleService.class);

	static final String LAST_ADMIN = "%s is the last active admin: make someone else an admin first, so that "
			+ "somebody can still manage the people here.";

	private final PeopleQueries people;

	private final PasswordEncoder encoder;

	private final SessionEnder sessions;

	private final ObjectProvider<LoginThrottle> throttle;

	PeopleService(PeopleQueries people, PasswordEncoder encoder, SessionEnder sessions,
			ObjectProvider<LoginThrottle> throttle) {
		this.people = people;
		this.encoder = encoder;
		this.sessions = sessions;
		this.throttle = throttle;
	}

	@Transactional(readOnly = true)
	public List<Person> list() {
		return people.all();
	}

	@Transactional(readOnly = true)
	public Person get(String username) {
		return people.find(username).orElseThrow(() -> notFound(username));
	}

	@Transactional
	public Person add(String username, String password, String role) {
		AccountRules.username(username);
		Role chosen = AccountRules.role(role);
		AccountRules.password(password);
		people.sameNameIgnoringCase(username).ifPresent(existing -> {
			throw taken(username, existing);
		});
		try {
			people.insert(username, encoder.encode(password), chosen, Instant.now());
		}
		catch (DuplicateKeyException e) {
			throw taken(username, username);
		}
		log.info("Added {} as {}", username, chosen);
		return get(username);
	}

	@Transactional
	public Person changeRole(String username, String role) {
		Role chosen = AccountRules.role(role);
		Person person = get(username);
		if (person.role() == chosen) {
			return person;
		}
		if (person.admin() && person.active()) {
			keepAnAdmin(username);
		}
		people.setRole(username, chosen);
		int ended = sessions.endAll(username);
		log.info("Role of {} changed from {} to {} ({} open sessions ended)", username, person.role(), chosen, ended);
		return get(username);
	}

	@Transactional
	public Person deactivate(String username) {
		Person person = get(username);
		if (!person.active()) {
			return person;
		}
		if (person.admin()) {
			keepAnAdmin(username);
		}
		people.setActive(username, false);
		int ended = sessions.endAll(username);
		log.info("Deactivated {} ({} open sessions ended)", username, ended);
		return get(username);
	}

	@Transactional
	public Person reactivate(String username) {
		Person person = get(username);
		if (!person.active()) {
			people.setActive(username, true);
			log.info("Reactivated {}", username);
		}
		return get(username);
	}

	/** An admin sets someone's password; their open sessions end. */
	@Transactional
	public Person resetPassword(String username, String password) {
		get(username);
		AccountRules.password(password);
		people.setPasswordHash(username, encoder.encode(password));
		int ended = sessions.endAll(username);
		log.info("Password of {} reset by an admin ({} open sessions ended)", username, ended);
		return get(username);
	}

	/**
	 * A person changes their own password, knowing the current one; their other sessions
	 * end, the one they are using stays. A wrong current password counts as a failed
	 * login (of this account, from this address) in the {@link LoginThrottle}, so a
	 * borrowed session cannot be used to guess it faster than the login page allows.
	 */
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String newPassword, String keepSessionId,
			String address) {
		String hash = people.passwordHash(username).orElseThrow(() -> notFound(username));
		if (currentPassword == null || currentPassword.isEmpty()) {
			throw new BadRequestException("The current password is missing.");
		}
		LoginThrottle logins = throttle.getIfAvailable();
		long wait = logins == null ? 0 : logins.secondsToWait(username, address);
		if (wait > 0) {
			logins.refused(username, address, wait);
			throw new TooManyAttemptsException(wait);
		}
		if (!encoder.matches(currentPassword, hash)) {
			if (logins != null) {
				logins.failed(username, address);
			}
			throw new WrongPasswordException();
		}
		AccountRules.password(newPassword);
		if (newPassword.equals(currentPassword)) {
			throw new BadRequestException("The new password is the same as the current one; choose another.");
		}
		people.setPasswordHash(username, encoder.encode(newPassword));
		int ended = sessions.end(username, keepSessionId == null ? Set.of() : Set.of(keepSessionId));
		log.info("{} changed their password ({} other sessions ended)", username, ended);
	}

	/** Called after a login through the login page. */
	@Transactional
	public void loggedIn(String username) {
		people.loggedIn(username, Instant.now());
	}

	/**
	 * Refuses when this admin is the only active one (locking the admins' rows first).
	 */
	private void keepAnAdmin(String username) {
		if (people.lockAndCountActiveAdmins() <= 1) {
			throw new ConflictException(LAST_ADMIN.formatted(username));
		}
	}

	private static NotFoundException notFound(String username) {
		return new NotFoundException("There is no person with the username '" + username + "'.");
	}

	private static ConflictException taken(String username, String existing) {
		return new ConflictException(existing.equals(username) ? "The username '" + username + "' is taken."
				: "The username '" + username + "' is too close to the existing '" + existing
						+ "' (they differ only in upper and lower case); choose another.");
	}

	/** Too many wrong passwords for this account or from this address: a 429. */
	@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	static class TooManyAttemptsException extends RuntimeException {

		private final long seconds;

		TooManyAttemptsException(long seconds) {
			super("Too many wrong passwords for this account or from this address: wait " + seconds
					+ " seconds, then try again.");
			this.seconds = seconds;
		}

		long seconds() {
			return seconds;
		}

	}

	/** The current password given to change one's own is not the right one. */
	static class WrongPasswordException extends BadRequestException {

		WrongPasswordException() {
			super("The current password is not right.");
		}

	}

}
