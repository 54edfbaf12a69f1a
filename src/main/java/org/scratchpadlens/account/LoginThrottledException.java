package org.scratchpadlens.account;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused, without looking at the password, because its account or address failed
 * too often: {@link LoginThrottle}. A {@link LockedException}, so that no other
 * authentication provider is asked instead; its message is the sentence for a person.
 */
class LoginThrottledException extends LockedException {

	private final long seconds;

	LoginThrottledException(long seconds) {
		super("Too many failed logins for this account or from this address: wait " + seconds
				+ " seconds, then try again.");
		this.seconds = seconds;
	}

	long seconds() {
		return seconds;
	}

}
