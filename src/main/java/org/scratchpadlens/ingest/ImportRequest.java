package org.scratchpadlens.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * @param paths folders, zips, JSON, JSONL and prompt files
 * @param origin cli, upload or sample
 * @param displayNames optional names to show instead of the paths (uploads keep the names
 * people chose); may be null
 */
public record ImportRequest(List<Path> paths, String origin, String startedBy, ImportDefaults defaults,
		List<String> displayNames) {

	public static final String SAMPLE = "sample";

	public ImportRequest {
		paths = List.copyOf(paths);
		defaults = defaults == null ? ImportDefaults.NONE : defaults;
	}

	public ImportRequest(List<Path> paths, String origin, String startedBy, ImportDefaults defaults) {
		this(paths, origin, startedBy, defaults, null);
	}

	/**
	 * How reports show path {@code i}: its display name when one was given, else null
	 * (the real path).
	 */
	String label(int i) {
		return displayNames == null ? null : displayNames.get(i);
	}

	/** The sample data's import: its runs are kept apart from real data. */
	public boolean sample() {
		return SAMPLE.equals(origin);
	}

	String description() {
		List<String> names = displayNames != null ? displayNames : paths.stream().map(Path::toString).toList();
		String d = String.join(", ", names);
		return d.length() > 3900 ? d.substring(0, 3900) + "…" : d;
	}

}
