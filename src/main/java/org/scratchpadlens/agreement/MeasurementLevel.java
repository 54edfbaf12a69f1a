package org.scratchpadlens.agreement;

import java.util.Locale;

/**
 * Level of measurement of the answers, which decides the distance Krippendorff's alpha
 * puts between two different answers. Kappa and AC1 are nominal by construction; the
 * weighted kappas use the category order at any level.
 */
public enum MeasurementLevel {

	NOMINAL, ORDINAL, INTERVAL, RATIO;

	/**
	 * Parses the command-line spelling ({@code nominal}, {@code ordinal}, ...),
	 * case-insensitively.
	 */
	public static MeasurementLevel parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"unknown level '" + text + "' (expected nominal, ordinal, interval or ratio)");
		}
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
