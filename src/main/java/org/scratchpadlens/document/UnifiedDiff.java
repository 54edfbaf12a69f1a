package org.scratchpadlens.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * Line diffs of two texts as {@code diff -u} prints them (the release's
 * {@code prompt_diff_*.patch} shape), computed by java-diff-utils, and the lines of such
 * a patch sorted into kinds for display. Plain Java.
 */
public final class UnifiedDiff {

	/** Lines of context around each change, as {@code diff -u}. */
	static final int CONTEXT = 3;

	private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

	private UnifiedDiff() {
	}

	/** One line of a diff: its kind, its text without the marker, its line numbers. */
	public record Line(String type, String text, Integer oldLine, Integer newLine) {

		/** The marker {@code diff -u} puts before the line. */
		public String marker() {
			return switch (type) {
				case "removed" -> "-";
				case "added" -> "+";
				case "context" -> " ";
				default -> "";
			};
		}

	}

	/** A hunk: its {@code @@} header, where it starts in each text, its lines. */
	public record Hunk(String header, int oldStart, int oldLines, int newStart, int newLines, List<Line> lines) {
	}

	/** The unified diff of {@code a} against {@code b}: its text and its hunks. */
	record Result(String unified, List<Hunk> hunks) {
	}

	static Result diff(String nameA, String a, String nameB, String b) {
		List<String> linesA = lines(a);
		List<String> linesB = lines(b);
		Patch<String> patch = DiffUtils.diff(linesA, linesB);
		if (patch.getDeltas().isEmpty()) {
			return new Result("", List.of());
		}
		List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(nameA, nameB, linesA, patch, CONTEXT);
		return new Result(String.join("\n", unified) + "\n", hunks(unified));
	}

	/**
	 * The lines of a text; a final line break ends the last line rather than starting an
	 * empty one, and {@code \r\n} counts as one break.
	 */
	static List<String> lines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
		if (lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	/** The hunks of a unified diff's lines, numbered; file headers are skipped. */
	static List<Hunk> hunks(List<String> unified) {
		List<Hunk> hunks = new ArrayList<>();
		String header = null;
		int oldStart = 0;
		int oldCount = 0;
		int newStart = 0;
		int newCount = 0;
		int oldLine = 0;
		int newLine = 0;
		List<Line> lines = null;
		for (String raw : unified) {
			Matcher m = HUNK.matcher(raw);
			if (m.matches()) {
				if (lines != null) {
					hunks.add(new Hunk(header, oldStart, oldCount, newStart, newCount, List.copyOf(lines)));
				}
				header = raw;
				oldStart = Integer.parseInt(m.group(1));
				oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
				newStart = Integer.parseInt(m.group(3));
				newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
				oldLine = oldStart;
				newLine = newStart;
				lines = new ArrayList<>();
			}
			else if (lines != null && !raw.startsWith("\\")) {
				if (raw.startsWith("-")) {
					lines.add(new Line("removed", raw.substring(1), oldLine++, null));
				}
				else if (raw.startsWith("+")) {
					lines.add(new Line("added", raw.substring(1), null, newLine++));
				}
				else {
					lines.add(new Line("context", raw.isEmpty() ? "" : raw.substring(1), oldLine++, newLine++));
				}
			}
		}
		if (lines != null) {
			hunks.add(new Hunk(header, oldStart, oldCount, newStart, newCount, List.copyOf(lines)));
		}
		return hunks;
	}

	/**
	 * Each line of a stored patch with its kind, for showing it as a patch: {@code file}
	 * (headers and anything outside a hunk), {@code hunk}, {@code removed},
	 * {@code added}, {@code context}; the text keeps its marker. A hunk ends when its
	 * header's line counts are used up, so a removed line starting {@code ---} stays a
	 * removed line.
	 */
	static List<Line> patchLines(String patch) {
		List<Line> out = new ArrayList<>();
		int oldLeft = 0;
		int newLeft = 0;
		for (String raw : lines(patch)) {
			Matcher m = HUNK.matcher(raw);
			String type;
			if (oldLeft <= 0 && newLeft <= 0) {
				if (m.matches()) {
					type = "hunk";
					oldLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
					newLeft = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
				}
				else {
					type = "file";
				}
			}
			else if (raw.startsWith("-")) {
				type = "removed";
				oldLeft--;
			}
			else if (raw.startsWith("+")) {
				type = "added";
				newLeft--;
			}
			else if (raw.startsWith("\\")) {
				type = "file";
			}
			else {
				type = "context";
				oldLeft--;
				newLeft--;
			}
			out.add(new Line(type, raw, null, null));
		}
		return out;
	}

}
