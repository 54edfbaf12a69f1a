package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.export.ExportQueries.Batch;
import org.scratchpadlens.export.ExportQueries.GoldRow;
import org.scratchpadlens.export.ExportQueries.LabelRow;
import org.scratchpadlens.export.ExportScope.Scope;
import org.scratchpadlens.transcript.list.FactsForTests;

/**
 * Constant memory: an export of many transcripts asks the store for one batch at a time
 * and writes (and flushes) each batch's rows before it reads the next, so what it holds
 * does not grow with the export.
 */
class ExportBatchingTests {

	static final int TRANSCRIPTS = 2_345;

	/** The store's answers, made up; records what was asked and when. */
	static final class CountingQueries extends ExportQueries {

		final List<String> events = new ArrayList<>();

		int largest;

		CountingQueries() {
			super(null);
		}

		@Override
		List<String> metricNames() {
			return List.of("partial_scheme");
		}

		@Override
		List<String> annotators(Long campaignId) {
			return List.of("ann1");
		}

		@Override
		Batch batch(List<Long> ids) {
			return Batch.of(ids);
		}

		@Override
		Map<Long, Map<String, Object>> metrics(Batch batch) {
			throw new AssertionError("the list's index holds every metric value here: nothing to read");
		}

		@Override
		List<LabelRow> labels(Batch batch, Long campaignId) {
			List<Long> ids = batch.ids();
			largest = Math.max(largest, ids.size());
			events.add("read " + ids.size());
			return List.of();
		}

		@Override
		Map<Long, Map<String, String>> answers(Batch batch) {
			return Map.of();
		}

		@Override
		List<GoldRow> gold(Batch batch, Long campaignId) {
			return List.of();
		}

	}

	@Test
	void eachBatchIsWrittenAndFlushedBeforeTheNextIsRead() throws Exception {
		CountingQueries queries = new CountingQueries();
		List<Long> ids = LongStream.rangeClosed(1, TRANSCRIPTS).boxed().toList();
		Scope scope = new Scope(ids, FactsForTests.of(TRANSCRIPTS), null, "rita", Set.of(), Set.of(), Map.of(), false,
				Map.of("training_awareness", "yes-no"));
		int[] rowsSinceFlush = { 0 };
		new Exports(queries).transcripts(scope, new RowWriter() {
			@Override
			public void header(List<String> columns) {
			}

			@Override
			public void row(List<?> values) {
				rowsSinceFlush[0]++;
			}

			@Override
			public void flush() {
				queries.events.add("wrote " + rowsSinceFlush[0]);
				rowsSinceFlush[0] = 0;
			}
		});
		assertThat(queries.largest).isEqualTo(ExportQueries.BATCH);
		assertThat(queries.events).containsExactly("read 500", "wrote 500", "read 500", "wrote 500", "read 500",
				"wrote 500", "read 500", "wrote 500", "read 345", "wrote 345");
	}

}
