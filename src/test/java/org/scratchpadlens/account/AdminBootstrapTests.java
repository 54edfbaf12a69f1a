package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@AppTest
class AdminBootstrapTests extends FreshDatabase {

	@Autowired
	AppUserRepository users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	SessionEnder sessions;

	@Autowired
	MockMvcTester mvc;

	String adminHash() {
		return users.findByUsername("admin").orElseThrow().getPasswordHash();
	}

	@Test
	void theFirstStartCreatesTheAdminFromTheEnvironmentWithABcryptHash() {
		assertThat(adminHash()).startsWith("$2");
		assertThat(encoder.matches("admin-test-password", adminHash())).isTrue();
	}

	@Test
	void aLaterStartIgnoresAChangedPasswordUnlessAskedToReset() {
		new AdminBootstrap(users, encoder, sessions, "admin", "another-password", false).run(null);
		assertThat(encoder.matches("admin-test-password", adminHash())).isTrue();

		new AdminBootstrap(users, encoder, sessions, "admin", "another-password", true).run(null);
		assertThat(encoder.matches("another-password", adminHash())).isTrue();

		new AdminBootstrap(users, encoder, sessions, "admin", "admin-test-password", true).run(null);
	}

	@Test
	void anAdminPasswordUnder10CharactersStopsTheStartWithTheReasonAndChangesNothing() {
		for (boolean reset : new boolean[] { false, true }) {
			assertThatThrownBy(() -> new AdminBootstrap(users, encoder, sessions, "admin", "short-pw", reset).run(null))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("ADMIN_PASSWORD cannot be used")
				.hasMessageContaining("at least 10 characters")
				.hasMessageContaining("unset it to have a password generated");
		}
		assertThat(encoder.matches("admin-test-password", adminHash())).isTrue();
	}

	@Test
	void aResetAtStartEndsTheAdminsOpenSessions() {
		var login = mvc.post()
			.uri("/login")
			.param("username", "admin")
			.param("password", "admin-test-password")
			.with(csrf())
			.exchange();
		Cookie session = login.getResponse().getCookie("JSESSIONID");
		assertThat(mvc.get().uri("/api/runs").cookie(session)).hasStatusOk();
		new AdminBootstrap(users, encoder, sessions, "admin", "another-password", true).run(null);
		try {
			assertThat(mvc.get().uri("/api/runs").cookie(session)).as("sessions outlive restarts, not resets")
				.hasStatus(401);
		}
		finally {
			new AdminBootstrap(users, encoder, sessions, "admin", "admin-test-password", true).run(null);
		}
	}

	@Test
	void anAdminPasswordOf10CharactersIsAccepted() {
		new AdminBootstrap(users, encoder, sessions, "admin", "ten chars!", false).run(null);
		assertThat(encoder.matches("admin-test-password", adminHash())).as("an existing admin is left alone").isTrue();
	}

}
