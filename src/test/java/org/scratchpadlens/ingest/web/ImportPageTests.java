package org.scratchpadlens.ingest.web;

import org.scratchpadlens.ingest.job.ImportJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The import pages for jobs a person cannot watch to the end. */
@AppTest
class ImportPageTests extends FreshDatabase {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	long jobLeftRunningBy(String description, Instant lastSign) {
		Timestamp t = Timestamp.from(lastSign);
		jdbc.update("""
				insert into import_job (origin, description, started_by, status, started_at, updated_at, files_seen)
				values ('cli', ?, 'tester', 'running', ?, ?, 600)""", description, t, t);
		return jdbc.queryForObject("select max(id) from import_job", Long.class);
	}

	@Test
	void aJobWhoseProcessDiedStopsPollingSaysWhatHappenedAndOffersUndo() {
		long id = jobLeftRunningBy("killed with kill -9", Instant.now().minus(ImportJobs.STALE).minusSeconds(1));

		assertThat(mvc.get().uri("/imports/{id}", id).with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("interrupted")
			.contains("This import stopped before it finished")
			.contains("Run the same import again to complete it")
			.contains("Undo this import")
			.doesNotContain("hx-trigger")
			.doesNotContain("files read so far");
		assertThat(mvc.get().uri("/imports").with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.containsPattern(
					"(?s)killed with kill -9</span></td>\\s*<td class=\"status-interrupted\">\\s*<span>interrupted</span>");
	}

	@Test
	void aJobStillAliveKeepsPolling() {
		long id = jobLeftRunningBy("working", Instant.now());

		assertThat(mvc.get().uri("/imports/{id}", id).with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("hx-trigger=\"every 1s\"")
			.contains("600 files read so far")
			.doesNotContain("Undo this import");
	}

}
