package org.scratchpadlens.account;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches a request that no controller method would handle: an address that does not
 * exist (Spring MVC answers 404, or serves a static file) or a method the address does
 * not take (405). The security rules let a logged-in user through for these, so that a
 * mistyped address says "not found" rather than "not allowed". A request that some
 * controller method would handle is never matched here: it needs a rule of its own in
 * {@link SecurityConfig}, or {@code anyRequest().denyAll()} refuses it. That is what
 * keeps an endpoint someone forgot closed.
 */
final class NoControllerRequests implements RequestMatcher {

	private final Supplier<RequestMappingHandlerMapping> controllers;

	NoControllerRequests(Supplier<RequestMappingHandlerMapping> controllers) {
		this.controllers = controllers;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		HttpServletRequest lookup = new PrivateAttributes(request);
		try {
			if (!ServletRequestPathUtils.hasParsedRequestPath(lookup)) {
				ServletRequestPathUtils.parseAndCache(lookup);
			}
			return controllers.get().getHandler(lookup) == null;
		}
		catch (HttpRequestMethodNotSupportedException e) {
			// the address exists but not with this method: nothing runs, MVC answers 405
			return true;
		}
		catch (Exception e) {
			// a controller matched the address and method but not the content type,
			// parameters or headers (or the lookup failed): treat it as an endpoint
			return false;
		}
	}

	@Override
	public String toString() {
		return "NoControllerRequests";
	}

	/**
	 * The request as the lookup sees it: what the lookup sets as request attributes
	 * (matched pattern, path variables) stays out of the real request, which Spring MVC
	 * handles later.
	 */
	private static final class PrivateAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> set = new HashMap<>();

		private final Set<String> removed = new HashSet<>();

		PrivateAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			if (set.containsKey(name)) {
				return set.get(name);
			}
			return removed.contains(name) ? null : super.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
			names.removeAll(removed);
			names.addAll(set.keySet());
			return Collections.enumeration(names);
		}

		@Override
		public void setAttribute(String name, Object value) {
			if (value == null) {
				removeAttribute(name);
				return;
			}
			removed.remove(name);
			set.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			set.remove(name);
			removed.add(name);
		}

	}

}
