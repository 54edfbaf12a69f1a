package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The note that transcripts discuss harmful requests: on the first page of a session
 * only.
 */
@AppTest
class ContentNoticeTests extends FreshDatabase {

	static final String NOTE = "Before you read:";

	@Autowired
	MockMvcTester mvc;

	@Test
	void theFirstPageOfASessionShowsTheNoteAndLaterPagesDoNot() {
		MockHttpSession session = new MockHttpSession();
		// an API call does not use it up
		assertThat(mvc.get().uri("/api/runs").session(session).with(user("admin").roles("ADMIN"))).hasStatusOk();
		assertThat(mvc.get().uri("/transcripts").session(session).with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains(NOTE);
		assertThat(mvc.get().uri("/").session(session).with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.doesNotContain(NOTE);
		// a new session shows it again
		assertThat(mvc.get().uri("/imports").session(new MockHttpSession()).with(user("admin").roles("ADMIN")))
			.bodyText()
			.contains(NOTE);
	}

	@Test
	void theLoginPageDoesNotShowIt() {
		assertThat(mvc.get().uri("/login").session(new MockHttpSession())).hasStatusOk()
			.bodyText()
			.doesNotContain(NOTE);
	}

}
