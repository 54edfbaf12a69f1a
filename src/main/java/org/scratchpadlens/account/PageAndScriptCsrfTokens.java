package org.scratchpadlens.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Accepts the CSRF token in both forms a browser sends it: masked afresh on every page (a
 * form's {@code _csrf} field, or the page's {@code <meta name="_csrf">} copied into the
 * header by a page script), as Spring Security does against BREACH; and as the value of
 * the {@code XSRF-TOKEN} cookie copied into the {@code X-XSRF-TOKEN} header, which is how
 * Swagger UI at /api/docs sends it (springdoc's {@code csrf.enabled}). The cookie is
 * readable by the app's own scripts only: other sites can neither read it nor set the
 * header.
 */
final class PageAndScriptCsrfTokens implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		masked.handle(request, response, token);
		// load it now, so that a new token's cookie is set before the page starts to be
		// sent (a page reads its token while it renders, when the headers may be gone)
		token.get();
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		String header = request.getHeader(token.getHeaderName());
		if (header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
				token.getToken().getBytes(StandardCharsets.UTF_8))) {
			return header;
		}
		return masked.resolveCsrfTokenValue(request, token);
	}

}
