package vn.cungem.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A test against the real database of the run: in-memory H2 by default, PostgreSQL when {@code CUNGEM_TEST_DB_URL} is
 * set (as {@code .ci/run} does). Tests share one database per run, so they create their own data with unique codes
 * through {@link TestFixtures} and never assume an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestFixtures.class)
public @interface IntegrationTest {}
