package org.scratchpadlens.transcript;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in reader of the current request. */
public final class Readers {

	private Readers() {
	}

	/** The reader's username, or null outside a logged-in request. */
	public static String current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? null : auth.getName();
	}

}
