package org.scratchpadlens.account;

/**
 * ADMIN manages imports and settings; RATER labels (rater management arrives with the
 * labelling issue).
 */
public enum Role {

	ADMIN, RATER

}
