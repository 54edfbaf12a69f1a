package org.scratchpadlens.ingest.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits message text into the release's sections. Tolerant by design: transcripts are
 * cut off, closing tags go missing, scratchpads start with stray spaces, and models
 * mention tags in prose. A tag is only structure where the prompt format allows it
 * (user_input, OUTPUT and DRAFT_OUTPUT bodies are opaque text); a tag that would need an
 * implicit close is treated as prose when enough closing tags follow to account for it.
 */
public final class SectionParser {

	private static final Set<SectionKind> TOP_LEVEL = Set.of(SectionKind.INPUT, SectionKind.SCRATCHPAD_REASONING,
			SectionKind.OUTPUT, SectionKind.NEXT);

	private static final int MAX_TAG_LENGTH = 40;

	private SectionParser() {
	}

	private record Open(SectionKind kind, int bodyStart, int index) {
	}

	private record Tag(SectionKind kind, boolean closing, boolean selfClosing, int start, int end) {
	}

	public static List<Section> parse(String text) {
		return new Run(text).parse();
	}

	/**
	 * One parse: the text, the sections found so far, the open ones, and an index of
	 * where each tag occurs.
	 */
	private static final class Run {

		private final String text;

		private final List<Section> out = new ArrayList<>();

		private final Deque<Open> stack = new ArrayDeque<>();

		/**
		 * Sorted positions of every occurrence of a needle ("<KIND>" or "</KIND>"), built
		 * once per needle.
		 */
		private final Map<String, int[]> occurrences = new HashMap<>();

		Run(String text) {
			this.text = text;
		}

		List<Section> parse() {
			int textStart = 0; // start of pending top-level text
			int i = text.indexOf('<');
			while (i >= 0) {
				Tag tag = tagAt(text, i);
				if (tag == null) {
					i = text.indexOf('<', i + 1);
					continue;
				}
				boolean consumed = stack.isEmpty() ? handleTopLevel(tag, textStart) : handleNested(tag);
				if (consumed && stack.isEmpty()) {
					textStart = tag.end;
				}
				i = text.indexOf('<', consumed ? tag.end : i + 1);
			}
			// cut off: everything still open runs to the end
			if (!stack.isEmpty()) {
				textStart = text.length();
			}
			while (!stack.isEmpty()) {
				close(out, stack.pop(), text.length(), false);
			}
			addText(text, out, textStart, text.length());
			renumber(out);
			return out;
		}

		private boolean handleTopLevel(Tag tag, int textStart) {
			if (tag.closing || !TOP_LEVEL.contains(tag.kind)) {
				return false;
			}
			addText(text, out, textStart, tag.start);
			if (tag.selfClosing) {
				out.add(new Section(0, tag.kind, 0, tag.end, tag.end, true));
				return true;
			}
			stack.push(new Open(tag.kind, tag.end, out.size()));
			out.add(null); // placeholder, filled on close so that sections stay in
							// document order
			return true;
		}

		private boolean handleNested(Tag tag) {
			Open top = stack.peek();
			if (tag.closing) {
				if (tag.kind == top.kind) {
					close(out, stack.pop(), tag.start, true);
					return true;
				}
				// closing an ancestor while a child is still open: the child lost its
				// closing tag, unless the child's own closing tags that follow account
				// for it (then this closing tag is prose)
				if (isOpen(stack, tag.kind) && !enoughClosesFollow(top.kind, tag.end)) {
					while (stack.peek().kind != tag.kind) {
						close(out, stack.pop(), tag.start, false);
					}
					close(out, stack.pop(), tag.start, true);
					return true;
				}
				return false;
			}
			// The user's query is written by the harness's dataset, never cut off: any
			// tag in it is the user's text.
			if (top.kind == SectionKind.USER_INPUT) {
				return false;
			}
			if (top.kind.children().contains(tag.kind)) {
				if (tag.selfClosing) {
					out.add(new Section(0, tag.kind, stack.size(), tag.end, tag.end, true));
					return true;
				}
				stack.push(new Open(tag.kind, tag.end, out.size()));
				out.add(null);
				return true;
			}
			// A top-level tag inside an open section: either prose, or the open section
			// lost its closing tag.
			if (TOP_LEVEL.contains(tag.kind)) {
				Open root = stack.peekLast();
				if (!mentionInProse(root.kind, tag)) {
					while (!stack.isEmpty()) {
						close(out, stack.pop(), tag.start, false);
					}
					return handleTopLevel(tag, tag.start);
				}
			}
			return false;
		}

		/**
		 * Whether {@code tag}, met inside an open section of kind {@code root}, is prose.
		 * It is when the closing tags of {@code root} that follow outnumber its opening
		 * tags there (the open section still gets its own closing tag). When the tag is
		 * itself a {@code root} opening tag, both readings balance the count (an unclosed
		 * section followed by a new one, or a mention inside a closed one), so the tag's
		 * place decides: a real tag starts a line, a mention sits inside a sentence.
		 */
		private boolean mentionInProse(SectionKind root, Tag tag) {
			int closes = countFrom("</" + root.tag() + ">", tag.start);
			int opens = countFrom("<" + root.tag() + ">", tag.start);
			if (tag.kind == root && !tag.selfClosing && closes == opens && closes > 0) {
				return !startsLine(tag.start);
			}
			return closes > opens;
		}

		private boolean startsLine(int pos) {
			for (int k = pos - 1; k >= 0; k--) {
				char c = text.charAt(k);
				if (c == '\n') {
					return true;
				}
				if (c != ' ' && c != '\t' && c != '\r') {
					return false;
				}
			}
			return true;
		}

		/**
		 * True when the closing tags of {@code kind} after {@code from} outnumber its
		 * opening tags there.
		 */
		private boolean enoughClosesFollow(SectionKind kind, int from) {
			return countFrom("</" + kind.tag() + ">", from) > countFrom("<" + kind.tag() + ">", from);
		}

		/**
		 * Occurrences of {@code needle} starting at or after {@code from}, by binary
		 * search in a one-off index.
		 */
		private int countFrom(String needle, int from) {
			int[] at = occurrences.computeIfAbsent(needle, this::indexOf);
			int lo = 0;
			int hi = at.length;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (at[mid] < from) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			return at.length - lo;
		}

		private int[] indexOf(String needle) {
			int[] at = new int[8];
			int n = 0;
			for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
				if (n == at.length) {
					at = Arrays.copyOf(at, n * 2);
				}
				at[n++] = i;
			}
			return Arrays.copyOf(at, n);
		}

	}

	private static boolean isOpen(Deque<Open> stack, SectionKind kind) {
		for (Open o : stack) {
			if (o.kind == kind) {
				return true;
			}
		}
		return false;
	}

	private static void close(List<Section> out, Open open, int end, boolean closed) {
		out.set(open.index, new Section(0, open.kind, 0, open.bodyStart, Math.max(open.bodyStart, end), closed));
	}

	private static void addText(String text, List<Section> out, int from, int to) {
		if (to > from && !text.substring(from, to).isBlank()) {
			out.add(new Section(0, SectionKind.TEXT, 0, from, to, true));
		}
	}

	/**
	 * Assigns ordinals and depths (depth from containment, which is exact because
	 * sections nest properly).
	 */
	private static void renumber(List<Section> out) {
		Deque<Section> open = new ArrayDeque<>();
		for (int k = 0; k < out.size(); k++) {
			Section s = out.get(k);
			while (!open.isEmpty() && !(s.start() >= open.peek().start() && s.end() <= open.peek().end()
					&& s.kind() != SectionKind.TEXT && open.peek().kind() != SectionKind.TEXT)) {
				open.pop();
			}
			Section numbered = new Section(k, s.kind(), open.size(), s.start(), s.end(), s.closed());
			out.set(k, numbered);
			open.push(numbered);
		}
	}

	/**
	 * Recognises {@code <KIND>}, {@code </KIND>} and {@code <KIND/>} for the known tags
	 * only.
	 */
	private static Tag tagAt(String text, int i) {
		// Known tags are short: look for '>' in a small window only. Searching the rest
		// of the text for every '<'
		// made prose full of comparisons ("a < b") quadratic.
		int close = -1;
		for (int k = i + 1, limit = Math.min(text.length(), i + MAX_TAG_LENGTH); k < limit; k++) {
			if (text.charAt(k) == '>') {
				close = k;
				break;
			}
		}
		if (close < 0) {
			return null;
		}
		boolean closing = text.charAt(i + 1) == '/';
		boolean selfClosing = text.charAt(close - 1) == '/';
		int nameStart = closing ? i + 2 : i + 1;
		int nameEnd = selfClosing ? close - 1 : close;
		if (nameEnd <= nameStart || (closing && selfClosing)) {
			return null;
		}
		SectionKind kind = SectionKind.BY_TAG.get(text.substring(nameStart, nameEnd).strip());
		if (kind == null || !text.substring(nameStart, nameEnd).equals(text.substring(nameStart, nameEnd).strip())) {
			return null;
		}
		return new Tag(kind, closing, selfClosing, i, close + 1);
	}

}
