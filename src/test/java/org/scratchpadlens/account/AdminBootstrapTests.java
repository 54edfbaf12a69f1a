package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

@AppTest
class AdminBootstrapTests extends FreshDatabase {

	@Autowired
	AppUserRepository users;

	@Autowired
	PasswordEncoder encoder;

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
		new AdminBootstrap(users, encoder, "admin", "another-password", false).run(null);
		assertThat(encoder.matches("admin-test-password", adminHash())).isTrue();

		new AdminBootstrap(users, encoder, "admin", "another-password", true).run(null);
		assertThat(encoder.matches("another-password", adminHash())).isTrue();

		new AdminBootstrap(users, encoder, "admin", "admin-test-password", true).run(null);
	}

	@Test
	void anAdminPasswordUnder10CharactersStopsTheStartWithTheReasonAndChangesNothing() {
		for (boolean reset : new boolean[] { false, true }) {
			assertThatThrownBy(() -> new AdminBootstrap(users, encoder, "admin", "short-pw", reset).run(null))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("ADMIN_PASSWORD cannot be used")
				.hasMessageContaining("at least 10 characters")
				.hasMessageContaining("unset it to have a password generated");
		}
		assertThat(encoder.matches("admin-test-password", adminHash())).isTrue();
	}

	@Test
	void anAdminPasswordOf10CharactersIsAccepted() {
		new AdminBootstrap(users, encoder, "admin", "ten chars!", false).run(null);
		assertThat(encoder.matches("admin-test-password", adminHash())).as("an existing admin is left alone").isTrue();
	}

}
