package dev.plinth.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a fresh PostgreSQL database, migrated and optionally seeded: declare a
 * {@link javax.sql.DataSource} (or {@link TestDatabase}) parameter on a test, {@code @BeforeEach}
 * or, with {@link Scope#CLASS}, {@code @BeforeAll} method.
 *
 * <pre>{@code
 * @PlinthDatabase(seed = "test")
 * class FormsRepositoryTest {
 *   @Test
 *   void findsTheContactForm(DataSource db) { ... }
 * }
 * }</pre>
 *
 * <p>The migrated and seeded state is built once per JVM in a template database; each database
 * handed out is a copy ({@code CREATE DATABASE ... TEMPLATE ...}), made ahead on a background
 * thread with a connection already open, which the first {@code getConnection()} of the injected
 * {@link javax.sql.DataSource} returns. A connection the test closes is reset (rolled back,
 * {@code DISCARD ALL}, JDBC defaults) and handed out again by the next {@code getConnection()}. When
 * the test (or class) ends, the data source hands out no more connections and the copy is dropped
 * in the background. The server is the one
 * {@code DATABASE_URL} points at (with {@code DATABASE_USER}/{@code DATABASE_PASSWORD}), whose user
 * needs the right to create databases; without it, an embedded PostgreSQL started once per JVM.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PlinthDatabaseExtension.class)
public @interface PlinthDatabase {
  /**
   * The seed environment to load after migrating, e.g. {@code "test"}; empty (the default) seeds
   * nothing. Example: {@code @PlinthDatabase(seed = "test")}.
   */
  String seed() default "";

  /**
   * Whether each test method gets its own database ({@link Scope#METHOD}, the default) or the
   * class shares one ({@link Scope#CLASS}). Example: {@code @PlinthDatabase(scope = Scope.CLASS)}.
   */
  Scope scope() default Scope.METHOD;

  /**
   * Flyway locations of the migrations. Example:
   * {@code @PlinthDatabase(locations = "classpath:db/migration")}.
   */
  String[] locations() default {"classpath:db/migration"};

  /** How long a database lives. */
  enum Scope {
    /** A new database for every test method. */
    METHOD,
    /** One database for all tests of the class. */
    CLASS
  }
}
