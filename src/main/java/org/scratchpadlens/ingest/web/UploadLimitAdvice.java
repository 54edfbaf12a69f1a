package org.scratchpadlens.ingest.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limit fails before any controller runs: show the upload
 * form again with the limit and the command that has none, instead of a bare error page.
 * Tomcat refuses it while the security filters read the request (the error dispatch
 * arrives here with 413); should a container leave it to Spring MVC, the exception
 * handler answers the same way.
 */
@ControllerAdvice
class UploadLimitAdvice implements ErrorViewResolver, Ordered {

	private final UploadLimit limit;

	UploadLimitAdvice(UploadLimit limit) {
		this.limit = limit;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return limit.refusedPage();
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		boolean upload = uri != null && uri.toString().equals(request.getContextPath() + "/imports");
		return status == HttpStatus.CONTENT_TOO_LARGE && upload ? limit.refusedPage() : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
