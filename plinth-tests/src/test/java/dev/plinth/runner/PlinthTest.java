package dev.plinth.runner;

import dev.plinth.runner.internal.RunnerContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/** The library API, as an application would call it at start-up. */
class PlinthTest {

  private static Plinth plinth(TestDatabase db, String location) {
    return Plinth.create(RunnerConfig.builder().url(db.jdbcUrl()).locations(location).build());
  }

  @Test
  void migrateReturnsWhatItApplied() {
    TestDatabase db = SharedPostgres.newDatabase("api_migrate");

    MigrateResult result = plinth(db, "classpath:fixtures/basic/db/migration").migrate();

    assertEquals(List.of("1", "2", "3"), result.applied().stream().map(MigrateResult.Applied::version).toList());
    assertEquals("V2__create_orders.sql", result.applied().get(1).script());
    assertEquals(Optional.of("3"), result.schemaVersion());
  }

  @Test
  void failedMigrationCarriesItsEssentials() {
    TestDatabase db = SharedPostgres.newDatabase("api_broken");

    MigrationFailedException e = assertThrows(MigrationFailedException.class,
        () -> plinth(db, "classpath:fixtures/broken/db/migration").migrate());

    MigrationFailedException.Failure failure = e.failure();
    assertEquals("V2__broken.sql", failure.script());
    assertEquals(3, failure.line());
    assertEquals("42601", failure.sqlState());
    assertTrue(failure.rolledBack(), "rolled back");
    assertEquals(Optional.of("1"), failure.schemaVersion());
    assertEquals(Message.Kind.MIGRATION, e.kind());
  }

  @Test
  void flywayIsConfiguredForGeneratedMigrations() {
    TestDatabase db = SharedPostgres.newDatabase("api_config");

    Flyway flyway = new RunnerContext(plinth(db, "classpath:fixtures/basic/db/migration").config(), db.dataSource()).flyway();

    assertFalse(flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).isTransactionalLock(),
        "session advisory lock");
    assertTrue(flyway.getConfiguration().isValidateMigrationNaming(), "validateMigrationNaming");
    assertFalse(flyway.getConfiguration().isPlaceholderReplacement(), "placeholderReplacement");
    assertFalse(flyway.getConfiguration().isBaselineOnMigrate(), "baselineOnMigrate");
    assertTrue(flyway.getConfiguration().isCleanDisabled(), "cleanDisabled");
  }

  @Test
  void rollbackScriptsAreNotMigrations() {
    TestDatabase db = SharedPostgres.newDatabase("api_rollback");
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl()).build()); // default classpath:db/migration

    InfoResult info = plinth.info();

    assertFalse(info.migrations().isEmpty(), "the example schema's migrations are found");
    assertTrue(info.migrations().stream().allMatch(row -> row.script().startsWith("V")),
        "only V scripts, no U rollback scripts: " + info.migrations());
  }
}
