package org.scratchpadlens.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.annotation.campaign.Reader;
import org.scratchpadlens.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The adjudication queue on a campaign of {@value #ITEMS} items rated by three raters:
 * the sample's transcripts cloned (with their metrics) until there are enough, labels and
 * answers written set-wise by SQL, about one item in three in disagreement. Prints the
 * wall time of the queue API (cold, then repeated, then with filters, then after a new
 * label) and of the adjudicator page of one item, after a warm-up of 30 views each after
 * a label changed, logged in as a session is (and once with HTTP Basic, which checks the
 * password on every request), then of the service alone. Not part of the build (surefire
 * leaves out *Benchmark); run it alone on H2 and PostgreSQL with
 * {@code SCRATCHPAD_TEST_PG_URL=... ./mvnw -o test -Dtest=AdjudicationQueueBenchmark}.
 */
@AppTest
class AdjudicationQueueBenchmark extends AgreementTestData {

	static final int ITEMS = Integer.getInteger("adjudication.items", 3000);

	static final int ROUNDS = 20;

	@Test
	void timeTheQueue() throws Exception {
		sampleData();
		user("rita", Role.RESEARCHER);
		List<Long> items = cloneTranscripts(ITEMS);
		List<String> raters = List.of("bench1", "bench2", "bench3");
		long c = campaign("queue benchmark", 1, items, raters, false);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into label (campaign_id, transcript_id, annotator, rubric_version, revision, seconds_spent,
				  created_at, updated_at)
				select i.campaign_id, i.transcript_id, r.username, 1, 1, 10, ?, ?
				from campaign_item i join campaign_rater r on r.campaign_id = i.campaign_id
				where i.campaign_id = ?""").params(now, now, c).update();
		// every third label of an item's three answers differently on one question
		jdbc.sql("""
				insert into label_answer (label_id, question, answer)
				select l.id, case when t.split = 'train' then 'verdict' else 'unmasking_verdict' end,
				  case when mod(l.id, 9) = 0 then (case when t.split = 'train' then 'full' else 'yes' end) else 'no' end
				from label l join transcript t on t.id = l.transcript_id where l.campaign_id = ?""").param(c).update();
		jdbc.sql("""
				insert into label_answer (label_id, question, answer)
				select l.id, 'output_compliance', case when mod(l.id, 11) = 0 then '2' else '1' end
				from label l where l.campaign_id = ?""").param(c).update();
		jdbc.sql("update campaign_item set label_count = 3, filled = true where campaign_id = ?").param(c).update();
		long labels = jdbc.sql("select count(*) from label where campaign_id = ?").param(c).query(Long.class).single();
		long answers = jdbc
			.sql("select count(*) from label_answer a join label l on l.id = a.label_id " + "where l.campaign_id = ?")
			.param(c)
			.query(Long.class)
			.single();
		String api = "/api/campaigns/" + c + "/adjudication";
		String body = timed(api);
		double firstView = lastMillis;
		JsonNode first = JsonMapper.shared().readTree(body);
		int rows = first.get("rows").size();
		System.out.printf("adjudication queue: %d items, %d labels, %d answers, %d rows in the queue (%d bytes)%n",
				items.size(), labels, answers, rows, body.length());
		report("first view", List.of(firstView));
		// warm-up, the same for a kept queue and none: the queue computed afresh 30 times
		for (int i = 0; i < 30; i++) {
			revise(c, items.get(items.size() - 1 - i));
			timed(api);
		}
		report("views in a row", times(api, ROUNDS));
		List<Double> basic = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			timed(api, SecurityMockMvcRequestPostProcessors.httpBasic("rita", PASSWORD));
			basic.add(lastMillis);
		}
		report("views in a row, HTTP Basic", basic);
		report("kind=raters&state=undecided", times(api + "?kind=raters&state=undecided", ROUNDS));
		report("question=verdict", times(api + "?question=verdict", ROUNDS));
		long item = first.at("/rows/0/transcriptId").asLong();
		report("adjudicator page of one item", times("/campaigns/" + c + "/adjudication/" + item, ROUNDS));
		List<Double> afterLabel = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			revise(c, items.get(i));
			timed(api);
			afterLabel.add(lastMillis);
		}
		report("first view after a label changed", afterLabel);
		// the service alone, without HTTP and JSON
		Reader reader = new Reader("rita", true);
		List<Double> service = new ArrayList<>();
		List<Double> serviceAfterLabel = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			adjudication.queue(c, reader, null, null, null);
			service.add((System.nanoTime() - start) / 1e6);
		}
		for (int i = 0; i < ROUNDS; i++) {
			revise(c, items.get(ROUNDS + i));
			long start = System.nanoTime();
			adjudication.queue(c, reader, null, null, null);
			serviceAfterLabel.add((System.nanoTime() - start) / 1e6);
		}
		report("service: views in a row", service);
		report("service: view after a label changed", serviceAfterLabel);
	}

	@Autowired
	AdjudicationService adjudication;

	/** A label revised: its revision up, as the labelling page does. */
	void revise(long campaign, long item) {
		jdbc.sql("update label set revision = revision + 1, updated_at = ? where campaign_id = ? and "
				+ "transcript_id = ? and annotator = 'bench1'")
			.params(Timestamp.from(Instant.now()), campaign, item)
			.update();
	}

	double lastMillis;

	/**
	 * One GET as rita, logged in as a browser's session is (no password checked), timed
	 * to the last byte of the response (the reply is not parsed within the time); returns
	 * the body.
	 */
	String timed(String path) throws Exception {
		return timed(path, SecurityMockMvcRequestPostProcessors.user("rita").roles("RESEARCHER"));
	}

	String timed(String path, RequestPostProcessor login) throws Exception {
		MediaType accept = path.startsWith("/api/") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML;
		long start = System.nanoTime();
		MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(path).with(login).accept(accept))
			.andReturn()
			.getResponse();
		String body = r.getContentAsString(StandardCharsets.UTF_8);
		lastMillis = (System.nanoTime() - start) / 1e6;
		assertThat(r.getStatus()).as(body).isEqualTo(200);
		return body;
	}

	List<Double> times(String path, int rounds) throws Exception {
		List<Double> ms = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			timed(path);
			ms.add(lastMillis);
		}
		return ms;
	}

	static void report(String what, List<Double> ms) {
		List<Double> sorted = new ArrayList<>(ms);
		Collections.sort(sorted);
		System.out.printf("  %-34s n=%2d  median %7.1f ms  min %7.1f  max %7.1f%n", what, ms.size(),
				sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
	}

	/**
	 * At least {@code count} current transcripts: the sample's, cloned under new file
	 * names (and new ids) with their metrics until there are enough.
	 */
	List<Long> cloneTranscripts(int count) {
		List<Long> originals = transcripts();
		long base = jdbc.sql("select max(id) from transcript").query(Long.class).single();
		for (int round = 1; originals.size() * (round) < count; round++) {
			long offset = base * round;
			jdbc.sql("""
					insert into transcript (id, run_id, split, file_name, query_index, version, is_current,
					  content_sha256, byte_size, source_path, import_job_id, system_prompt_id, free_tier_tag,
					  split_mismatch, user_input_sha256, message_count, scratchpad_blocks, has_output, cut_off,
					  extra_json, imported_at)
					select id + ?, run_id, split, concat(file_name, ?), query_index, version, is_current,
					  content_sha256, byte_size, source_path, import_job_id, system_prompt_id, free_tier_tag,
					  split_mismatch, user_input_sha256, message_count, scratchpad_blocks, has_output, cut_off,
					  extra_json, imported_at
					from transcript where is_current and id <= ?""").params(offset, "#" + round, base).update();
			jdbc.sql("""
					insert into metric (transcript_id, metric_name_id, value_type, bool_value, num_value,
					  text_value, raw_value)
					select m.transcript_id + ?, m.metric_name_id, m.value_type, m.bool_value, m.num_value,
					  m.text_value, m.raw_value
					from metric m join transcript t on t.id = m.transcript_id where t.is_current and t.id <= ?""")
				.params(offset, base)
				.update();
		}
		return transcripts().subList(0, count);
	}

}
