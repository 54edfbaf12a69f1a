package org.scratchpadlens.annotation.campaign;

/**
 * A change the current state refuses (409): the item is full, the label was edited
 * elsewhere.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
