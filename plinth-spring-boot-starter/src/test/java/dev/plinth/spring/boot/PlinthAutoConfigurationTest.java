package dev.plinth.spring.boot;

import static dev.plinth.spring.boot.TestDatabases.execute;
import static dev.plinth.spring.boot.TestDatabases.query;
import static dev.plinth.spring.boot.TestDatabases.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RunnerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration in a real application context, on a real PostgreSQL database per test. */
class PlinthAutoConfigurationTest {

  private final PGSimpleDataSource db = TestDatabases.fresh();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PlinthAutoConfiguration.class))
      .withBean(DataSource.class, () -> db);

  @Test
  void migratesTheApplicationsDatabaseAtStartUp() {
    runner.run(context -> {
      assertNull(context.getStartupFailure());
      assertNotNull(context.getBean(Plinth.class));
    });

    assertEquals(List.of("account", "flyway_schema_history"), tables(db));
    assertEquals(List.of("1 true", "2 true", "3 true"),
        query(db, "SELECT version || ' ' || success FROM flyway_schema_history ORDER BY installed_rank"));
  }

  @Test
  void aConcurrentIndexInItsOwnNonTransactionalMigrationIsBuiltAtStartUp() {
    // V2 is CREATE INDEX CONCURRENTLY with executeInTransaction=false; under Flyway's transactional
    // lock (Boot's default) it would wait for the lock's own transaction forever.
    runner.run(context -> assertNull(context.getStartupFailure()));

    assertEquals(List.of("account_email_idx true", "account_pkey true"), query(db,
        "SELECT c.relname || ' ' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " WHERE i.indrelid = 'public.account'::regclass ORDER BY c.relname"));
  }

  @Test
  void dollarBracesInAMigrationAreTextNotAPlaceholder() {
    runner.run(context -> assertNull(context.getStartupFailure()));

    assertEquals(List.of("ada@example.com Ada ${lastName}"),
        query(db, "SELECT email || ' ' || display_name FROM account"));
  }

  @Test
  void driftFoundAtStartUpStopsItAndListsTheDifferences() {
    runner.run(context -> assertNull(context.getStartupFailure()));
    execute(db, "ALTER TABLE account ADD COLUMN nickname text");
    execute(db, "ALTER TABLE account ALTER COLUMN display_name SET NOT NULL");

    runner.withPropertyValues("plinth.verify-on-start=true").run(context -> {
      Throwable failure = context.getStartupFailure();
      assertNotNull(failure);
      PlinthException cause = cause(failure);
      assertEquals("[PLN678] The application did not start: plinth.verify-on-start is set and the database differs"
          + " from the schema of version 3 in 2 places:\n"
          + "  column public.account.display_name: nullability is NOT NULL, expected NULL\n"
          + "  extra column public.account.nickname: text NULL\n"
          + "Undo the manual changes, or make them part of the schema with a new migration; to start anyway,"
          + " set plinth.verify-on-start=false.", cause.getMessage());
    });
  }

  @Test
  void verifyOnStartLetsAnUnchangedDatabaseStart() {
    runner.withPropertyValues("plinth.verify-on-start=true")
        .run(context -> assertNull(context.getStartupFailure()));
  }

  @Test
  void driftIsNotLookedForUnlessAskedTo() {
    runner.run(context -> assertNull(context.getStartupFailure()));
    execute(db, "ALTER TABLE account ADD COLUMN nickname text");

    runner.run(context -> assertNull(context.getStartupFailure()));
  }

  @Test
  void plinthEnabledFalseBacksOff() {
    runner.withPropertyValues("plinth.enabled=false").run(context -> {
      assertNull(context.getStartupFailure());
      assertTrue(context.getBeansOfType(Plinth.class).isEmpty());
      assertTrue(context.getBeansOfType(PlinthMigrationInitializer.class).isEmpty());
    });

    assertEquals(List.of(), tables(db));
  }

  @Test
  void withoutADataSourceNothingIsConfigured() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PlinthAutoConfiguration.class))
        .run(context -> {
          assertNull(context.getStartupFailure());
          assertTrue(context.getBeansOfType(Plinth.class).isEmpty());
        });
  }

  @Test
  void theApplicationsOwnPlinthBeanWinsAndIsTheOneThatMigrates() {
    Plinth own = Plinth.create(db, RunnerConfig.builder().locations("classpath:other/db/migration").build());

    runner.withBean("ownPlinth", Plinth.class, () -> own).run(context -> {
      assertNull(context.getStartupFailure());
      assertSame(own, context.getBean(Plinth.class));
    });

    assertEquals(List.of("flyway_schema_history", "note"), tables(db));
  }

  @Test
  void customizersChangeTheRunnersConfiguration() {
    runner.withBean(PlinthConfigurationCustomizer.class, () -> config -> config.target("1")).run(context -> {
      assertNull(context.getStartupFailure());
      assertEquals("1", context.getBean(Plinth.class).config().target().orElseThrow());
    });

    assertEquals(List.of("1"), query(db, "SELECT version FROM flyway_schema_history"));
  }

  @Test
  void propertiesAreBoundIntoTheRunnersConfiguration() {
    runner.withPropertyValues("plinth.locations=classpath:other/db/migration", "plinth.connect-timeout=3")
        .run(context -> {
          assertNull(context.getStartupFailure());
          RunnerConfig config = context.getBean(Plinth.class).config();
          assertEquals(List.of("classpath:other/db/migration"), config.locations());
          assertEquals(Duration.ofSeconds(3), config.connectTimeout());
        });

    assertEquals(List.of("flyway_schema_history", "note"), tables(db));
  }

  @Test
  void defaults() {
    runner.run(context -> {
      PlinthProperties properties = context.getBean(PlinthProperties.class);
      assertEquals(new PlinthProperties(true, List.of("classpath:db/migration"), false, null, Duration.ofSeconds(10)),
          properties);
    });
  }

  @Test
  void aConnectTimeoutUnderOneSecondIsRefusedNamingTheProperty() {
    runner.withPropertyValues("plinth.connect-timeout=500ms").run(context -> {
      assertNotNull(context.getStartupFailure());
      assertEquals("[PLN617] plinth.connect-timeout must be at least 1 second (got 500ms). Set it in the"
          + " application's properties, e.g. plinth.connect-timeout=30s on a busy server.",
          cause(context.getStartupFailure()).getMessage());
    });
    assertEquals(List.of(), tables(db));
  }

  @Test
  void aMissingLocationStopsStartUpWithTheRunnersMessage() {
    runner.withPropertyValues("plinth.locations=classpath:nowhere").run(context -> {
      assertNotNull(context.getStartupFailure());
      assertEquals("[PLN606] Migration location 'classpath:nowhere' does not exist. Create it, or point --locations"
          + " at the folder holding V1__*.sql.", cause(context.getStartupFailure()).getMessage());
    });
  }

  @Test
  void theSeedEnvironmentIsAppliedAfterMigrating() {
    runner.withPropertyValues("plinth.seed=demo").run(context -> assertNull(context.getStartupFailure()));

    assertEquals(List.of("ada@example.com", "grace@example.com", "linus@example.com"),
        query(db, "SELECT email FROM account ORDER BY email"));
  }

  @Test
  void anUnknownSeedEnvironmentStopsStartUp() {
    runner.withPropertyValues("plinth.seed=nope").run(context -> {
      assertNotNull(context.getStartupFailure());
      assertEquals("[PLN749] No seed set belongs to environment 'nope'; nothing was seeded. The seed sets found"
          + " belong to: demo. Use one of those, or tag a seed set with @SeedSet(env = \"nope\").",
          cause(context.getStartupFailure()).getMessage());
    });
  }

  @Test
  void beansThatDependOnDatabaseInitializationAreCreatedAfterTheMigration() {
    // Registered before the auto-configuration, so without the ordering it would be created first.
    runner.withUserConfiguration(AccountReader.class).run(context -> {
      assertNull(context.getStartupFailure());
      assertEquals(List.of("ada@example.com"), context.getBean(AccountReader.Emails.class).emails());
    });
  }

  @Test
  void aDatabaseThatIsNotReadyIsWaitedForUpToTheConnectTimeout() throws Exception {
    String role = "limited_" + db.getDatabaseName();
    execute(db, "CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 5");
    execute(db, "GRANT ALL ON SCHEMA public TO " + role);
    PGSimpleDataSource limited = TestDatabases.dataSource(db.getDatabaseName());
    limited.setUser(role);
    // Holds all the role's connections for a second: until then every attempt fails with
    // "too many connections", as when a busy server is full.
    List<Connection> held = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      held.add(limited.getConnection());
    }
    Thread release = new Thread(() -> {
      try {
        Thread.sleep(1000);
        for (Connection connection : held) {
          connection.close();
        }
      } catch (InterruptedException | SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    release.start();
    try {
      new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PlinthAutoConfiguration.class))
          .withBean(DataSource.class, () -> limited)
          .withPropertyValues("plinth.connect-timeout=20")
          .run(context -> assertNull(context.getStartupFailure()));
    } finally {
      release.join();
    }
    assertEquals(List.of("account", "flyway_schema_history"), tables(db));
  }

  @Test
  void aDatabaseThatStaysUnavailableFailsStartUpAfterTheConnectTimeout() throws Exception {
    String role = "full_" + db.getDatabaseName();
    execute(db, "CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 0");
    PGSimpleDataSource refused = TestDatabases.dataSource(db.getDatabaseName());
    refused.setUser(role);
    long start = System.nanoTime();

    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PlinthAutoConfiguration.class))
        .withBean(DataSource.class, () -> refused)
        .withPropertyValues("plinth.connect-timeout=2")
        .run(context -> {
          assertNotNull(context.getStartupFailure());
          assertEquals("[PLN634] Cannot get a connection from the application's DataSource: too many connections for"
              + " role \"" + role + "\" (SQL state 53300). Check its URL, user and password, and that the server is"
              + " reachable.", cause(context.getStartupFailure()).getMessage());
        });

    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    assertTrue(seconds >= 1 && seconds < 10, "waited about the connect timeout (2 s), not " + seconds + " s");
  }

  private static PlinthException cause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PlinthException plinth) {
        return plinth;
      }
    }
    throw new AssertionError("no PlinthException in", failure);
  }

  /** An application bean that reads the database when it is created. */
  @Configuration(proxyBeanMethods = false)
  static class AccountReader {
    record Emails(List<String> emails) {}

    @Bean
    @DependsOnDatabaseInitialization
    Emails emails(DataSource dataSource) {
      return new Emails(query(dataSource, "SELECT email FROM account"));
    }
  }
}
