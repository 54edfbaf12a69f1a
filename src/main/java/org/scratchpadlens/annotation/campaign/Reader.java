package org.scratchpadlens.annotation.campaign;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is asking: a username, and whether the account may browse (ADMIN, RESEARCHER) or is
 * an annotator, who sees only the campaigns they rate in.
 */
public record Reader(String username, boolean browser) {

	public static Reader of(Authentication authentication) {
		boolean browser = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_RESEARCHER"));
		return new Reader(authentication.getName(), browser);
	}

}
