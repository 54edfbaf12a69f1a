package org.scratchpadlens.account;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The people API's own refusals in the API's one error shape, {@code {"error": ...}}: 409
 * for a taken username or the last admin, 429 after too many wrong passwords.
 */
@RestControllerAdvice(assignableTypes = { PeopleApiController.class, AccountApiController.class })
class PeopleApiErrors {

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Map<String, String>> conflict(ConflictException e) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", e.getMessage()));
	}

	@ExceptionHandler(PeopleService.TooManyAttemptsException.class)
	ResponseEntity<Map<String, String>> tooMany(PeopleService.TooManyAttemptsException e) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", e.getMessage()));
	}

}
