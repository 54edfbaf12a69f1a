package org.scratchpadlens.ingest.source;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a file belongs, from its path alone. The split is the nearest {@code train} or
 * {@code deploy} folder; the run is the path between {@code json_outputs} (or, outside
 * one, the first folder naming a setting, else the folder the user named) and the split
 * folder.
 */
public final class PathRules {

	private static final Pattern QUERY_INDEX = Pattern.compile("(\\d{1,9})\\.json", Pattern.CASE_INSENSITIVE);

	private static final Pattern PROMPT = Pattern.compile("prompt_(diff_)?(.+?)(_with_examples)?\\.(txt|patch)");

	private PathRules() {
	}

	/**
	 * Run path, split and file name; run and split are null when the path does not say.
	 */
	public record Location(String run, String split, String fileName) {
	}

	public static Location locate(List<String> segments, int rootIndex) {
		String file = segments.get(segments.size() - 1);
		int splitAt = -1;
		for (int k = segments.size() - 2; k >= 0; k--) {
			String s = segments.get(k);
			if (s.equals("train") || s.equals("deploy")) {
				splitAt = k;
				break;
			}
		}
		if (splitAt < 0) {
			return new Location(null, null, file);
		}
		int anchor = -1;
		for (int k = splitAt - 1; k >= 0; k--) {
			if (segments.get(k).equals("json_outputs")) {
				anchor = k + 1;
				break;
			}
		}
		if (anchor < 0) {
			anchor = runStartOutsideJsonOutputs(segments, rootIndex, splitAt);
		}
		String run = anchor < splitAt ? String.join("/", segments.subList(anchor, splitAt)) : null;
		String name = String.join("/", segments.subList(splitAt + 1, segments.size()));
		return new Location(run, segments.get(splitAt), name);
	}

	/**
	 * Outside json_outputs the run starts at the first folder, from the one the user
	 * named down, that names a setting ({@code helpful_only}, {@code animal_welfare}): so
	 * naming a folder that holds the release's runs, or one of those runs, gives the same
	 * identity. Failing that, at the folder the user named (or the split's parent, when
	 * the split folder itself was named).
	 */
	private static int runStartOutsideJsonOutputs(List<String> segments, int rootIndex, int splitAt) {
		int from = Math.max(0, Math.min(rootIndex, splitAt - 1));
		for (int k = from; k < splitAt; k++) {
			if (!setting(segments.get(k)).equals("unknown")) {
				return k;
			}
		}
		return from;
	}

	/** The N of {@code N.json}, or null. */
	public static Integer queryIndex(String fileName) {
		Matcher m = QUERY_INDEX.matcher(fileName);
		return m.matches() ? Integer.valueOf(m.group(1)) : null;
	}

	/** The last segment of a run path that has more than one, else null. */
	public static String variation(String run) {
		int slash = run.lastIndexOf('/');
		return slash < 0 ? null : run.substring(slash + 1);
	}

	/** helpful_only or animal_welfare when the run path names it, else unknown. */
	public static String setting(String run) {
		String r = run.toLowerCase(Locale.ROOT);
		if (r.contains("helpful_only")) {
			return "helpful_only";
		}
		if (r.contains("animal_welfare")) {
			return "animal_welfare";
		}
		return "unknown";
	}

	/**
	 * A system-prompt file: {@code prompt_<name>.txt},
	 * {@code prompt_<name>_with_examples.txt}, {@code prompt_diff_<name>.patch}.
	 */
	public record PromptName(String variation, String kind) {
	}

	public static PromptName promptName(String fileName) {
		Matcher m = PROMPT.matcher(fileName);
		if (!m.matches()) {
			return null;
		}
		boolean diff = m.group(1) != null;
		boolean patch = m.group(4).equals("patch");
		if (diff != patch) {
			return null;
		}
		String kind = diff ? "diff" : m.group(3) != null ? "with_examples" : "prompt";
		return new PromptName(m.group(2), kind);
	}

}
