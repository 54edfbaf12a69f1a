package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;

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

}
