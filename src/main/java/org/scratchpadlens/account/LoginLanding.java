package org.scratchpadlens.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a login through the login page lands, and the record of when it happened. The
 * page that was asked for, if there was one that the person may open; otherwise their
 * role's start: annotators their campaigns, everyone else the runs. An annotator's saved
 * page counts only under /campaigns or /account (an address such as / that they typed
 * would only answer "not allowed").
 */
class LoginLanding implements AuthenticationSuccessHandler {

	static final String ANNOTATOR_START = "/campaigns";

	private final PeopleService people;

	private final RequestCache cache;

	private final SavedRequestAwareAuthenticationSuccessHandler browsers = new SavedRequestAwareAuthenticationSuccessHandler();

	private final SavedRequestAwareAuthenticationSuccessHandler annotators = new SavedRequestAwareAuthenticationSuccessHandler();

	LoginLanding(PeopleService people, RequestCache cache) {
		this.people = people;
		this.cache = cache;
		browsers.setDefaultTargetUrl("/");
		browsers.setRequestCache(cache);
		annotators.setDefaultTargetUrl(ANNOTATOR_START);
		annotators.setRequestCache(cache);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		people.loggedIn(authentication.getName());
		if (!isAnnotator(authentication)) {
			browsers.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		SavedRequest saved = cache.getRequest(request, response);
		if (saved != null && !annotatorMayOpen(saved.getRedirectUrl(), request.getContextPath())) {
			cache.removeRequest(request, response);
		}
		annotators.onAuthenticationSuccess(request, response, authentication);
	}

	static boolean isAnnotator(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch(a -> ("ROLE_" + Role.ANNOTATOR.name()).equals(a.getAuthority()));
	}

	private static boolean annotatorMayOpen(String url, String contextPath) {
		String path = java.net.URI.create(url).getPath();
		if (path == null) {
			return false;
		}
		path = path.substring(Math.min(contextPath.length(), path.length()));
		return path.equals(ANNOTATOR_START) || path.startsWith(ANNOTATOR_START + "/") || path.startsWith("/account/");
	}

}
