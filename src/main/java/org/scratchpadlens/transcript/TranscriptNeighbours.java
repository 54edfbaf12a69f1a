package org.scratchpadlens.transcript;

import org.springframework.util.MultiValueMap;

/**
 * Previous and next within the transcript list a reader came from: the list's parameters
 * ({@code run}, {@code split}, {@code metric.*}, {@code q}, {@code sort}, ...) travel
 * with the transcript page's address, so j/k walk the same list.
 */
public interface TranscriptNeighbours {

	/**
	 * The transcripts before and after {@code id} in the list these parameters select
	 * (null at either end, or when {@code id} is not in that list).
	 * @throws org.scratchpadlens.web.BadRequestException when the parameters are invalid
	 */
	Neighbours around(long id, MultiValueMap<String, String> listParameters);

	/**
	 * @param previous the transcript before, or null
	 * @param next the transcript after, or null
	 * @param position 1-based position of the transcript in the list, or 0 when it is not
	 * in it
	 * @param total how many transcripts the list holds
	 */
	record Neighbours(Long previous, Long next, long position, long total) {
	}

}
