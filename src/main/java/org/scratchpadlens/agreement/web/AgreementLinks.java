package org.scratchpadlens.agreement.web;

/**
 * Where an agreement page links to: the same agreement with "unclear" counted the other
 * way, its CSV and JSON, and (for a filter) the list it was opened from. Paths within the
 * app; the page adds the context path.
 */
record AgreementLinks(String list, String asMissing, String asCategory, String csv, String json) {

	static AgreementLinks campaign(long id, boolean asCategory) {
		String unclear = asCategory ? "?unclear=category" : "";
		return new AgreementLinks("/transcripts", "/campaigns/" + id + "/agreement",
				"/campaigns/" + id + "/agreement?unclear=category", "/campaigns/" + id + "/agreement.csv" + unclear,
				"/api/campaigns/" + id + "/agreement" + unclear);
	}

	/**
	 * @param query the filter as an encoded query string, empty for every transcript
	 */
	static AgreementLinks filter(String query, boolean asCategory) {
		String q = query.isEmpty() ? "" : "?" + query;
		String and = query.isEmpty() ? "?" : "?" + query + "&";
		String unclear = asCategory ? and + "unclear=category" : q;
		return new AgreementLinks("/transcripts" + q, "/agreement" + q, "/agreement" + and + "unclear=category",
				"/agreement.csv" + unclear, "/api/agreement" + unclear);
	}

}
