package org.scratchpadlens.ingest;

/**
 * What the user says about files whose path does not tell: a single JSON file or JSONL
 * lines without run or split. Any field may be null.
 */
public record ImportDefaults(String run, String split, String model) {

	public static final ImportDefaults NONE = new ImportDefaults(null, null, null);

	public ImportDefaults {
		run = blankToNull(run);
		split = blankToNull(split);
		model = blankToNull(model);
		if (split != null && !split.equals("train") && !split.equals("deploy")) {
			throw new IllegalArgumentException("split must be train or deploy, not '" + split + "'");
		}
		if (run != null) {
			run = run.strip().replaceAll("^/+|/+$", "");
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
