package org.scratchpadlens.account;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what, deny by default: every page and endpoint is named below with the roles
 * it needs, and whatever is not named is refused ({@code anyRequest().denyAll()}), so an
 * endpoint someone forgets to add here is closed, not open. An address no controller
 * handles at all is let through to a logged-in user, so that Spring MVC can say "not
 * found" (see {@link NoControllerRequests}).
 * <p>
 * People use form login with CSRF. Scripts use HTTP Basic: a request that carries an
 * Authorization header to /api/** or /export/** is stateless and needs no CSRF token;
 * Basic is also accepted on every GET. Password checks of both go through the
 * {@link LoginThrottle}.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

	/**
	 * What every account may open: the API's description, scripts, its own account (an
	 * annotator's campaigns are checked by the campaign, not here).
	 */
	static final String[] EVERYONE = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

	/**
	 * Browsing the store: runs, imports and their reports, transcripts, the dashboard,
	 * documents, prompts. Not annotators, who see only what their campaigns show them.
	 */
	static final String[] BROWSERS = { Role.ADMIN.name(), Role.RESEARCHER.name() };

	/** Uploading, starting and undoing imports. */
	static final String[] IMPORTERS = { Role.ADMIN.name() };

	/** Correcting what the store says about a run (its setting). */
	static final String[] ADMINS = { Role.ADMIN.name() };

	/**
	 * No inline script, style or event handler on any page: an injected {@code <script>}
	 * or {@code onerror=} does not run.
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Swagger UI (its own page at /api/docs) injects {@code <style>} elements from its
	 * bundle; the rest is as strict as the app's pages (checked in Chromium).
	 */
	static final String SWAGGER_UI_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

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
	LoginThrottle loginThrottle(@Value("${scratchpad.login.max-failures-per-account:5}") int perAccount,
			@Value("${scratchpad.login.max-failures-per-address:20}") int perAddress) {
		return new LoginThrottle(Clock.systemUTC(), perAccount, perAddress);
	}

	/**
	 * The one way a password is checked, for both filter chains (and anything else that
	 * asks Spring Security's global authentication manager).
	 */
	@Bean
	AuthenticationProvider passwordLogins(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		// a deactivated account is told so only after its password was right: a wrong one
		// is a wrong password like any other (counted by the throttle, and not telling
		// whether the account exists or is deactivated)
		passwords.setPreAuthenticationChecks(user -> {
		});
		passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return new ThrottledAuthenticationProvider(passwords, throttle);
	}

	@Bean
	NoControllerRequests noControllerRequests(ApplicationContext context) {
		return new NoControllerRequests(
				() -> context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
	}

	@Bean
	@Order(1)
	SecurityFilterChain scriptChain(HttpSecurity http, AuthenticationProvider passwordLogins,
			NoControllerRequests noController) throws Exception {
		// A script is a call to /api or /export that carries credentials, or that has no
		// browser session at all (then it gets 401 and a Basic challenge, not a CSRF 403
		// that would mislead its author).
		http.securityMatcher(request -> isScriptPath(request)
				&& (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() == null))
			.authorizeHttpRequests(auth -> rules(auth, noController))
			.authenticationManager(new ProviderManager(passwordLogins))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfig::challenge))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfig::challenge))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.addHeaderWriter(SecurityConfig::contentSecurityPolicy));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain browserChain(HttpSecurity http, AuthenticationProvider passwordLogins, LoginThrottle throttle,
			NoControllerRequests noController, PeopleService people) throws Exception {
		RequestCache pagesAskedFor = pagesAskedFor();
		http.authorizeHttpRequests(auth -> rules(auth, noController))
			.authenticationManager(new ProviderManager(passwordLogins))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new LoginLanding(people, pagesAskedFor))
				.failureHandler(loginFailed(throttle)))
			.requestCache(cache -> cache.requestCache(pagesAskedFor))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfig::challenge))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.csrfTokenRepository(CsrfCookie.repository())
				.csrfTokenRequestHandler(new PageAndScriptCsrfTokens()))
			.headers(headers -> headers.addHeaderWriter(SecurityConfig::contentSecurityPolicy))
			.exceptionHandling(ex -> ex.accessDeniedHandler(SecurityConfig::deny)
				// a script's call in an expired session: 401, not the login page
				.defaultAuthenticationEntryPointFor(SecurityConfig::challenge, SecurityConfig::isScriptPath));
		return http.build();
	}

	/**
	 * Every page and endpoint with the roles it needs, the same for both chains (the
	 * script chain only ever sees /api and /export). The first rule that matches decides,
	 * so the narrower rules come first.
	 */
	private static void rules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
			RequestMatcher noController) {
		auth
			// the login page and what it shows; the error page of a request that was let
			// through or refused already (asked for directly, /error is a 404)
			.requestMatchers("/login", "/error")
			.permitAll()
			.requestMatchers(reads("/css/**", "/images/**", "/favicon.ico", "/webjars/htmx.org/**"))
			.permitAll()
			// importing
			.requestMatchers(reads("/imports/new"))
			.hasAnyRole(IMPORTERS)
			.requestMatchers(HttpMethod.POST, "/imports", "/imports/*/delete")
			.hasAnyRole(IMPORTERS)
			.requestMatchers(HttpMethod.DELETE, "/api/imports/*")
			.hasAnyRole(IMPORTERS)
			// correcting a run
			.requestMatchers(HttpMethod.POST, "/runs/*/setting")
			.hasAnyRole(ADMINS)
			.requestMatchers(HttpMethod.PUT, "/api/runs/*/setting")
			.hasAnyRole(ADMINS)
			// removing the sample data
			.requestMatchers(HttpMethod.POST, "/samples/delete")
			.hasAnyRole(ADMINS)
			.requestMatchers(HttpMethod.DELETE, "/api/samples")
			.hasAnyRole(ADMINS)
			// people: admins manage them; everyone changes their own password
			.requestMatchers(reads("/users", "/users/*", "/api/users"))
			.hasAnyRole(ADMINS)
			.requestMatchers(HttpMethod.POST, "/users", "/users/*/role", "/users/*/deactivate", "/users/*/reactivate",
					"/users/*/password", "/api/users", "/api/users/*/deactivate", "/api/users/*/reactivate")
			.hasAnyRole(ADMINS)
			.requestMatchers(HttpMethod.PUT, "/api/users/*/role", "/api/users/*/password")
			.hasAnyRole(ADMINS)
			.requestMatchers(reads("/account/password"))
			.hasAnyRole(EVERYONE)
			.requestMatchers(HttpMethod.POST, "/account/password")
			.hasAnyRole(EVERYONE)
			.requestMatchers(HttpMethod.PUT, "/api/account/password")
			.hasAnyRole(EVERYONE)
			// the rubric: every account reads it (raters read the definitions); admins
			// publish new versions
			.requestMatchers(reads("/rubric/edit"))
			.hasAnyRole(ADMINS)
			.requestMatchers(HttpMethod.POST, "/rubric/edit", "/api/rubric/versions")
			.hasAnyRole(ADMINS)
			.requestMatchers(reads("/rubric", "/rubric/versions/*", "/api/rubric", "/api/rubric/versions",
					"/api/rubric/versions/*"))
			.hasAnyRole(EVERYONE)
			// exports and the label import: researchers and admins (export.ExportScope
			// applies the blind rules of a researcher who rates)
			.requestMatchers(reads("/export/labels.csv", "/export/labels.jsonl", "/export/transcripts.csv",
					"/export/transcripts.jsonl", "/export/ratings.csv", "/campaigns/*/import"))
			.hasAnyRole(BROWSERS)
			.requestMatchers(HttpMethod.POST, "/api/labels/import", "/campaigns/*/import")
			.hasAnyRole(BROWSERS)
			// the labelling page: its controller lets in the campaign's raters only
			.requestMatchers(reads("/campaigns/*/label/*"))
			.hasAnyRole(EVERYONE)
			// a campaign's agreement: researchers and admins (one who rates blind in the
			// campaign is refused by agreement.web.AgreementService until it is over for
			// them)
			.requestMatchers(reads("/campaigns/*/agreement", "/campaigns/*/agreement.csv", "/api/campaigns/*/agreement",
					"/campaigns/*/corrected-rates", "/api/campaigns/*/corrected-rates", "/dashboard/corrected-rates"))
			.hasAnyRole(BROWSERS)
			// a list filter's agreement: researchers and admins (what they rate blind is
			// left out)
			.requestMatchers(reads("/agreement", "/agreement.csv", "/api/agreement"))
			.hasAnyRole(BROWSERS)
			// adjudication: researchers and admins (refused by
			// agreement.web.AdjudicationService
			// while they rate blind in the campaign, as its agreement)
			.requestMatchers(reads("/campaigns/*/adjudication", "/campaigns/*/adjudication/*",
					"/api/campaigns/*/adjudication", "/api/campaigns/*/items/*/gold"))
			.hasAnyRole(BROWSERS)
			.requestMatchers(HttpMethod.POST, "/campaigns/*/adjudication/*/gold",
					"/campaigns/*/adjudication/*/gold/withdraw")
			.hasAnyRole(BROWSERS)
			.requestMatchers(HttpMethod.PUT, "/api/campaigns/*/items/*/gold")
			.hasAnyRole(BROWSERS)
			.requestMatchers(HttpMethod.DELETE, "/api/campaigns/*/items/*/gold")
			.hasAnyRole(BROWSERS)
			// campaigns and labels: creating a campaign is for researchers and admins;
			// the rest is open to every account and checked per campaign and label by
			// annotation.campaign.CampaignAccess (an annotator sees only their campaigns)
			.requestMatchers(reads("/campaigns/new"))
			.hasAnyRole(BROWSERS)
			.requestMatchers(HttpMethod.POST, "/campaigns", "/api/campaigns")
			.hasAnyRole(BROWSERS)
			.requestMatchers(reads("/campaigns", "/campaigns/*", "/api/campaigns", "/api/campaigns/*",
					"/api/campaigns/*/items/*/view", "/api/campaigns/*/items/*/draft", "/api/transcripts/*/labels",
					"/api/labels/*", "/api/labels/*/history"))
			.hasAnyRole(EVERYONE)
			.requestMatchers(HttpMethod.POST, "/campaigns/*/next", "/api/campaigns/*/next",
					"/api/campaigns/*/items/*/skip", "/api/transcripts/*/labels")
			.hasAnyRole(EVERYONE)
			.requestMatchers(HttpMethod.PUT, "/api/campaigns/*/items/*/draft", "/api/labels/*")
			.hasAnyRole(EVERYONE)
			// browsing: transcripts, the dashboard, documents and prompts (pages and
			// JSON)
			.requestMatchers(
					reads("/transcripts", "/transcripts/**", "/api/transcripts", "/api/transcripts/**", "/dashboard",
							"/api/dashboard", "/documents", "/documents/**", "/api/documents", "/api/documents/**",
							"/prompts", "/prompts/**", "/api/prompts", "/api/prompts/**", "/webjars/chart.js/**"))
			.hasAnyRole(BROWSERS)
			// a reader's own saved views of the transcript list
			.requestMatchers(HttpMethod.POST, "/transcripts/views", "/transcripts/views/*/delete")
			.hasAnyRole(BROWSERS)
			// reading runs and imports
			.requestMatchers(reads("/", "/imports", "/imports/*", "/imports/*/progress", "/api/runs",
					"/api/runs/totals", "/api/runs/*/pairs", "/api/imports", "/api/imports/*", "/api/imports/*/files"))
			.hasAnyRole(BROWSERS)
			// the API's description and the pages' scripts
			.requestMatchers(reads("/api/openapi", "/api/openapi.yaml", "/api/openapi/swagger-config", "/api/docs",
					"/api/swagger-ui/**", "/webjars/swagger-ui/**", "/js/**"))
			.hasAnyRole(EVERYONE)
			// no controller at this address, or not with this method: 404 or 405
			.requestMatchers(noController)
			.hasAnyRole(EVERYONE)
			.anyRequest()
			.denyAll();
	}

	/** GET and HEAD of these paths (Spring MVC answers HEAD wherever it answers GET). */
	private static RequestMatcher reads(String... patterns) {
		List<RequestMatcher> matchers = new ArrayList<>();
		for (String pattern : patterns) {
			matchers.add(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, pattern));
			matchers.add(PathPatternRequestMatcher.pathPattern(HttpMethod.HEAD, pattern));
		}
		return new OrRequestMatcher(matchers);
	}

	static boolean isScriptPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/export/");
	}

	private static void contentSecurityPolicy(HttpServletRequest request, HttpServletResponse response) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean swaggerUi = path.startsWith("/api/docs") || path.startsWith("/api/swagger-ui/")
				|| path.startsWith("/webjars/swagger-ui/");
		response.setHeader("Content-Security-Policy", swaggerUi ? SWAGGER_UI_POLICY : PAGE_POLICY);
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
	 * A failed form login goes back to the login page, saying how long to wait once the
	 * account or address has failed too often.
	 */
	private static AuthenticationFailureHandler loginFailed(LoginThrottle throttle) {
		return (request, response, e) -> {
			String target;
			if (e instanceof LoginThrottledException refused) {
				target = "/login?wait=" + refused.seconds();
			}
			else if (e instanceof DisabledException) {
				// the password was right (see passwordLogins)
				target = "/login?deactivated";
			}
			else {
				long wait = throttle.secondsToWait(request.getParameter("username"), request.getRemoteAddr());
				target = wait > 0 ? "/login?error&wait=" + wait : "/login?error";
			}
			response.sendRedirect(request.getContextPath() + target);
		};
	}

	/**
	 * HTTP Basic without credentials, with wrong ones, or refused by the throttle (429
	 * with Retry-After). The error page says which: the exception goes with the request.
	 */
	private static void challenge(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		request.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, e);
		if (e instanceof LoginThrottledException refused) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.seconds()));
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Scratchpad Lens\"");
		response.sendError(HttpStatus.UNAUTHORIZED.value());
	}

	/**
	 * A missing or stale CSRF token. Under /api: a JSON 403 that says how to send the
	 * token, or to use Basic. On a form sent with HTTP Basic (a script posting a page's
	 * form): the error page says the form needs the token from its page and points to the
	 * API. On a form, when the session expired (or the server restarted), say so and
	 * offer the login rather than "your account may not do this"; when the session is
	 * still valid the page was just out of date (the user logged in again in another tab,
	 * for instance): the error page says to reload it (the CsrfException under
	 * {@link WebAttributes#ACCESS_DENIED_403} tells the error page).
	 */
	private static void deny(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException, ServletException {
		if (e instanceof CsrfException && !response.isCommitted()) {
			if (isScriptPath(request)) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getOutputStream()
					.write(JsonMapper.shared().writeValueAsBytes(Map.of("error", API_CSRF_MESSAGE)));
				return;
			}
			Authentication user = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
			if (!TRUST.isAuthenticated(user) && !sentBasic(request)) {
				response.sendRedirect(request.getContextPath() + "/login?expired");
				return;
			}
			request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		new AccessDeniedHandlerImpl().handle(request, response, e);
	}

	private static boolean sentBasic(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
