package org.scratchpadlens.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page is where the server sends a request that failed; asked for directly
 * ({@code GET /error}), with no failure to describe, Boot's error controller would report
 * a 500. There is nothing at that address for a person or a script: a 404, in the usual
 * shape (the filter sees only requests as they arrive, not the server's own error
 * dispatches).
 */
@Component
class DirectErrorRequests extends OncePerRequestFilter {

	private final String errorPath;

	DirectErrorRequests(@Value("${server.error.path:/error}") String errorPath) {
		this.errorPath = errorPath;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.equals(errorPath) && !path.startsWith(errorPath + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
