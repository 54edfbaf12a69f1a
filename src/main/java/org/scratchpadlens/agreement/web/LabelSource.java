package org.scratchpadlens.agreement.web;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.scratchpadlens.agreement.web.AgreementQueries.GoldRow;
import org.scratchpadlens.agreement.web.AgreementQueries.LabelRow;
import org.scratchpadlens.agreement.web.AgreementQueries.MessageLength;
import org.scratchpadlens.agreement.web.AgreementQueries.MetricRow;
import org.scratchpadlens.agreement.web.AgreementQueries.SpanRow;

/**
 * The labels an agreement covers and what goes with them: one campaign's, or every
 * campaign's labels on the transcripts a list filter selects. {@link AgreementService}
 * reads through this only, so both kinds of agreement are computed by the same code.
 */
interface LabelSource {

	/**
	 * Every submitted label, ordered by transcript, then annotator, then oldest first (so
	 * that, where one rater labelled a transcript in several campaigns, the last row is
	 * the newest).
	 */
	void labels(Consumer<LabelRow> each);

	/** Every answer of the labels (and possibly of others, which the reader ignores). */
	void answers(AnswerSink sink);

	/** Boolean automated metrics of these names (others' rows may come too). */
	List<MetricRow> metrics(List<String> names);

	/** Gold answers, oldest decision first: a later row for the same item wins. */
	List<GoldRow> gold();

	/** Evidence spans, each with the label it belongs to. */
	List<SpanRow> spans();

	/** The length of every message of these transcripts. */
	List<MessageLength> messageLengths(Collection<Long> transcripts);

	/** Reads the answers of some labels. */
	@FunctionalInterface
	interface AnswerReader {

		void read(java.util.Set<Long> labelIds, AnswerSink sink);

	}

	/** One answer, as it streams from the store. */
	@FunctionalInterface
	interface AnswerSink {

		void accept(long labelId, String question, String answer);

	}

}
