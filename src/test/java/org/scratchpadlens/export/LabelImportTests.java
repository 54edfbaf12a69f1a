package org.scratchpadlens.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.support.AppTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The long export, edited and imported back: the same file twice adds nothing, an edit is
 * a new revision, the formula guard is undone exactly, and every bad row is reported with
 * its line while nothing is stored.
 */
@AppTest
class LabelImportTests extends ExportTestBase {

	long campaign;

	List<Long> items;

	@BeforeEach
	void setUp() throws Exception {
		freshStore();
		user("rita", Role.RESEARCHER);
		user("ann1", Role.ANNOTATOR);
		user("ann2", Role.ANNOTATOR);
		user("stranger", Role.ANNOTATOR);
		campaign = campaign("Import", """
				{"run": "helpful_only/default", "split": "train"}""", 3, List.of("ann1", "ann2", "rita"), false);
		items = items(campaign);
		Map<String, Object> message = jdbc.sql("""
				select ordinal, content from message where transcript_id = ? and content is not null
				order by ordinal fetch first 1 rows only""").param(items.get(0)).query().singleRow();
		String quoted = ((String) message.get("content")).substring(0, 12);
		submit(items.get(0), "ann1", """
				"answers": {"training_awareness": "yes", "note": "=1+2 looks like a formula\\nover two lines"},
				"spans": [{"question": "training_awareness", "messageOrdinal": %d, "start": 0, "end": 12,
				  "text": %s}]""".formatted(((Number) message.get("ordinal")).intValue(),
				JsonMapper.shared().writeValueAsString(quoted)));
		submit(items.get(0), "ann2", """
				"answers": {"training_awareness": "yes", "note": "'quoted already", "confidence": "2"}""");
		submit(items.get(1), "ann1", """
				"answers": {"training_awareness": "no"}""");
	}

	void submit(long transcript, String user, String body) throws Exception {
		Reply r = post("/api/transcripts/" + transcript + "/labels", user,
				"{\"campaignId\": " + campaign + ", " + body + ", \"secondsSpent\": 20}");
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	Reply importCsv(String csv, String user) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(MockMvcRequestBuilders.post("/api/labels/import")
				.contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8))
				.with(httpBasic(user, user.equals("admin") ? "admin-test-password" : PASSWORD)))
			.andReturn()
			.getResponse();
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		return new Reply(response.getStatus(), text, text.startsWith("{") ? JsonMapper.shared().readTree(text) : null,
				response);
	}

	String export() throws Exception {
		Reply reply = get("/export/labels.csv?campaign=" + campaign, "rita");
		assertThat(reply.status()).isEqualTo(200);
		return reply.text();
	}

	/**
	 * The file's cells as they are (guards included), as a spreadsheet would keep them.
	 */
	static List<List<String>> cells(String csv) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		csv(csv).forEach(r -> rows.add(new ArrayList<>(r.toList())));
		return rows;
	}

	static String write(List<List<String>> rows) throws Exception {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
		}
		return out.toString();
	}

	/** The line each row starts on when written (the header is line 1). */
	static List<Long> startLines(List<List<String>> rows) {
		List<Long> lines = new ArrayList<>();
		long line = 1;
		for (List<String> row : rows) {
			lines.add(line);
			line += 1 + String.join("", row).chars().filter(c -> c == '\n').count();
		}
		return lines;
	}

	static int column(String name) {
		return Exports.LONG.indexOf(name);
	}

	long revisions() {
		return jdbc.sql("select count(*) from label_revision").query(Long.class).single();
	}

	long labelCount() {
		return jdbc.sql("select count(*) from label").query(Long.class).single();
	}

	@Test
	void theSameFileTwiceAddsNothing() throws Exception {
		String csv = export();
		assertThat(csv).contains("'=1+2 looks like a formula\nover two lines").contains("''quoted already");
		long before = revisions();
		for (int i = 0; i < 2; i++) {
			Reply reply = importCsv(csv, "rita");
			assertThat(reply.status()).as(reply.text()).isEqualTo(200);
			assertThat(reply.at("/imported").asBoolean()).isTrue();
			assertThat(reply.at("/labels").asInt()).isEqualTo(3);
			assertThat(reply.at("/unchanged").asInt()).isEqualTo(3);
			assertThat(reply.at("/created").asInt()).isZero();
			assertThat(reply.at("/revised").asInt()).isZero();
		}
		assertThat(revisions()).isEqualTo(before);
		assertThat(export()).isEqualTo(csv);
	}

	@Test
	void anEditedAnswerIsANewRevisionAndANewRowANewLabel() throws Exception {
		List<List<String>> rows = cells(export());
		List<String> edited = rows.stream()
			.filter(r -> r.get(column("annotator")).equals("ann1") && r.get(column("record")).equals("answer")
					&& r.get(column("transcript_id")).equals(Long.toString(items.get(1))))
			.findFirst()
			.orElseThrow();
		edited.set(column("answer"), "yes");
		List<String> added = new ArrayList<>(edited);
		added.set(column("annotator"), "rita");
		added.set(column("note"), "'-a note that starts with a minus");
		rows.add(added);
		Reply reply = importCsv(write(rows), "rita");
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.at("/revised").asInt()).isEqualTo(1);
		assertThat(reply.at("/created").asInt()).isEqualTo(1);
		assertThat(reply.at("/unchanged").asInt()).isEqualTo(2);
		Map<String, Object> label = jdbc
			.sql("select id, revision from label where transcript_id = ? and annotator = 'ann1' and campaign_id = ?")
			.params(items.get(1), campaign)
			.query()
			.singleRow();
		assertThat(((Number) label.get("revision")).intValue()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from label_revision where label_id = ?")
			.param(label.get("id"))
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc
			.sql("select answer from label_answer a join label l on l.id = a.label_id "
					+ "where l.annotator = 'rita' and a.question = 'note'")
			.query(String.class)
			.single()).isEqualTo("-a note that starts with a minus");
		// and again: nothing more
		Reply again = importCsv(write(rows), "rita");
		assertThat(again.at("/unchanged").asInt()).isEqualTo(4);
	}

	@Test
	void everyBadRowIsReportedWithItsLineAndNothingIsStored() throws Exception {
		List<List<String>> rows = cells(export());
		List<String> template = new ArrayList<>(rows.get(1));
		long outside = jdbc
			.sql("select id from transcript where id not in (select transcript_id from campaign_item) "
					+ "order by id fetch first 1 rows only")
			.query(Long.class)
			.single();
		rows.get(1).set(column("answer"), "no"); // a real change, which must not be
													// stored either
		// the export: the header and 6 rows (ann1's answer and span, ann2's two answers,
		// ann1's answer on the second item and the verdict the rubric derives from it)
		assertThat(rows).hasSize(7);
		rows.add(with(template, "transcript_id", Long.toString(outside))); // index 7
		rows.add(with(template, "annotator", "nobody_here"));
		rows.add(with(template, "annotator", "stranger")); // not a rater
		rows.add(with(template, "campaign_id", "999999"));
		rows.add(with(template, "source", "robot"));
		rows.add(with(template, "transcript_id", "abc"));
		// index 13
		rows.add(with(with(template, "annotator", "ann2"), "note", "another note"));
		long revisions = revisions();
		long labels = labelCount();
		Reply reply = importCsv(write(rows), "rita");
		assertThat(reply.status()).as(reply.text()).isEqualTo(400);
		assertThat(reply.at("/imported").asBoolean()).isFalse();
		assertThat(reply.at("/error").asString()).contains("nothing was imported");
		List<Long> at = startLines(rows);
		List<String> problems = new ArrayList<>();
		for (JsonNode p : reply.at("/problems")) {
			problems.add(p.get("line").asLong() + ": " + p.get("problem").asString());
		}
		// ann1's two rows on the first item hold a note of two lines (and the quoted text
		// may
		// hold more): the lines are the file's, not the records'
		assertThat(at.get(7)).isGreaterThan(7L);
		assertThat(problems).containsExactly(
				at.get(7) + ": Transcript " + outside + " is not an item of campaign " + campaign
						+ " (or there is no such transcript).",
				at.get(8) + ": There is no account 'nobody_here' (an export with pseudonyms cannot be imported: it "
						+ "names no one).",
				at.get(9) + ": 'stranger' is not a rater of campaign " + campaign + ".",
				at.get(10) + ": There is no campaign 999999.",
				at.get(11) + ": source must be rater or gold, not 'robot'.",
				at.get(12) + ": transcript_id: 'abc' is not a whole number.",
				at.get(13) + ": the note differs from the one on line " + at.get(3)
						+ " of the same label; a label has one note: make " + "its rows agree.");
		assertThat(revisions()).isEqualTo(revisions);
		assertThat(labelCount()).isEqualTo(labels);

		// once the references are right, the rubric's rules are reported per label
		List<List<String>> rubric = cells(export());
		rubric.get(1).set(column("answer"), "no");
		List<String> unknown = with(with(template, "annotator", "rita"), "question", "no_such_question"); // 8
		unknown.set(column("transcript_id"), Long.toString(items.get(1)));
		rubric.add(unknown);
		List<String> maybe = with(with(template, "annotator", "rita"), "answer", "maybe"); // 9
		maybe.set(column("transcript_id"), Long.toString(items.get(2)));
		rubric.add(maybe);
		Reply second = importCsv(write(rubric), "rita");
		assertThat(second.status()).as(second.text()).isEqualTo(400);
		assertThat(second.at("/problems")).hasSize(2);
		assertThat(second.at("/problems/0/line").asLong()).isEqualTo(startLines(rubric).get(7));
		assertThat(second.at("/problems/0/problem").asString()).contains("no_such_question");
		assertThat(second.at("/problems/1/line").asLong()).isEqualTo(startLines(rubric).get(8));
		assertThat(second.at("/problems/1/problem").asString()).contains("maybe");
		assertThat(revisions()).isEqualTo(revisions);
		assertThat(labelCount()).isEqualTo(labels);
	}

	static List<String> with(List<String> row, String column, String value) {
		List<String> copy = new ArrayList<>(row);
		copy.set(column(column), value);
		return copy;
	}

	@Test
	void goldRowsAreCountedAndLeftAloneAndAFileWithoutTheColumnsIsRefused() throws Exception {
		jdbc.sql("""
				insert into gold_answer (campaign_id, transcript_id, question, answer, reason, adjudicator, revision,
				  decided_at) values (?, ?, 'training_awareness', 'yes', 'r', 'rita', 1, current_timestamp)""")
			.params(campaign, items.get(0))
			.update();
		Reply reply = importCsv(export(), "rita");
		assertThat(reply.status()).as(reply.text()).isEqualTo(200);
		assertThat(reply.at("/goldRows").asInt()).isEqualTo(1);
		Reply wrong = importCsv("item,a,b\n1,yes,no\n", "rita");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.at("/problems/0/line").asLong()).isEqualTo(1);
		assertThat(wrong.at("/problems/0/problem").asString()).contains("source");
	}

	@Test
	void aCampaignsImportTakesOnlyItsRowsAndAnnotatorsAreRefused() throws Exception {
		long other = campaign("Other", """
				{"run": "helpful_only/default", "split": "deploy"}""", 2, List.of("ann1"), false);
		String csv = export();
		MockHttpServletResponse page = mvc
			.perform(MockMvcRequestBuilders.multipart("/campaigns/" + other + "/import")
				.file(new MockMultipartFile("file", "labels.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user("rita")
					.roles("RESEARCHER")))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Nothing was imported")
			.contains("this page imports labels of campaign " + other + " only");
		assertThat(importCsv(csv, "ann1").status()).isEqualTo(403);
	}

}
