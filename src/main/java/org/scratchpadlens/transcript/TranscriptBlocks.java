package org.scratchpadlens.transcript;

import java.util.ArrayList;
import java.util.List;

import org.scratchpadlens.transcript.TranscriptBody.Message;
import org.scratchpadlens.transcript.TranscriptBody.Section;

/**
 * Turns stored sections (offset ranges of their message) into the blocks a page shows:
 * the system prompt, the user input with its condition, numbered scratchpads with their
 * drafts, the output. The tags themselves are structure and are left out; every other
 * character of a section is kept, as text for the template to escape.
 */
public final class TranscriptBlocks {

	/**
	 * @param kind system, input, scratchpad, output, next or text
	 * @param closed false when the closing tag is missing
	 * @param parts the block's text in order
	 */
	public record Block(String kind, String heading, String role, int messageOrdinal, boolean closed,
			List<Part> parts) {

		/** An anchor for links and keys: scratchpad-2, output-1, ... */
		public String anchor() {
			return kind + "-" + messageOrdinal + "-" + heading.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase();
		}

	}

	/**
	 * @param kind text, draft (a DRAFT_OUTPUT inside a scratchpad), flag
	 * (is_free_tier_user) or other (text inside INPUT outside the known tags)
	 */
	public record Part(String kind, String label, String text, boolean closed) {
	}

	private TranscriptBlocks() {
	}

	public static List<Block> of(List<Message> messages) {
		List<Block> blocks = new ArrayList<>();
		int scratchpads = 0;
		for (Message m : messages) {
			if (m.content() == null) {
				blocks.add(new Block("system", "System prompt", m.role(), m.ordinal(), true, List.of()));
				continue;
			}
			if ("system".equals(m.role())) {
				blocks.add(new Block("system", "System prompt", m.role(), m.ordinal(), true,
						text(m.content(), 0, m.content().length())));
				continue;
			}
			List<Section> sections = m.sections();
			if (sections.isEmpty()) {
				if (!m.content().isBlank()) {
					blocks.add(new Block("text", textHeading(m.role()), m.role(), m.ordinal(), true,
							text(m.content(), 0, m.content().length())));
				}
				continue;
			}
			for (int i = 0; i < sections.size(); i++) {
				Section s = sections.get(i);
				if (s.depth() != 0) {
					continue;
				}
				List<Section> children = childrenOf(sections, i);
				String content = m.content();
				switch (s.kind()) {
					case "INPUT" -> blocks.add(new Block("input", "User input", m.role(), m.ordinal(), s.closed(),
							withChildren(content, s, children)));
					case "SCRATCHPAD_REASONING" -> {
						scratchpads++;
						blocks.add(new Block("scratchpad", "Scratchpad " + scratchpads, m.role(), m.ordinal(),
								s.closed(), withChildren(content, s, children)));
					}
					case "OUTPUT" -> blocks.add(new Block("output", "Output", m.role(), m.ordinal(), s.closed(),
							text(content, s.start(), s.end())));
					case "NEXT" -> blocks.add(new Block("next", "Continue", m.role(), m.ordinal(), true, List.of()));
					case "TEXT" -> blocks.add(new Block("text", textHeading(m.role()), m.role(), m.ordinal(),
							s.closed(), text(content, s.start(), s.end())));
					default -> blocks.add(new Block("text", s.kind(), m.role(), m.ordinal(), s.closed(),
							text(content, s.start(), s.end())));
				}
			}
		}
		return List.copyOf(blocks);
	}

	private static String textHeading(String role) {
		return switch (role) {
			case "user" -> "User message";
			case "assistant" -> "Assistant text outside the tags";
			default -> "Message (" + role + ")";
		};
	}

	/** The sections directly inside section {@code i} (they follow it in order). */
	private static List<Section> childrenOf(List<Section> sections, int i) {
		Section parent = sections.get(i);
		List<Section> children = new ArrayList<>();
		for (int k = i + 1; k < sections.size(); k++) {
			Section c = sections.get(k);
			if (c.depth() <= parent.depth() || c.start() < parent.start() || c.end() > parent.end()) {
				break;
			}
			if (c.depth() == parent.depth() + 1) {
				children.add(c);
			}
		}
		return children;
	}

	private static List<Part> withChildren(String content, Section parent, List<Section> children) {
		List<Part> parts = new ArrayList<>();
		int cursor = parent.start();
		for (Section c : children) {
			gap(content, cursor, c.start(), c.kind(), parent.kind(), parts);
			String body = content.substring(c.start(), c.end()).strip();
			switch (c.kind()) {
				case "DRAFT_OUTPUT" -> parts.add(new Part("draft", "Draft output", body, c.closed()));
				case "is_free_tier_user" -> parts.add(new Part("flag", "is_free_tier_user", body, c.closed()));
				case "user_input" -> {
					if (!body.isEmpty()) {
						parts.add(new Part("text", null, body, c.closed()));
					}
				}
				default -> parts.add(new Part("other", c.kind(), body, c.closed()));
			}
			cursor = c.end();
			String close = "</" + c.kind() + ">";
			if (content.startsWith(close, cursor) && cursor + close.length() <= parent.end()) {
				cursor += close.length();
			}
		}
		gap(content, cursor, parent.end(), null, parent.kind(), parts);
		return List.copyOf(parts);
	}

	/**
	 * Text between children, without the opening tag of the child that follows; blank
	 * text is dropped.
	 */
	private static void gap(String content, int from, int to, String nextKind, String parentKind, List<Part> parts) {
		if (to <= from) {
			return;
		}
		String text = content.substring(from, to);
		if (nextKind != null) {
			for (String tag : new String[] { "<" + nextKind + ">", "<" + nextKind + "/>" }) {
				if (text.endsWith(tag)) {
					text = text.substring(0, text.length() - tag.length());
					break;
				}
			}
		}
		text = text.strip();
		if (!text.isEmpty()) {
			parts.add(new Part("INPUT".equals(parentKind) ? "other" : "text", null, text, true));
		}
	}

	private static List<Part> text(String content, int start, int end) {
		String text = content.substring(start, end).strip();
		return text.isEmpty() ? List.of() : List.of(new Part("text", null, text, true));
	}

}
