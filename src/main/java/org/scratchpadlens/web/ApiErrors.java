package org.scratchpadlens.web;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * One error shape for the JSON API: {@code {"error": "what went wrong"}} with the right
 * status, for what goes wrong once a controller was chosen. What fails before (no such
 * endpoint, a method it does not allow, no login) and unexpected failures (500) are
 * answered by {@link ErrorResponses} in the same shape. Every sentence is for a person:
 * exception messages of libraries (number parsing, JSON parsing, SQL) are never passed
 * on.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

	static final String DOCS = "/api/docs";

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ApiError> notFound(NotFoundException e) {
		return error(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<ApiError> badRequest(BadRequestException e) {
		return error(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	/** A path variable or parameter that is not of its type: {@code /api/imports/abc}. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> notAValidValue(MethodArgumentTypeMismatchException e) {
		return error(HttpStatus.BAD_REQUEST, invalidValueSentence(e));
	}

	/**
	 * {@code 'abc' is not a valid import id; a whole number is expected.}: for the API
	 * and for the error page of a page's address alike.
	 */
	static String invalidValueSentence(MethodArgumentTypeMismatchException e) {
		return "'" + shorten(String.valueOf(e.getValue())) + "' is not a valid " + what(e.getParameter(), e.getName())
				+ "; " + expected(e.getRequiredType()) + ".";
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
		MethodParameter parameter = e.getMethodParameter();
		return error(HttpStatus.BAD_REQUEST, "The parameter '" + e.getParameterName() + "' is missing; "
				+ expected(parameter == null ? null : parameter.getParameterType()) + ".");
	}

	/** No body, or a body that is not JSON or not of the expected shape. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException e, HandlerMethod handler) {
		Throwable cause = e.getCause();
		String problem;
		if (cause == null) {
			problem = "The request has no body";
		}
		else if (cause instanceof StreamReadException) {
			problem = "The request body is not valid JSON";
		}
		else if (cause instanceof DatabindException) {
			problem = "The request body is JSON, but not of the expected shape";
		}
		else {
			problem = "The request body could not be read";
		}
		String example = bodyExample(handler);
		return error(HttpStatus.BAD_REQUEST, problem + "; " + (example == null
				? "see " + DOCS + " for the body this call expects." : "send a JSON object such as " + example + "."));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> notJson(HttpMediaTypeNotSupportedException e) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ApiError("Send the body as JSON, with the header Content-Type: application/json."));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiError> onlyJson(HttpMediaTypeNotAcceptableException e) {
		return error(HttpStatus.NOT_ACCEPTABLE,
				"This call answers in JSON only; accept application/json (or send no Accept header).");
	}

	static ResponseEntity<ApiError> error(HttpStatus status, String sentence) {
		// the content type is set, so the error is JSON even when the caller asked for
		// something else
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(sentence));
	}

	/**
	 * "import id" for the id in {@code /api/imports/{id}} or {@code /imports/{id}},
	 * "value for limit" for a parameter.
	 */
	private static String what(MethodParameter parameter, String name) {
		if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class) && "id".equals(name)) {
			Matcher resource = Pattern.compile("([^/{}]+)s/\\{id}").matcher(mappedPath(parameter));
			if (resource.find()) {
				return resource.group(1) + " id";
			}
		}
		return "value for " + name;
	}

	/** The path a controller method is mapped to: its class's part and its own. */
	private static String mappedPath(MethodParameter parameter) {
		return firstPath(
				AnnotatedElementUtils.findMergedAnnotation(parameter.getContainingClass(), RequestMapping.class))
				+ (parameter.getMethod() == null ? "" : firstPath(
						AnnotatedElementUtils.findMergedAnnotation(parameter.getMethod(), RequestMapping.class)));
	}

	private static String firstPath(RequestMapping mapping) {
		return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
	}

	private static String expected(Class<?> type) {
		if (type != null) {
			Class<?> t = ClassUtils.resolvePrimitiveIfNecessary(type);
			if (t == Long.class || t == Integer.class || t == Short.class || t == Byte.class || t == BigInteger.class) {
				return "a whole number is expected";
			}
			if (Number.class.isAssignableFrom(t)) {
				return "a number is expected";
			}
			if (t == Boolean.class) {
				return "true or false is expected";
			}
			if (t.isEnum()) {
				return "one of " + Arrays.stream(t.getEnumConstants())
					.map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
					.collect(Collectors.joining(", ")) + " is expected";
			}
			if (t == String.class) {
				return "text is expected";
			}
		}
		return "see " + DOCS + " for what this call expects";
	}

	/** The example of the request body's type, as declared for the OpenAPI docs. */
	private static String bodyExample(HandlerMethod handler) {
		if (handler == null) {
			return null;
		}
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				Schema schema = AnnotatedElementUtils.findMergedAnnotation(parameter.getParameterType(), Schema.class);
				return schema == null || schema.example().isBlank() ? null : schema.example();
			}
		}
		return null;
	}

	private static String shorten(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

}
