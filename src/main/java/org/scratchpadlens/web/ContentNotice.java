package org.scratchpadlens.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Once per session, the first page a logged-in reader opens says that the transcripts
 * discuss harmful requests (the layout shows it when {@code contentNotice} is true).
 * Calls to the API and requests that change something do not use it up.
 */
@ControllerAdvice
class ContentNotice {

	static final String SEEN = ContentNotice.class.getName() + ".seen";

	@ModelAttribute("contentNotice")
	boolean contentNotice(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getUserPrincipal() == null
				|| request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(SEEN) != null) {
			return false;
		}
		session.setAttribute(SEEN, Boolean.TRUE);
		return true;
	}

}
