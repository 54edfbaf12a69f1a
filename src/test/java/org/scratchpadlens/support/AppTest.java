package org.scratchpadlens.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole app with MockMvc, on H2 and again on PostgreSQL. Every class annotated so
 * (and extending {@link FreshDatabase}) shares one Spring context and one database, which
 * is emptied before each class: a new test class costs no context start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
public @interface AppTest {

}
