package org.scratchpadlens.account;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Every page and API call needs a login. People use form login with CSRF. Scripts use
 * HTTP Basic: a request that carries an Authorization header to /api/** or /export/** is
 * stateless and needs no CSRF token; Basic is also accepted on every GET.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

	/**
	 * Told to a page's script (or a script that sent a session cookie) that changed
	 * something under /api without a valid CSRF token.
	 */
	private static final String API_CSRF_MESSAGE = "The CSRF token is missing or out of date. A script in a Scratchpad "
			+ "Lens page sends the token from the page's <meta name=\"_csrf\"> tag in the header named by its "
			+ "<meta name=\"_csrf_header\"> tag (reload the page if it is old); a script outside the browser "
			+ "uses HTTP Basic instead (curl -u USER:PASSWORD), which needs no token.";

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	@Bean
	@Order(1)
	SecurityFilterChain scriptChain(HttpSecurity http) throws Exception {
		// A script is a call to /api or /export that carries credentials, or that has no
		// browser session at
		// all (then it gets 401 and a Basic challenge, not a CSRF 403 that would mislead
		// its author).
		http.securityMatcher(request -> isScriptPath(request)
				&& (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null))
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	private static boolean isScriptPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/export/");
	}

	@Bean
	@Order(2)
	SecurityFilterChain browserChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error")
			.permitAll()
			.requestMatchers(HttpMethod.DELETE, "/api/imports/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.requestCache(cache -> cache.requestCache(pagesAskedFor()))
			.httpBasic(Customizer.withDefaults())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(ex -> ex.accessDeniedHandler(SecurityConfig::deny));
		return http.build();
	}

	/**
	 * After login, the page that was asked for, at its own address. Spring Security adds
	 * {@code ?continue} to it so that only that request looks for a saved one in the
	 * session; without the parameter every request does, which is a lookup in a map.
	 * Supplying the cache replaces Spring Security's choice of what to save, so it is
	 * said here: what a person navigated to, not a favicon, an htmx fragment or a
	 * script's call (after login those would show a bare fragment or JSON).
	 */
	private static RequestCache pagesAskedFor() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		cache.setRequestMatcher(SecurityConfig::isPageNavigation);
		return cache;
	}

	private static boolean isPageNavigation(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return HttpMethod.GET.matches(request.getMethod()) && accept != null
				&& accept.contains(MediaType.TEXT_HTML_VALUE) && request.getHeader("HX-Request") == null
				&& request.getHeader("X-Requested-With") == null;
	}

	/**
	 * A missing or stale CSRF token. Under /api: a JSON 403 that says how to send the
	 * token, or to use Basic. On a form, when the session expired (or the server
	 * restarted), say so and offer the login rather than "your account may not do this";
	 * when the session is still valid the page was just out of date (the user logged in
	 * again in another tab, for instance): the error page says to reload it (the
	 * CsrfException under {@link WebAttributes#ACCESS_DENIED_403} tells the error page).
	 */
	private static void deny(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException, ServletException {
		if (e instanceof CsrfException && !response.isCommitted()) {
			if (isApiPath(request)) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getOutputStream()
					.write(JsonMapper.shared().writeValueAsBytes(Map.of("error", API_CSRF_MESSAGE)));
				return;
			}
			Authentication user = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
			if (!TRUST.isAuthenticated(user)) {
				response.sendRedirect(request.getContextPath() + "/login?expired");
				return;
			}
			request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		new AccessDeniedHandlerImpl().handle(request, response, e);
	}

	private static boolean isApiPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/");
	}

}
