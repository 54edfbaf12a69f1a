package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.export.ExportQueries.Batch;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.transcript.list.TranscriptList;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch is read as an id range only when its ids ascend and the range holds few other
 * transcripts, and a range read gives, for the batch's transcripts, exactly what a read
 * by the ids gives: the same conditions, metrics, labels, answers, spans and gold.
 */
@AppTest
class ExportBatchReadTests extends ExportTestBase {

	@Autowired
	ExportQueries queries;

	@Autowired
	TranscriptList transcripts;

	long campaign;

	List<Long> current;

	@BeforeEach
	void setUp() throws Exception {
		freshStore();
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
		campaign = campaign("Ranges", "{}", null, List.of("ann1", "ann2"), false);
		current = jdbc.sql("select id from transcript where is_current order by id").query(Long.class).list();
		List<Long> items = items(campaign);
		for (int i = 0; i < items.size(); i += 2) {
			long l = label(campaign, items.get(i), "ann1", answers("training_awareness", "yes", "note", "n" + i));
			label(campaign, items.get(i), "ann2", answers("training_awareness", i % 4 == 0 ? "no" : "yes"));
			jdbc.sql("""
					insert into label_span (label_id, question, message_ordinal, start_offset, end_offset, quoted)
					values (?, 'training_awareness', 1, 0, 4, 'abcd')""").param(l).update();
			jdbc.sql("""
					insert into gold_answer (campaign_id, transcript_id, question, answer, reason, adjudicator,
					  revision, decided_at) values (?, ?, 'training_awareness', 'yes', 'r', 'ann1', 1, ?)""")
				.params(campaign, items.get(i), java.sql.Timestamp.from(java.time.Instant.now()))
				.update();
		}
	}

	@Test
	void onlyAnAscendingDenseBatchIsReadAsARange() {
		assertThat(current).hasSizeGreaterThan(6);
		Batch all = queries.batch(current);
		assertThat(all.first()).isEqualTo(current.get(0));
		assertThat(all.last()).isEqualTo(current.get(current.size() - 1));
		assertThat(all.where("t.id")).isEqualTo("t.id between :first and :last");

		List<Long> descending = new ArrayList<>(current);
		Collections.reverse(descending);
		assertThat(queries.batch(descending).first()).isNull();
		assertThat(queries.batch(descending).where("t.id")).isEqualTo("t.id in (:ids)");

		// the first and the last: every other transcript of the range would be read for
		// nothing
		assertThat(queries.batch(List.of(current.get(0), current.get(current.size() - 1))).first()).isNull();
		assertThat(queries.batch(List.of(current.get(3))).first()).isEqualTo(current.get(3));
	}

	@Test
	void aRangeReadGivesTheBatchsTranscriptsWhatAReadByTheirIdsGives() {
		// the middle of the store, so that the range has neighbours on both sides
		List<Long> ids = current.subList(2, current.size() - 2);
		Batch range = new Batch(ids, ids.get(0) - 1, ids.get(ids.size() - 1) + 1);
		Batch list = Batch.of(ids);
		Set<Long> wanted = new HashSet<>(ids);

		assertThat(only(queries.metrics(range), wanted)).isEqualTo(queries.metrics(list)).isNotEmpty();
		assertThat(queries.labels(range, campaign).stream().filter(l -> wanted.contains(l.transcriptId())).toList())
			.isEqualTo(queries.labels(list, campaign))
			.isNotEmpty();
		assertThat(queries.answers(range)).containsAllEntriesOf(queries.answers(list));
		assertThat(queries.answers(list)).isNotEmpty();
		assertThat(queries.spans(range)).containsAllEntriesOf(queries.spans(list));
		assertThat(queries.spans(list)).isNotEmpty();
		assertThat(queries.gold(range, campaign).stream().filter(g -> wanted.contains(g.transcriptId())).toList())
			.isEqualTo(queries.gold(list, campaign))
			.isNotEmpty();
		// what the range read has beyond the batch is its neighbours' rows, nothing else
		assertThat(queries.metrics(range).keySet())
			.allMatch(id -> id >= range.first() && id <= range.last() && current.contains(id));
	}

	@Test
	void theWideExportIsTheSameInAnyOrderOfReading() throws Exception {
		// the list's order ascends here: the export reads ranges; every third transcript
		// is read by ids; both give the same rows
		String whole = get("/export/transcripts.csv?campaign=" + campaign, "admin").text();
		Map<String, Map<String, String>> byId = new LinkedHashMap<>();
		rows(whole).forEach(r -> byId.put(r.get("transcript_id"), r));
		List<Long> sparse = IntStream.range(0, current.size()).filter(i -> i % 3 == 0).mapToObj(current::get).toList();
		assertThat(queries.batch(sparse).first()).isNull();
		var facts = transcripts.selectedTranscripts(new org.springframework.util.LinkedMultiValueMap<>()).facts();
		ExportScope.Scope scope = new ExportScope.Scope(sparse, facts, null, "admin", Set.of(), Set.of(), Map.of(),
				false, Map.of("training_awareness", "yes-no"));
		java.io.StringWriter out = new java.io.StringWriter();
		new Exports(queries).transcripts(scope, new CsvRowWriter(out));
		List<Map<String, String>> rows = rows(out.toString());
		assertThat(rows).hasSize(sparse.size());
		for (Map<String, String> r : rows) {
			Map<String, String> same = byId.get(r.get("transcript_id"));
			assertThat(same).as(r.get("transcript_id")).isNotNull();
			r.forEach((column, value) -> {
				if (same.containsKey(column)) {
					assertThat(value).as(column).isEqualTo(same.get(column));
				}
			});
		}
	}

	private static <V> Map<Long, V> only(Map<Long, V> rows, Set<Long> ids) {
		Map<Long, V> kept = new LinkedHashMap<>(rows);
		kept.keySet().retainAll(ids);
		return kept;
	}

}
