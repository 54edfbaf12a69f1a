package org.scratchpadlens.transcript.search;

/**
 * Full-text search over transcripts' user inputs, scratchpads and outputs (every message
 * but a system prompt stored once). PostgreSQL answers with its own full-text search (one
 * index shared by every app instance); embedded H2 with a Lucene index beside the
 * database (decision 0005). Imports do not write to it: {@link SearchCatchUp} indexes
 * what they wrote afterwards.
 */
public interface TextSearch {

	/**
	 * Ids of the transcripts (any version; the caller keeps the current ones) whose text
	 * holds every clause of the query.
	 */
	long[] matching(SearchQuery query);

	/** Which of these current transcripts (ascending ids) are not searchable yet. */
	long[] notIndexed(long[] currentIds);

	/** Makes these transcripts searchable. */
	void index(long[] ids);

}
