package org.scratchpadlens.annotation.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchpadlens.support.TranscriptFiles.transcript;
import static org.scratchpadlens.support.TranscriptFiles.write;
import static org.scratchpadlens.support.TranscriptFiles.writeRun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.account.Role;
import org.scratchpadlens.annotation.LabellingTestBase;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.job.ImportReport;
import org.scratchpadlens.ingest.job.ImportUndo;
import org.scratchpadlens.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A label belongs to the transcript version it was made on: a re-import that adds a newer
 * version of the file leaves the label on the old version, the labelling page and the
 * label's JSON say a newer version exists (a link for those who may open it), and the
 * import that holds the labelled version still cannot be undone.
 */
@AppTest
class NewerVersionTests extends LabellingTestBase {

	static final String RUN = "helpful_only/reimported";

	@Autowired
	ImportUndo undo;

	@TempDir
	Path dir;

	@BeforeEach
	void data() {
		forgetCampaigns();
		user("ann1", Role.ANNOTATOR);
		user("rita", Role.RESEARCHER);
	}

	ImportReport importAll() {
		return imports.importNow(new ImportRequest(List.of(dir.resolve("json_outputs")), "cli", "tester", null),
				ImportProgress.NONE);
	}

	String page(long campaign, long transcript, String user) throws Exception {
		var response = mvc
			.perform(MockMvcRequestBuilders.get("/campaigns/" + campaign + "/label/" + transcript)
				.accept(MediaType.TEXT_HTML)
				.with(httpBasic(user, PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	long currentId() {
		return transcriptId(RUN, "train", 0);
	}

	@Test
	void aReimportLeavesTheLabelOnItsVersionAndThePageAndJsonPointToTheNewerOne() throws Exception {
		writeRun(dir, RUN, 1);
		ImportReport first = importAll();
		long labelled = currentId();
		Reply created = post("/api/campaigns", "admin", """
				{"name": "Versions", "filter": {"run": "%s", "split": "train"}, "ratersPerItem": 2,
				 "raters": ["ann1", "rita"], "order": "run"}""".formatted(RUN));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long campaign = created.at("/id").asLong();
		for (String rater : List.of("ann1", "rita")) {
			assertThat(post("/api/campaigns/" + campaign + "/next", rater, null).at("/transcriptId").asLong())
				.isEqualTo(labelled);
		}
		Reply label = post("/api/transcripts/" + labelled + "/labels", "ann1",
				"{\"campaignId\": %d, \"answers\": {\"confidence\": \"3\"}, \"secondsSpent\": 12}".formatted(campaign));
		assertThat(label.status()).as(label.text()).isEqualTo(201);
		long labelId = label.at("/id").asLong();
		assertThat(label.at("/newerTranscriptId").isNull()).isTrue();
		assertThat(page(campaign, labelled, "ann1")).doesNotContain("A newer version of this transcript exists");

		// the same run and file name, changed: the importer adds version 2
		write(dir.resolve("json_outputs/" + RUN + "/train/0.json"), transcript(true, "a changed question", null));
		ImportReport second = importAll();
		assertThat(second.transcriptsUpdated()).isEqualTo(1);
		long newer = currentId();
		assertThat(newer).isNotEqualTo(labelled);
		assertThat(jdbc.sql("select version from transcript where id = ?").param(newer).query(Integer.class).single())
			.isEqualTo(2);

		// the label stays on the version it was made on
		assertThat(jdbc.sql("select transcript_id from label where id = ?").param(labelId).query(Long.class).single())
			.isEqualTo(labelled);
		Reply json = get("/api/labels/" + labelId, "ann1");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.at("/transcriptId").asLong()).isEqualTo(labelled);
		assertThat(json.at("/newerTranscriptId").asLong()).isEqualTo(newer);
		assertThat(json.at("/answers/confidence").asString()).isEqualTo("3");
		Reply list = get("/api/transcripts/" + labelled + "/labels", "ann1");
		assertThat(list.json().size()).isEqualTo(1);
		assertThat(list.at("/0/newerTranscriptId").asLong()).isEqualTo(newer);

		// the page says so: an annotator reads the newer one's number (the transcript
		// pages are not theirs), a researcher gets a link to it
		String annotators = page(campaign, labelled, "ann1");
		assertThat(annotators).contains("id=\"newer-version\"")
			.contains("A newer version of this transcript exists")
			.contains("<span>transcript " + newer + "</span>")
			.doesNotContain("href=\"/transcripts/" + newer + "\"")
			.contains("Your label belongs to the version shown here.")
			.contains("Label transcript <code>" + labelled + "</code>");
		String researchers = page(campaign, labelled, "rita");
		assertThat(researchers).contains("A newer version of this transcript exists")
			.contains("<a href=\"/transcripts/" + newer + "\">transcript " + newer + "</a>");
		assertThat(get("/transcripts/" + newer, "rita").status()).isEqualTo(200);
		// the researcher labels the old version too: the label goes on the campaign's
		// item, not on the newer version
		Reply second_label = post("/api/transcripts/" + labelled + "/labels", "rita",
				"{\"campaignId\": %d, \"answers\": {\"confidence\": \"1\"}, \"secondsSpent\": 5}".formatted(campaign));
		assertThat(second_label.status()).as(second_label.text()).isEqualTo(201);
		assertThat(second_label.at("/transcriptId").asLong()).isEqualTo(labelled);
		assertThat(second_label.at("/newerTranscriptId").asLong()).isEqualTo(newer);

		// the import holding the labelled version still cannot be undone
		ImportUndo.UndoResult refused = undo.undo(first.jobId());
		assertThat(refused.undone()).isFalse();
		assertThat(refused.blockers()).contains("2 labels on " + RUN + "/train/0.json");
		assertThat(jdbc.sql("select count(*) from label where transcript_id = ?")
			.param(labelled)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from transcript where id = ?").param(labelled).query(Long.class).single())
			.isEqualTo(1);

		// undoing the re-import makes the labelled version current again: no notice
		assertThat(undo.undo(second.jobId()).undone()).isTrue();
		assertThat(currentId()).isEqualTo(labelled);
		assertThat(get("/api/labels/" + labelId, "ann1").at("/newerTranscriptId").isNull()).isTrue();
		assertThat(page(campaign, labelled, "ann1")).doesNotContain("A newer version of this transcript exists");
	}

	@Test
	void aNewerVersionOfAnItemRatedBlindKeepsItsMetricsHiddenToo() throws Exception {
		String run = "helpful_only/reimported_blind";
		writeRun(dir, run, 1);
		importAll();
		long item = transcriptId(run, "train", 0);
		Reply created = post("/api/campaigns", "admin", """
				{"name": "Blind versions", "filter": {"run": "%s", "split": "train"}, "ratersPerItem": 1,
				 "raters": ["rita"], "order": "run", "blind": {"hideMetrics": true}}""".formatted(run));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(get("/api/transcripts/" + item, "rita").at("/metricsHidden").asBoolean()).isTrue();

		write(dir.resolve("json_outputs/" + run + "/train/0.json"), transcript(true, "a changed question", null));
		importAll();
		long newer = transcriptId(run, "train", 0);
		assertThat(newer).isNotEqualTo(item);
		// the newer version is no item of the campaign, but its metrics would give the
		// item's away
		Reply json = get("/api/transcripts/" + newer, "rita");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.at("/metricsHidden").asBoolean()).isTrue();
		assertThat(json.at("/metrics").size()).isZero();
		assertThat(get("/api/transcripts/" + newer, "admin").at("/metrics").size()).isPositive();
		assertThat(get("/api/transcripts?run=" + run + "&split=train&size=10", "rita").at("/total").asLong()).isZero();
		assertThat(get("/api/dashboard", "rita").at("/blindLeftOut").asLong()).isEqualTo(1);
	}

}
