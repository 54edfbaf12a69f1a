package org.scratchpadlens.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request the caller can correct: a 400 with the message, which must be a sentence for
 * a person and free of internal details, as {@code {"error": ...}} for scripts.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
