package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Schema;
import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth rollback} on generated migrations (V1..V4, see {@link GeneratedMigrations}). */
class RollbackCommandTest {

  @TempDir
  Path workingDirectory;

  private Path folder;
  private String location;

  @BeforeEach
  void generate() {
    folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    location = "filesystem:" + folder.resolve("migration");
  }

  private Cli.Result plinth(TestDatabase db, String... args) {
    return Cli.onDatabase(workingDirectory, db, location, args);
  }

  @Test
  void stepsRollBackNewestFirstLosslesslyAndMigrateAppliesThemAgain() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("rollback_steps");
    TestDatabase reference = SharedPostgres.newDatabase("rollback_reference");
    assertEquals(0, plinth(reference, "migrate", "--target", "2").exitCode());
    assertEquals(0, plinth(db, "migrate", "--target", "2").exitCode());
    Sql.execute(db, "INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada')");
    assertEquals(0, plinth(db, "migrate").exitCode());

    Cli.Result result = plinth(db, "rollback", "--steps", "2");

    assertEquals(0, result.exitCode(), result::toString);
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.get(0).matches("Rolled back V4 step 4 \\(\\d+ ms\\)"), lines.get(0));
    assertTrue(lines.get(1).matches("Rolled back V3 step 3 \\(\\d+ ms\\)"), lines.get(1));
    assertTrue(lines.get(2).matches("Rolled back 2 migrations in \\d+ ms; schema now at version 2\\."), lines.get(2));
    // Column order aside (a restored column comes back last), the catalog is the one of version 2.
    assertEquals(List.of(), SchemaDiff.diff(catalog(reference), catalog(db)), "the catalog is the one of version 2");
    assertEquals("ada@example.com", Sql.queryString(db, "SELECT email FROM users"), "the dropped column came back");

    Cli.Result info = plinth(db, "info");
    assertTrue(info.out().lines().anyMatch(l -> l.matches("3 +step 3 +sql +rolled back +\\S+Z")), info::toString);
    assertTrue(info.out().contains("Schema version: 2"), info::toString);

    Cli.Result migrate = plinth(db, "migrate");
    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertTrue(migrate.out().contains("Applied 2 migrations"), migrate::toString);
    assertEquals(0, plinth(db, "validate").exitCode(), "Flyway is content with the history after a rollback");
    assertEquals(0, plinth(db, "verify").exitCode());
  }

  @Test
  void dryRunPrintsTheReverseScriptsAndChangesNothing() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("rollback_dry");
    assertEquals(0, plinth(db, "migrate").exitCode());
    Schema before = catalog(db);

    Cli.Result result = plinth(db, "rollback", "--to", "2", "--dry-run");

    assertEquals(0, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.startsWith("-- Dry run: 2 migrations to roll back, from version 4 to 2. Nothing was changed."), out);
    int u4 = out.indexOf("-- rollback/U4__step_4.sql (reverse of version 4: step 4, outside a transaction)");
    int u3 = out.indexOf("-- rollback/U3__step_3.sql (reverse of version 3: step 3)");
    assertTrue(u4 > 0 && u3 > u4, out);
    assertTrue(out.contains("DROP INDEX CONCURRENTLY"), out);
    assertEquals(before, catalog(db));
    assertEquals("4", Sql.queryString(db, "SELECT max(version::int) FROM flyway_schema_history"));
  }

  @Test
  void toZeroRollsBackEverythingKeepingTheCreatedTablesForMigratingAgain() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("rollback_all");
    assertEquals(0, plinth(db, "migrate").exitCode());
    String backups = "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname LIKE 'plinth_backup%'";
    assertEquals("plinth_backup_v3_public", Sql.queryString(db, backups));

    Cli.Result result = plinth(db, "rollback", "--to", "0");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("schema now at version none"), result::toString);
    assertEquals(Schema.EMPTY, catalog(db));
    assertEquals("plinth_backup_v1_public,plinth_backup_v2_public", Sql.queryString(db, backups),
        "V3's backup was restored and dropped; the tables V1 and V2 created are kept");
    assertEquals(0, plinth(db, "migrate").exitCode());
    assertEquals(0, plinth(db, "verify").exitCode());
  }

  @Test
  void aHistoryRowThatCannotBeDeletedLeavesItsStepUndoneAndKeepsTheStepsBefore() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("rollback_history_kept");
    TestDatabase reference = SharedPostgres.newDatabase("rollback_history_reference");
    assertEquals(0, plinth(reference, "migrate", "--target", "3").exitCode());
    assertEquals(0, plinth(db, "migrate").exitCode());
    // Another process's doing, as the runner sees it: the row of version 3 is not there to delete.
    Sql.execute(db, "CREATE FUNCTION keep_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;"
        + " CREATE TRIGGER keep_v3 BEFORE DELETE ON flyway_schema_history FOR EACH ROW"
        + " WHEN (OLD.version = '3') EXECUTE FUNCTION keep_row()");

    Cli.Result result = plinth(db, "rollback", "--steps", "2");

    assertEquals(4, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN653] The history has no successful row for version 3 any more"),
        result::toString);
    assertEquals("1,2,3", Sql.queryString(db, "SELECT string_agg(version, ',' ORDER BY installed_rank)"
        + " FROM flyway_schema_history"), "V4's row went with its reverse script, V3's stayed");
    assertEquals(List.of(), SchemaDiff.diff(catalog(reference), catalog(db)),
        "V4 was undone and committed, V3's reverse script was rolled back with its step");
  }

  @Test
  void refusesBeforeRunningAnythingWhenAReverseScriptIsMissing() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("rollback_missing");
    assertEquals(0, plinth(db, "migrate").exitCode());
    Files.delete(folder.resolve("rollback/U3__step_3.sql"));
    GeneratedMigrations.resum(folder);

    Cli.Result result = plinth(db, "rollback", "--steps", "2");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN670] Cannot roll back V3__step_3.sql: its reverse script"
        + " rollback/U3__step_3.sql is missing. Nothing was rolled back."), result::toString);
    assertEquals("4", Sql.queryString(db, "SELECT max(version::int) FROM flyway_schema_history"), "V4 not undone");
  }

  @Test
  void refusesAHandWrittenMigrationWithoutReverse() {
    TestDatabase db = SharedPostgres.newDatabase("rollback_handwritten");
    GeneratedMigrations.write(folder, "migration/V2_1__backfill.sql", "UPDATE users SET name = 'x' WHERE name IS NULL;\n");
    GeneratedMigrations.resum(folder);
    assertEquals(0, plinth(db, "migrate").exitCode());

    Cli.Result result = plinth(db, "rollback", "--to", "2");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("Cannot roll back V2_1__backfill.sql: its reverse script"
        + " rollback/U2_1__backfill.sql is missing (V2_1__backfill.sql is hand-written)"), result::toString);
    Cli.Result validate = plinth(db, "validate");
    assertEquals(0, validate.exitCode(), validate::toString);
    assertTrue(validate.out().contains("V2_1__backfill.sql is hand-written and has no reverse script"), validate::toString);
  }

  @Test
  void refusesAReverseScriptThatDoesNotMatchTheSum() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("rollback_altered");
    assertEquals(0, plinth(db, "migrate").exitCode());
    Files.writeString(folder.resolve("rollback/U4__step_4.sql"), "-- edited\n", java.nio.file.StandardOpenOption.APPEND);

    Cli.Result result = plinth(db, "rollback", "--steps", "1");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN671] Cannot roll back: rollback/U4__step_4.sql does not match plinth.sum"),
        result::toString);
    Cli.Result validate = plinth(db, "validate");
    assertEquals(6, validate.exitCode(), validate::toString);
    assertTrue(validate.err().contains("[PLN666] rollback/U4__step_4.sql does not match plinth.sum"), validate::toString);
  }

  @Test
  void aFailingReverseScriptIsRolledBackAndNamesItsLine() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("rollback_failing");
    assertEquals(0, plinth(db, "migrate").exitCode());
    Path u3 = folder.resolve("rollback/U3__step_3.sql");
    Files.writeString(u3, Files.readString(u3) + "\nSELEC 1;\n");
    GeneratedMigrations.resum(folder);
    int line = (int) Files.readString(u3).lines().count();

    Cli.Result result = plinth(db, "rollback", "--steps", "2");

    assertEquals(4, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN650] Reverse script rollback/U3__step_3.sql failed at line " + line
        + ": syntax error at or near \"SELEC\" (SQL state 42601)."), result::toString);
    assertTrue(result.err().contains("Statement: SELEC 1;"), result::toString);
    assertTrue(result.err().contains("the schema is still at version 3"), result::toString);
    assertTrue(result.out().startsWith("Rolled back V4 step 4 ("), "what was finished before it: " + result);
    assertTrue(result.err().contains("[PLN655] The reverse script is generated and checked against plinth.sum: do not"
        + " edit it."), "never sent to edit the protected file: " + result);
    assertEquals("3", Sql.queryString(db, "SELECT max(version::int) FROM flyway_schema_history"));
    Cli.Result verify = plinth(db, "verify");
    assertEquals(0, verify.exitCode(), "V4 was rolled back, V3 is intact: " + verify);
  }

  /** A reverse script that runs for a while says so when it has run two seconds, then when it is done. */
  @Test
  void aLongReverseScriptSaysItIsRunning() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("rollback_long");
    assertEquals(0, plinth(db, "migrate").exitCode());
    Path u4 = folder.resolve("rollback/U4__step_4.sql");
    Files.writeString(u4, Files.readString(u4) + "\nSELECT pg_sleep(2.5);\n");
    GeneratedMigrations.resum(folder);

    Cli.Result result = plinth(db, "rollback", "--steps", "2");

    assertEquals(0, result.exitCode(), result::toString);
    List<String> lines = result.out().lines().toList();
    assertEquals(4, lines.size(), result::toString);
    assertEquals("Rolling back V4 step 4 (rollback/U4__step_4.sql) ...", lines.get(0), result::toString);
    assertTrue(lines.get(1).startsWith("Rolled back V4 step 4 (") && lines.get(2).startsWith("Rolled back V3 step 3 (")
        && lines.get(3).startsWith("Rolled back 2 migrations in "), result::toString);
  }

  @Test
  void rowsWrittenSinceTheMigrationThatBreakTheOldSchemaAreNamedWithTheWayOut() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("rollback_rows");
    assertEquals(0, plinth(db, "migrate", "--target", "2").exitCode());
    Sql.execute(db, "CREATE TABLE later (v text); ALTER TABLE later ADD CONSTRAINT later_v CHECK (v <> 'x')");
    Path u2 = folder.resolve("rollback/U2__step_2.sql");
    // A reverse step that needs the rows to satisfy something the newer version relaxed.
    Files.writeString(u2, Files.readString(u2) + "\nINSERT INTO later VALUES ('x');\n");
    GeneratedMigrations.resum(folder);

    Cli.Result result = plinth(db, "rollback", "--steps", "1");

    assertEquals(4, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN654] Rows written since that migration break what version 1 requires."
        + " Change those rows (the statement above shows the rule) and run rollback again."), result::toString);
  }

  @Test
  void aReverseWhoseBackupWasPrunedSaysTheDataCannotComeBack() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("rollback_pruned");
    assertEquals(0, plinth(db, "migrate", "--target", "3").exitCode());
    assertEquals(0, plinth(db, "prune-backups").exitCode());

    Cli.Result result = plinth(db, "rollback", "--steps", "1");

    assertEquals(4, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN657] The backup it restores from is gone (prune-backups removed it)"),
        result::toString);
    assertTrue(result.err().contains("the schema is still at version 3"), result::toString);
  }

  @Test
  void moreStepsThanAppliedIsAUsageError() {
    TestDatabase db = SharedPostgres.newDatabase("rollback_too_many");
    assertEquals(0, plinth(db, "migrate", "--target", "1").exitCode());

    Cli.Result result = plinth(db, "rollback", "--steps", "2");

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals("[PLN610] Cannot roll back 2 migrations: only 1 is applied (schema at version 1)."
        + " Use --steps 1 or fewer.\n", result.err());
  }

  private static Schema catalog(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return Canonical.schema(CatalogReader.read(connection, "flyway_schema_history"));
    }
  }
}
