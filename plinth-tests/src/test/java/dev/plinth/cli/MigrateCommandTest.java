package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

  private static final String BASIC = "classpath:fixtures/basic/db/migration";
  private static final String BROKEN = "classpath:fixtures/broken/db/migration";

  @TempDir
  Path workingDirectory;

  private Cli.Result plinth(String... args) {
    return Cli.run(Map.of(), workingDirectory, args);
  }

  @Test
  void migrateAppliesEveryMigrationThenNothing() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_all");

    Cli.Result first = plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC);
    assertEquals(0, first.exitCode(), first::toString);
    assertAll(
        () -> assertTrue(first.out().matches("(?s)Applied V1 create users \\(\\d+ ms\\)\n"
            + "Applied V2 create orders \\(\\d+ ms\\)\n"
            + "Applied V3 index user email \\(\\d+ ms\\)\n"
            + "Applied 3 migrations in \\d+ ms; schema now at version 3\\.\n"), first::toString),
        () -> assertEquals("", first.err(), "nothing on stderr"),
        () -> assertTrue(Sql.exists(db, "users_email_key"), "V3's index exists"));

    Cli.Result second = plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC);
    assertEquals(0, second.exitCode(), second::toString);
    assertEquals("Nothing to apply; schema is at version 3.\n", second.out());
  }

  @Test
  void placeholdersAreNotReplaced() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_placeholder");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC).exitCode());

    assertEquals("'${kept}'::text", Sql.queryString(db,
        "SELECT column_default FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'"));
  }

  @Test
  void targetStopsAtTheGivenVersion() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_target");

    Cli.Result result = plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC, "--target", "2");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Applied V2 create orders"), result::toString);
    assertFalse(result.out().contains("Applied V3"), result::toString);
    assertTrue(result.out().endsWith("schema now at version 2.\n"), result::toString);
    assertTrue(Sql.exists(db, "orders"), "V2 applied");
    assertFalse(Sql.exists(db, "users_email_key"), "V3 not applied");
  }

  /** A target that no migration has is the user's mistake: exit 2, nothing applied. */
  @Test
  void aTargetNoMigrationHasIsAUsageErrorAndAppliesNothing() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_target_missing");

    Cli.Result result = plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC, "--target", "99");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals("[PLN638] Target 99 is not the version of any migration in " + BASIC + ". Nothing was migrated."
        + " Use a version that `plinth info` lists, or leave --target out to apply every pending migration.\n",
        result.err(), result::toString);
    assertFalse(Sql.exists(db, "orders"), "nothing applied");
  }

  @Test
  void dryRunPrintsPendingSqlInOrderAndChangesNothing() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_dry");

    Cli.Result result = plinth("migrate", "--dry-run", "--url", db.jdbcUrl(), "--locations", BASIC);

    assertEquals(0, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.startsWith("-- Dry run: 3 pending migrations; schema is at version none. Nothing was changed.\n"),
        result::toString);
    int v1 = out.indexOf("-- V1__create_users.sql");
    int v2 = out.indexOf("-- V2__create_orders.sql");
    int v3 = out.indexOf("-- V3__index_user_email.sql");
    assertTrue(v1 > 0 && v1 < v2 && v2 < v3, "scripts in version order:\n" + out);
    assertTrue(out.contains("CREATE UNIQUE INDEX users_email_key ON users (lower(email));"), out);
    assertFalse(Sql.exists(db, "flyway_schema_history"), "no history table");
    assertFalse(Sql.exists(db, "users"), "no table created");
  }

  @Test
  void dryRunRespectsTheTargetAndWhatIsApplied() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_dry_target");
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC, "--target", "1").exitCode());

    Cli.Result result = plinth("migrate", "--dry-run", "--url", db.jdbcUrl(), "--locations", BASIC, "--target", "2");

    assertTrue(result.out().startsWith("-- Dry run: 1 pending migration; schema is at version 1."), result::toString);
    assertTrue(result.out().contains("-- V2__create_orders.sql"), result::toString);
    assertFalse(result.out().contains("V3__"), result::toString);
    assertFalse(Sql.exists(db, "orders"), "nothing applied by the dry run");
  }

  @Test
  void failedMigrationNamesTheFileAndLeavesTheDatabaseAtTheLastGoodVersion() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_broken");

    Cli.Result result = plinth("migrate", "--url", db.jdbcUrl(), "--locations", BROKEN);

    assertEquals(ExitCode.MIGRATION_FAILED.code(), result.exitCode(), result::toString);
    assertEquals("[PLN640] Migration V2__broken.sql failed at line 3: syntax error at or near \"TABLEX\""
        + " (SQL state 42601).\n"
        + "  Statement: CREATE TABLEX oops (id int)\n"
        + "  Its transaction was rolled back; the schema is still at version 1. Fix the file and run migrate"
        + " again.\n", result.err());
    assertFalse(result.err().contains("at org."), "no stack trace without --verbose");
    assertEquals("1", Sql.queryString(db, "SELECT max(version) FROM flyway_schema_history WHERE success"));
    assertFalse(Sql.exists(db, "good_part"), "V2's first statement was rolled back");
  }

  @Test
  void verboseShowsTheStackTraceOfAFailure() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_broken_verbose");

    Cli.Result result = plinth("migrate", "--verbose", "--url", db.jdbcUrl(), "--locations", BROKEN);

    assertEquals(ExitCode.MIGRATION_FAILED.code(), result.exitCode(), result::toString);
    assertTrue(result.err().contains("\tat org.flywaydb"), result::toString);
  }

  @Test
  void changedAppliedMigrationIsAnIntegrityError(@TempDir Path migrations) throws IOException {
    for (String name : new String[] {"V1__create_users.sql", "V2__create_orders.sql"}) {
      Files.copy(Path.of("src/test/resources/fixtures/basic/db/migration", name), migrations.resolve(name));
    }
    TestDatabase db = SharedPostgres.newDatabase("migrate_changed");
    String location = "filesystem:" + migrations;
    assertEquals(0, plinth("migrate", "--url", db.jdbcUrl(), "--locations", location).exitCode());
    Files.writeString(migrations.resolve("V1__create_users.sql"), "\n-- edited after it was applied\n",
        java.nio.file.StandardOpenOption.APPEND);

    Cli.Result result = plinth("migrate", "--url", db.jdbcUrl(), "--locations", location);

    assertEquals(ExitCode.INTEGRITY.code(), result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN669] Nothing was migrated: the migrations applied to the database do not"
        + " match the migration files. V1__create_users.sql was changed after it was applied (checksum "),
        result::toString);
  }

  @Test
  void relativeFilesystemLocationIsRelativeToTheWorkingDirectory() throws IOException {
    Path folder = Files.createDirectories(workingDirectory.resolve("db/migration"));
    Files.writeString(folder.resolve("V1__one_table.sql"), "CREATE TABLE one (id int);\n");
    TestDatabase db = SharedPostgres.newDatabase("migrate_relative");

    Cli.Result result = plinth("migrate", "--url", db.jdbcUrl(), "--locations", "filesystem:db/migration");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(Sql.exists(db, "one"));
  }

  @Test
  void missingLocationIsAUsageError() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_missing_location");

    Cli.Result result = plinth("migrate", "--url", db.jdbcUrl(), "--locations", "filesystem:no/such/folder");

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN606] Migration location 'filesystem:"), result::toString);
  }

  @Test
  void invalidTargetIsAUsageError() {
    TestDatabase db = SharedPostgres.newDatabase("migrate_bad_target");

    Cli.Result result = plinth("migrate", "--url", db.jdbcUrl(), "--locations", BASIC, "--target", "two");

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN607] Target 'two' is not a migration version."), result::toString);
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result result = plinth("migrate", "--no-such-option");

    assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
    assertTrue(result.err().contains("Unknown option: '--no-such-option'"), result::toString);
  }
}
