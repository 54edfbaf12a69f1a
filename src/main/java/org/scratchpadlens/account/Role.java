package org.scratchpadlens.account;

/**
 * What an account may do. ADMIN: everything, including people and settings. RESEARCHER:
 * browsing, the dashboard, campaigns, exports and adjudication, but not people.
 * ANNOTATOR: only the labelling pages of the campaigns they are in (no general browsing,
 * no automated metrics unless a campaign reveals them). Migration V7 turned the earlier
 * RATER role into ANNOTATOR.
 */
public enum Role {

	ADMIN, RESEARCHER, ANNOTATOR

}
