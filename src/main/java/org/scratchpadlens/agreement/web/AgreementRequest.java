package org.scratchpadlens.agreement.web;

import org.scratchpadlens.web.BadRequestException;

/** The reader's choices on an agreement page or call. */
final class AgreementRequest {

	private AgreementRequest() {
	}

	/**
	 * {@code unclear=missing} (the default) or {@code unclear=category}; 400 otherwise.
	 */
	static boolean unclearAsCategory(String unclear) {
		if (unclear == null || unclear.isBlank() || "missing".equals(unclear)) {
			return false;
		}
		if ("category".equals(unclear)) {
			return true;
		}
		throw new BadRequestException("unclear must be missing or category, not '"
				+ (unclear.length() > 40 ? unclear.substring(0, 40) + "…" : unclear) + "'");
	}

}
