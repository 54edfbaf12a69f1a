package org.scratchpadlens.transcript;

/**
 * A transcript and its pair in two columns, train on the left.
 *
 * @param train the train transcript, or null when the pair has none
 * @param deploy the deploy transcript, or null when the pair has none
 * @param back the transcript page the reader came from, with the list's parameters
 */
public record SideBySide(Column train, Column deploy, long askedId, String back) {

	public record Column(TranscriptHeader t, TranscriptBody body, String href) {
	}

}
