package org.scratchpadlens.transcript;

import java.util.List;

import org.scratchpadlens.transcript.TranscriptNeighbours.Neighbours;

/**
 * The transcript page: the header read now, the cached conversation, the versions, the
 * pair, and links that keep the list's parameters.
 */
public record TranscriptPage(TranscriptHeader t, TranscriptBody body, List<TranscriptVersion> versions, Long currentId,
		Long pairId, Neighbours neighbours, Links links) {

	/**
	 * Addresses, each carrying the list's parameters; null when there is nothing there.
	 */
	public record Links(String previous, String next, String pair, String sideBySide, String back, String current) {
	}

	/** This version's place among its versions, 1-based. */
	public int versionPosition() {
		for (int i = 0; i < versions.size(); i++) {
			if (versions.get(i).id() == t.id()) {
				return i + 1;
			}
		}
		return 0;
	}

}
