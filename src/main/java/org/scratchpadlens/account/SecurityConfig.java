package org.scratchpadlens.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Every page and API call needs a login. People use form login with CSRF. Scripts use
 * HTTP Basic: a request that carries an Authorization header to /api/** or /export/** is
 * stateless and needs no CSRF token; Basic is also accepted on every GET.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

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
			.httpBasic(Customizer.withDefaults())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(ex -> ex.accessDeniedHandler(SecurityConfig::deny));
		return http.build();
	}

	/**
	 * A form posted with a missing or stale CSRF token almost always means the session
	 * expired (or the server restarted): say so and offer the login, rather than "your
	 * account may not do this".
	 */
	private static void deny(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException, ServletException {
		if (e instanceof CsrfException && !response.isCommitted()) {
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		new AccessDeniedHandlerImpl().handle(request, response, e);
	}

}
