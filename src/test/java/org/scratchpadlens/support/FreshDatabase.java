package org.scratchpadlens.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class giving each test class an empty store. Test classes share one database per
 * test run (H2 in memory, or one schema on PostgreSQL), and so share their Spring
 * contexts; the store is emptied before each class ({@link EmptyStore}). A test that must
 * see the app's first start on a database of its own extends {@link OwnDatabase}.
 */
@ExtendWith(EmptyStore.class)
public abstract class FreshDatabase {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerShared(registry);
	}

}
