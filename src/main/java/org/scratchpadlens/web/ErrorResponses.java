package org.scratchpadlens.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * What Boot's error controller answers for errors that no {@link ApiErrors} handler saw:
 * no such endpoint, a method the endpoint does not allow, no login or no permission (from
 * Spring Security), and unexpected failures. Under {@code /api} and {@code /export} that
 * is {@code {"error": "..."}} with a sentence for a person (never an exception message, a
 * stack trace or SQL), as JSON even when the caller asked for HTML; pages keep Boot's
 * attributes, with what error.html needs to say why.
 */
@Component
class ErrorResponses extends DefaultErrorAttributes implements ErrorViewResolver {

	/**
	 * A page's form posted with HTTP Basic and without the form's CSRF token: a script
	 * that should call the API.
	 */
	static final String FORM_NEEDS_TOKEN = "This form needs the CSRF token from its page: send it from the page, "
			+ "in a browser. Scripts use the /api endpoints with HTTP Basic instead, which need no token; they are "
			+ "listed at " + ApiErrors.DOCS + ".";

	private final JacksonJsonView json = new JacksonJsonView();

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		if (!(webRequest instanceof ServletWebRequest servlet)) {
			return super.getErrorAttributes(webRequest, options);
		}
		HttpServletRequest request = servlet.getRequest();
		int status = status(webRequest);
		Throwable error = getError(webRequest);
		if (!isApi(request) && wantsHtml(request)) {
			Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
			boolean csrf = request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
			// a form with a missing or stale CSRF token in a session that is still valid
			attributes.put("outOfDate", csrf && !sentBasic(request));
			// a script that posted a page's form with HTTP Basic instead of calling the
			// API
			attributes.put("formNeedsToken", csrf && sentBasic(request));
			attributes.put("reason", pageReason(request, status, error));
			return attributes;
		}
		// the API, or a script that called a page's address: the API's one shape
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", isApi(request) ? sentence(request, status, error) : pageSentence(request, status, error));
		return body;
	}

	/** A browser asks for HTML; scripts ask for JSON, or anything. */
	private static boolean wantsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && (accept.contains("text/html") || accept.contains("application/xhtml+xml"));
	}

	/** What the error page says, for a script that called a page's address. */
	private static String pageSentence(HttpServletRequest request, int status, Throwable error) {
		if (status == 403 && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
			return sentBasic(request) ? FORM_NEEDS_TOKEN : "This page was out of date; reload it and try again.";
		}
		String reason = pageReason(request, status, error);
		if (reason != null) {
			return reason;
		}
		return status == 404 ? "There is nothing at " + originalPath(request) + "." : sentence(request, status, error);
	}

	/**
	 * What a page's error says beyond its heading, when there is more to say than the
	 * status: the value in the address that is not valid, or what went wrong with a login
	 * sent with HTTP Basic.
	 */
	private static String pageReason(HttpServletRequest request, int status, Throwable error) {
		if (status == 400 && error instanceof MethodArgumentTypeMismatchException e) {
			return ApiErrors.invalidValueSentence(e);
		}
		if (status == 400 && error instanceof BadRequestException e) {
			return e.getMessage();
		}
		if (status == 401 || status == 429) {
			return loginSentence(request, status);
		}
		return null;
	}

	/** The API answers JSON to a browser too (which asks for HTML first). */
	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		return isApi(request) ? new ModelAndView(json, model) : null;
	}

	/** The API and the exports answer scripts: JSON errors. */
	static boolean isApi(HttpServletRequest request) {
		String path = originalPath(request);
		return path.equals("/api") || path.startsWith("/api/") || path.equals("/export") || path.startsWith("/export/");
	}

	private static boolean sentBasic(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	/**
	 * A login that failed over HTTP Basic: none sent, a wrong one, or one refused for a
	 * while after too many failures (the exception comes from the security
	 * configuration's entry point, with the request).
	 */
	private static String loginSentence(HttpServletRequest request, int status) {
		Object refused = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (status == 429) {
			return refused instanceof LockedException locked && locked.getMessage() != null ? locked.getMessage()
					: "Too many failed logins: wait a few minutes, then try again.";
		}
		if (refused instanceof BadCredentialsException) {
			return "Wrong username or password: the user name and password sent with HTTP Basic do not match an "
					+ "account. Check both (curl -u USER:PASSWORD); after repeated failures the account has to wait.";
		}
		return "This call needs a login: send the user name and password of an account with HTTP Basic, "
				+ "for example curl -u admin:PASSWORD.";
	}

	/** The path that failed, not that of the error page. */
	private static String originalPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri != null ? uri.toString() : request.getRequestURI();
		String context = request.getContextPath();
		return !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
	}

	private static int status(WebRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
		return status instanceof Integer code ? code : 500;
	}

	private static String sentence(HttpServletRequest request, int status, Throwable error) {
		// Servlet 6.1 presents an error dispatch as a GET; the failed request's method is
		// kept in an attribute
		Object failedMethod = request.getAttribute(RequestDispatcher.ERROR_METHOD);
		String method = failedMethod != null ? failedMethod.toString() : request.getMethod();
		String path = originalPath(request);
		return switch (status) {
			case 400 -> "The request is not valid; see " + ApiErrors.DOCS + " for what this call expects.";
			case 401, 429 -> loginSentence(request, status);
			case 403 -> "Your account may not do this.";
			case 404 ->
				error == null || error instanceof NoResourceFoundException || error instanceof NoHandlerFoundException
						? "There is no " + (path.startsWith("/export") ? "export " : "API endpoint ") + method + " "
								+ path + "; the endpoints are listed at " + ApiErrors.DOCS + "."
						: "There is nothing at " + path + ".";
			case 405 -> method + " is not allowed on " + path + "; " + allowed(error) + ".";
			case 406 -> "This call answers in JSON only; accept application/json (or send no Accept header).";
			case 413 -> "The request is larger than this server accepts.";
			case 415 -> "Send the body as JSON, with the header Content-Type: application/json.";
			default -> status >= 500 ? "The server could not complete the request. The log has the details."
					: "The request failed: " + reason(status) + ".";
		};
	}

	private static String allowed(Throwable error) {
		if (error instanceof HttpRequestMethodNotSupportedException e && e.getSupportedHttpMethods() != null
				&& !e.getSupportedHttpMethods().isEmpty()) {
			return "it allows " + e.getSupportedHttpMethods()
				.stream()
				.map(m -> m.name())
				.sorted()
				.collect(Collectors.joining(", "));
		}
		return "see " + ApiErrors.DOCS + " for the methods it allows";
	}

	private static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? "status " + status : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
	}

}
