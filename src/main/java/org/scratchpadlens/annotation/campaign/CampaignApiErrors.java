package org.scratchpadlens.annotation.campaign;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The campaign and label API's refusals as {@code {"error": ...}}: 409 and 403. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CampaignApiErrors {

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<Map<String, String>> conflict(ConflictException e) {
		return error(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler(NotARaterException.class)
	ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
		return error(HttpStatus.FORBIDDEN, e.getMessage());
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String sentence) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", sentence));
	}

}
