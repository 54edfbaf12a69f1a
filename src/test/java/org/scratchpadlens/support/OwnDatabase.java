package org.scratchpadlens.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class for the few tests that need the app's first start on a database of their own
 * (the sample data is imported only into an empty store): a fresh database and a fresh
 * context, closed after the class. Costs a context start; prefer {@link FreshDatabase}.
 */
@DirtiesContext
public abstract class OwnDatabase {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

}
