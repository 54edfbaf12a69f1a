package org.scratchpadlens.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Once per session, the first page a logged-in reader opens says that the transcripts
 * discuss harmful requests (the layout shows it when {@code contentNotice} is true). Only
 * a rendered page uses it up: not the API, a redirect, or an error.
 */
@Configuration
class ContentNotice implements WebMvcConfigurer, HandlerInterceptor {

	static final String SEEN = ContentNotice.class.getName() + ".seen";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/export/**", "/error");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")
				|| !"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST
				|| request.getUserPrincipal() == null) {
			return;
		}
		HttpSession session = request.getSession(false);
		if (session == null || session.getAttribute(SEEN) != null) {
			return;
		}
		session.setAttribute(SEEN, Boolean.TRUE);
		page.addObject("contentNotice", true);
	}

}
