package org.scratchpadlens.annotation.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.scratchpadlens.transcript.TranscriptBlocks;
import org.scratchpadlens.transcript.TranscriptBody;

/**
 * The transcript view's blocks ({@link TranscriptBlocks}) with what the labelling page
 * adds: where each piece of text starts in its message's content (so that a selection
 * becomes char offsets, the same as the section table's), which pieces take evidence
 * (scratchpads and outputs), and the condition masked when the campaign masks it.
 */
final class LabelBlocks {

	/**
	 * Shown instead of the {@code <is_free_tier_user>} value when the condition is
	 * masked.
	 */
	static final String HIDDEN = "[hidden]";

	/**
	 * @param evidence whether text of this block may be attached as evidence (a
	 * scratchpad or the output)
	 */
	record Block(String kind, String heading, int messageOrdinal, boolean closed, boolean evidence, List<Part> parts) {
	}

	/**
	 * @param start the char offset of {@code text} in its message's content, or -1 when
	 * it cannot be quoted (a masked value, or text not found verbatim)
	 */
	record Part(String kind, String label, String text, int start, boolean closed) {
	}

	private LabelBlocks() {
	}

	static List<Block> of(TranscriptBody body, boolean maskCondition) {
		Map<Integer, String> contents = new HashMap<>();
		body.messages().forEach(m -> contents.put(m.ordinal(), m.content()));
		Map<Integer, Integer> cursors = new HashMap<>();
		List<Block> blocks = new ArrayList<>();
		for (TranscriptBlocks.Block b : body.blocks()) {
			String content = contents.get(b.messageOrdinal());
			boolean evidence = "scratchpad".equals(b.kind()) || "output".equals(b.kind());
			List<Part> parts = new ArrayList<>();
			for (TranscriptBlocks.Part p : b.parts()) {
				int start = -1;
				if (content != null && !p.text().isEmpty()) {
					int from = cursors.getOrDefault(b.messageOrdinal(), 0);
					start = content.indexOf(p.text(), from);
					if (start >= 0) {
						cursors.put(b.messageOrdinal(), start + p.text().length());
					}
				}
				if (maskCondition && "flag".equals(p.kind())) {
					parts.add(new Part(p.kind(), p.label(), HIDDEN, -1, p.closed()));
				}
				else {
					parts.add(new Part(p.kind(), p.label(), p.text(), start, p.closed()));
				}
			}
			blocks.add(new Block(b.kind(), b.heading(), b.messageOrdinal(), b.closed(), evidence, List.copyOf(parts)));
		}
		return List.copyOf(blocks);
	}

}
