package org.scratchpadlens.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.ingest.job.ImportReport;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.BlockingUndoVeto;
import org.scratchpadlens.support.EmptyStore;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.transcript.RunQueries;
import org.scratchpadlens.transcript.RunSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The sample data shipped in the app: apart from real data, marked wherever runs are
 * shown, and removable by an admin in one action.
 */
@AppTest
class SampleDataTests extends FreshDatabase {

	@Autowired
	ImportService imports;

	@Autowired
	SampleFiles files;

	@Autowired
	RunQueries runs;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	BlockingUndoVeto veto;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void emptyStore() throws SQLException {
		veto.clear();
		EmptyStore.empty(dataSource);
	}

	ImportReport importSamples() {
		try (SampleFiles.Unpacked samples = files.unpack()) {
			return imports.importNow(new ImportRequest(List.of(samples.root()), ImportRequest.SAMPLE, "system", null,
					List.of(SampleFiles.LABEL)), ImportProgress.NONE);
		}
	}

	ImportReport importAsRealData() {
		try (SampleFiles.Unpacked samples = files.unpack()) {
			return imports.importNow(
					new ImportRequest(List.of(samples.root().resolve("json_outputs")), "cli", "tester", null),
					ImportProgress.NONE);
		}
	}

	@Test
	void theAppCarriesItsSamplesAndTheyStayApartFromTheSameFilesImportedAsData() {
		ImportReport samples = importSamples();
		assertThat(samples.transcriptsImported()).as("the samples packed with the app").isEqualTo(80);
		assertThat(samples.rejected()).isEmpty();

		ImportReport real = importAsRealData();

		assertThat(real.transcriptsImported()).as("new transcripts, not new versions of the samples").isEqualTo(80);
		assertThat(real.transcriptsUpdated()).isZero();
		assertThat(runs.summaries()).hasSize(8);
		assertThat(runs.summaries()).filteredOn(RunSummary::sample).hasSize(4);

		assertThat(mvc.get().uri("/").with(user("rater1").roles("RESEARCHER"))).hasStatusOk()
			.bodyText()
			.contains("class=\"tag sample\"")
			.doesNotContain("Remove the sample data");
		assertThat(mvc.get().uri("/").with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("Remove the sample data");
		assertThat(mvc.get().uri("/api/runs").with(user("rater1").roles("RESEARCHER"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.sample == true)].run")
			.asArray()
			.hasSize(4);
	}

	@Test
	void anAdminRemovesTheSamplesInOneActionAndRealDataStays() {
		importSamples();
		importAsRealData();

		assertThat(mvc.post().uri("/samples/delete").with(user("rater1").roles("RESEARCHER")).with(csrf()))
			.hasStatus(403);
		assertThat(mvc.delete().uri("/api/samples").with(user("rater1").roles("RESEARCHER"))).hasStatus(403);
		assertThat(runs.summaries()).filteredOn(RunSummary::sample).hasSize(4);

		assertThat(mvc.post().uri("/samples/delete").with(user("admin").roles("ADMIN")).with(csrf())).hasStatus(302)
			.hasRedirectedUrl("/")
			.flash()
			.containsKey("message");

		assertThat(runs.summaries()).hasSize(4).noneMatch(RunSummary::sample);
		assertThat(mvc.get().uri("/").with(user("admin").roles("ADMIN"))).bodyText()
			.doesNotContain("Remove the sample data");
		assertThat(mvc.delete().uri("/api/samples").with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.imports_undone")
			.isEqualTo(0);
	}

	@Test
	void removalIsRefusedWithTheReasonWhileLabelsHoldTheSamples() {
		ImportReport samples = importSamples();
		veto.block(samples.jobId(), "3 labels on sample transcripts");

		assertThat(mvc.delete().uri("/api/samples").with(user("admin").roles("ADMIN"))).hasStatus(409)
			.bodyJson()
			.extractingPath("$.blockers[0]")
			.asString()
			.contains("3 labels on sample transcripts");
		assertThat(runs.summaries()).filteredOn(RunSummary::sample).hasSize(4);
	}

}
