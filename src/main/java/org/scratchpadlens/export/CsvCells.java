package org.scratchpadlens.export;

/**
 * Text cells of the CSV exports, neutralised against CSV injection (OWASP): a spreadsheet
 * runs a cell that begins with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or
 * carriage return) as a formula, so such a cell gets a leading {@code '}. A cell that
 * already begins with {@code '} gets one more, so that the rule is reversible: the label
 * import strips exactly one leading {@code '} from every text cell that has one and gets
 * the original back. Numbers and booleans are not text cells and are written as they are
 * ({@code -3} stays {@code -3}).
 */
public final class CsvCells {

	private CsvCells() {
	}

	/** The text as a CSV cell safe to open in a spreadsheet. */
	public static String neutralise(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return dangerous(text.charAt(0)) ? "'" + text : text;
	}

	/** The original text of a neutralised cell (the inverse of {@link #neutralise}). */
	public static String restore(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		return cell.charAt(0) == '\'' ? cell.substring(1) : cell;
	}

	private static boolean dangerous(char first) {
		return switch (first) {
			case '=', '+', '-', '@', '\t', '\r', '\'' -> true;
			default -> false;
		};
	}

}
