package org.scratchpadlens.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportProgress;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.scratchpadlens.support.TranscriptFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@AppTest
class RunPageTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ImportService imports;

	@Autowired
	RunQueries runs;

	@TempDir
	Path dir;

	@BeforeEach
	void aRunWhosePathNamesNoSetting() {
		if (runs.summaries().isEmpty()) {
			TranscriptFiles.writeRun(dir, "mystery_run/<i>v2</i>", 2);
			imports.importNow(new ImportRequest(List.of(dir.resolve("json_outputs")), "cli", "t", ImportDefaults.NONE),
					ImportProgress.NONE);
		}
	}

	long runId() {
		return runs.summaries().get(0).id();
	}

	@Test
	void showsEachRunWithItsCountsAndEscapesItsName() {
		assertThat(mvc.get().uri("/").with(user("rater1").roles("RESEARCHER"))).hasStatusOk()
			.bodyText()
			.contains("mystery_run/<wbr>&lt;i&gt;v2&lt;/<wbr>i&gt;")
			.doesNotContain("<i>v2</i>")
			.contains("1 runs");
	}

	@Test
	void anAdminCorrectsTheSettingOfARunWhosePathDoesNotSayIt() {
		assertThat(runs.summaries().get(0).setting()).isIn("unknown", "animal_welfare");

		assertThat(mvc.post()
			.uri("/runs/{id}/setting", runId())
			.param("setting", "animal_welfare")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())).hasStatus(302).redirectedUrl().isEqualTo("/");

		assertThat(runs.summaries().get(0).setting()).isEqualTo("animal_welfare");
	}

	@Test
	void aRaterSeesTheSettingButCannotChangeIt() {
		assertThat(mvc.get().uri("/").with(user("rater1").roles("RESEARCHER"))).bodyText()
			.doesNotContain("name=\"setting\"");
		assertThat(mvc.post()
			.uri("/runs/{id}/setting", runId())
			.param("setting", "helpful_only")
			.with(user("rater1").roles("RESEARCHER"))
			.with(csrf())).hasStatus(403);
	}

	@Test
	void anUnknownSettingIsNotSaved() {
		String before = runs.summaries().get(0).setting();

		assertThat(mvc.post()
			.uri("/runs/{id}/setting", runId())
			.param("setting", "sideways")
			.with(user("admin").roles("ADMIN"))
			.with(csrf())).hasStatus(302);

		assertThat(runs.summaries().get(0).setting()).isEqualTo(before);
	}

}
