package org.scratchpadlens.annotation.campaign;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller is not a rater in this campaign (403): a page shows the error page, the API
 * {"error"}.
 */
public class NotARaterException extends AccessDeniedException {

	public NotARaterException(long campaignId) {
		super("You are not a rater in campaign " + campaignId + ".");
	}

	/** Another refusal of the campaign and label rules, said in a sentence. */
	public NotARaterException(String sentence) {
		super(sentence);
	}

}
