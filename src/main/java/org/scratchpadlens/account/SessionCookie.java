package org.scratchpadlens.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The login session's cookie, now that sessions live in the database (Spring Session
 * JDBC): as the servlet container's was, named JSESSIONID, HttpOnly, SameSite=Lax (other
 * sites' forms and scripts do not carry it), Secure over HTTPS, holding the session id as
 * it is (Spring Session would Base64-encode it). Declared here rather than through
 * server.servlet.session.cookie.*, which Spring Boot applies only with an embedded
 * server, so that MockMvc tests see the same cookie as browsers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionCookie {

	static final String NAME = "JSESSIONID";

	@Bean
	CookieSerializer sessionCookieSerializer() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(NAME);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setUseBase64Encoding(false);
		return cookie;
	}

}
