package org.scratchpadlens.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class giving each test class its own empty database (H2 in memory, or a schema on
 * PostgreSQL).
 */
@DirtiesContext
public abstract class FreshDatabase {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

}
