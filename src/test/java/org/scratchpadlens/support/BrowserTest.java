package org.scratchpadlens.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on a real port, for tests in headless Chromium ({@link Browser}). Every
 * class annotated so (and extending {@link FreshDatabase}) shares one Spring context and
 * one server; the store is emptied before each class. Log in as {@code admin} with
 * {@link #ADMIN_PASSWORD}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("browser")
@ExtendWith(BrowserAvailable.class)
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface BrowserTest {

	/** The admin's password in the test profile. */
	String ADMIN_PASSWORD = "admin-test-password";

}
