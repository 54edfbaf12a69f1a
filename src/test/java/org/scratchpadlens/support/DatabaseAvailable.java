package org.scratchpadlens.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On the PostgreSQL pass, checks the server before the Spring context starts: with
 * CI=true a missing server fails the test; without it the test is skipped with a message
 * naming what is missing.
 */
public class DatabaseAvailable implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!TestDatabase.postgres()) {
			return;
		}
		String problem = TestDatabase.postgresProblem();
		if (problem == null) {
			return;
		}
		String message = "PostgreSQL is not reachable at " + TestDatabase.PG_URL + " as " + TestDatabase.PG_USER + " ("
				+ problem + "). Start a server and create that role and database (see .ci/run), or set "
				+ "SCRATCHPAD_TEST_PG_URL / _USER / _PASSWORD.";
		if (TestDatabase.inCi()) {
			throw new IllegalStateException(message);
		}
		Assumptions.abort("Skipped: " + message);
	}

}
