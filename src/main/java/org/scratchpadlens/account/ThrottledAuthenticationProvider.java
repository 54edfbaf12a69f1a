package org.scratchpadlens.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check, from the login form and from HTTP Basic, passes through the
 * {@link LoginThrottle}: a login whose account or address must wait is refused before its
 * password is looked at.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication login) {
		String username = login.getName();
		String address = address(login);
		long wait = throttle.secondsToWait(username, address);
		if (wait > 0) {
			throttle.refused(username, address, wait);
			throw new LoginThrottledException(wait);
		}
		try {
			Authentication done = passwords.authenticate(login);
			if (done != null && done.isAuthenticated()) {
				throttle.succeeded(username);
			}
			return done;
		}
		catch (BadCredentialsException e) {
			throttle.failed(username, address);
			throw e;
		}
	}

	/** The client address the form and Basic filters record with the login. */
	static String address(Authentication login) {
		return login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}

}
