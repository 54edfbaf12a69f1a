package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.scratchpadlens.annotation.LabellingTestBase;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Campaigns made through the API, labels written straight into the store, CSV read back.
 */
abstract class ExportTestBase extends LabellingTestBase {

	/** The sample data, no campaigns, labels or gold answers. */
	void freshStore() {
		sampleData();
		forgetCampaigns();
		jdbc.sql("delete from gold_answer").update();
	}

	/** A campaign over the filter (JSON object), all its items (or a sample of size). */
	long campaign(String name, String filter, Integer size, List<String> raters, boolean blind) throws Exception {
		String sample = size == null ? "" : """
				"sample": {"size": %d, "stratifyBy": ["split"], "seed": 7},""".formatted(size);
		Reply created = post("/api/campaigns", "admin",
				"""
						{"name": "%s", "filter": %s, %s "ratersPerItem": %d, "raters": [%s], "blind": %s, "order": "run"}"""
					.formatted(name, filter, sample, raters.size(),
							String.join(",", raters.stream().map(r -> '"' + r + '"').toList()), blind));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.at("/id").asLong();
	}

	List<Long> items(long campaign) {
		return jdbc.sql("select transcript_id from campaign_item where campaign_id = ? order by position")
			.param(campaign)
			.query(Long.class)
			.list();
	}

	/**
	 * A label written directly (no rubric check: the published agreement tables use their
	 * own codes), with its answers.
	 */
	long label(long campaign, long transcript, String annotator, Map<String, String> answers) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into label (campaign_id, transcript_id, annotator, rubric_version, revision, seconds_spent,
				  created_at, updated_at) values (?, ?, ?, 1, 1, 12, ?, ?)""")
			.params(campaign, transcript, annotator, now, now)
			.update();
		long id = jdbc.sql("select id from label where campaign_id = ? and transcript_id = ? and annotator = ?")
			.params(campaign, transcript, annotator)
			.query(Long.class)
			.single();
		answers.forEach((q, a) -> jdbc.sql("insert into label_answer (label_id, question, answer) values (?, ?, ?)")
			.params(id, q, a)
			.update());
		return id;
	}

	static Map<String, String> answers(String... pairs) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			answers.put(pairs[i], pairs[i + 1]);
		}
		return answers;
	}

	/** JSON Lines are not one JSON document: read them as text. */
	@Override
	protected Reply get(String path, String user) throws Exception {
		if (!path.contains(".jsonl")) {
			return super.get(path, user);
		}
		MockHttpServletResponse response = mvc
			.perform(MockMvcRequestBuilders.get(path)
				.with(httpBasic(user, user.equals("admin") ? "admin-test-password" : PASSWORD)))
			.andReturn()
			.getResponse();
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		return new Reply(response.getStatus(), text,
				text.startsWith("{\"error\"") ? JsonMapper.shared().readTree(text) : null, response);
	}

	/** The CSV's records (header first). */
	static List<CSVRecord> csv(String text) throws IOException {
		try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
			return new ArrayList<>(parser.getRecords());
		}
	}

	/** The CSV's rows as maps by column name. */
	static List<Map<String, String>> rows(String text) throws IOException {
		List<CSVRecord> records = csv(text);
		List<String> header = records.get(0).toList();
		List<Map<String, String>> rows = new ArrayList<>();
		for (CSVRecord r : records.subList(1, records.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), r.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

}
