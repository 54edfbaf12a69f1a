package org.scratchpadlens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
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

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void theFirstPageOfASessionShowsTheNoteAndLaterPagesDoNot() {
		Cookie session = newSession(sessions);
		// an API call does not use it up
		assertThat(mvc.get().uri("/api/runs").cookie(session).with(user("admin").roles("ADMIN"))).hasStatusOk();
		assertThat(mvc.get().uri("/transcripts").cookie(session).with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains(NOTE);
		assertThat(mvc.get().uri("/").cookie(session).with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.doesNotContain(NOTE);
		// a new session shows it again
		assertThat(mvc.get().uri("/imports").cookie(newSession(sessions)).with(user("admin").roles("ADMIN"))).bodyText()
			.contains(NOTE);
	}

	/** A session as a browser has it: saved in the database, its id in the cookie. */
	static <S extends Session> Cookie newSession(SessionRepository<S> repository) {
		S session = repository.createSession();
		repository.save(session);
		return new Cookie("JSESSIONID", session.getId());
	}

	@Test
	void theLoginPageDoesNotShowIt() {
		assertThat(mvc.get().uri("/login").cookie(newSession(sessions))).hasStatusOk().bodyText().doesNotContain(NOTE);
	}

}
