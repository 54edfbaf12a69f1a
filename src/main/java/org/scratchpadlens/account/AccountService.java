package org.scratchpadlens.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts; rater management pages arrive with the labelling issue and build on
 * this.
 */
@Service
public class AccountService {

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	AccountService(AppUserRepository users, PasswordEncoder encoder) {
		this.users = users;
		this.encoder = encoder;
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return users.findByUsername(username).isPresent();
	}

	@Transactional
	public void create(String username, String password, Role role) {
		if (users.findByUsername(username).isPresent()) {
			throw new IllegalArgumentException("user '" + username + "' exists already");
		}
		users.save(new AppUser(username, encoder.encode(password), role));
	}

}
