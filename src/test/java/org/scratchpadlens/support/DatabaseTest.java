package org.scratchpadlens.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that runs on both databases: on H2 in the default pass and on PostgreSQL in the
 * {@code db} pass. Combine with {@code @SpringBootTest} and extend {@link FreshDatabase}
 * (or register {@link TestDatabase} yourself).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("db")
@ExtendWith(DatabaseAvailable.class)
@ActiveProfiles("test")
public @interface DatabaseTest {

}
