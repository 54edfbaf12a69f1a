package org.scratchpadlens.agreement;

/**
 * The statistics of a report, in the order they are printed, with their stable JSON keys.
 */
public enum Statistic {

	PERCENT_AGREEMENT("percent_agreement"), COHEN_KAPPA("cohen_kappa"), COHEN_KAPPA_LINEAR("cohen_kappa_linear"),
	COHEN_KAPPA_QUADRATIC("cohen_kappa_quadratic"), FLEISS_KAPPA("fleiss_kappa"),
	KRIPPENDORFF_ALPHA("krippendorff_alpha"), GWET_AC1("gwet_ac1");

	private final String key;

	Statistic(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

}
