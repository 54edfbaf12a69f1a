package org.scratchpadlens.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change the current state of the accounts does not allow: the username is taken, or it
 * would leave no active admin. A 409 with the sentence, {@code {"error": ...}} for
 * scripts.
 */
@ResponseStatus(HttpStatus.CONFLICT)
class ConflictException extends RuntimeException {

	ConflictException(String message) {
		super(message);
	}

}
