package org.scratchpadlens.account;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Where the browser pages keep their CSRF token: a cookie that the app's scripts can read
 * (Swagger UI sends it back in the X-XSRF-TOKEN header). Lax: other sites' forms do not
 * send it.
 */
public final class CsrfCookie {

	private CsrfCookie() {
	}

	public static CookieCsrfTokenRepository repository() {
		CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
		cookie.setCookieCustomizer(c -> c.sameSite("Lax"));
		return cookie;
	}

}
