package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth validate}, and migrate's report of an edited migration. */
class ValidateCommandTest {

  @TempDir
  Path workingDirectory;

  private Cli.Result plinth(TestDatabase db, Path folder, String... args) {
    return Cli.onDatabase(workingDirectory, db, folder, args);
  }

  @Test
  void generatedMigrationsAreValid() {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    TestDatabase db = SharedPostgres.newDatabase("validate_ok");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "2").exitCode());

    Cli.Result result = plinth(db, folder, "validate");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("Valid: 2 applied migrations match their files; reverse scripts present; files match plinth.sum.\n",
        result.out());
  }

  /**
   * A repeatable migration is meant to change: migrate runs it again, and validate accepts the
   * rows of its earlier runs (superseded, not edited), as Flyway does.
   */
  @Test
  void aRepeatableMigrationChangedAndRunAgainIsValid() throws Exception {
    Path folder = Files.createDirectories(workingDirectory.resolve("plain/migration")).getParent();
    Files.writeString(folder.resolve("migration/V1__items.sql"), "CREATE TABLE item (id int PRIMARY KEY, name text);\n");
    Files.writeString(folder.resolve("migration/R__item_names.sql"), "CREATE OR REPLACE VIEW item_names AS SELECT name FROM item;\n");
    TestDatabase db = SharedPostgres.newDatabase("validate_repeatable");
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    Files.writeString(folder.resolve("migration/R__item_names.sql"),
        "CREATE OR REPLACE VIEW item_names AS SELECT name, id FROM item;\n");

    Cli.Result again = plinth(db, folder, "migrate");
    Cli.Result result = plinth(db, folder, "validate");

    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(again.out().startsWith("Applied repeatable item names ("), again::toString);
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("Valid: "), result::toString);
  }

  @Test
  void anAppliedMigrationEditedAfterwardsIsReportedByFileName() throws Exception {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    TestDatabase db = SharedPostgres.newDatabase("validate_edited");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "2").exitCode());
    Files.writeString(folder.resolve("migration/V2__step_2.sql"), "-- tweak\n", StandardOpenOption.APPEND);

    Cli.Result validate = plinth(db, folder, "validate");
    Cli.Result migrate = plinth(db, folder, "migrate");
    Cli.Result json = plinth(db, folder, "validate", "--json");

    assertEquals(6, validate.exitCode(), validate::toString);
    assertTrue(validate.err().startsWith("Invalid: 2 problems found.\n"), validate::toString);
    assertTrue(validate.err().matches("(?s).*\\[PLN661] V2__step_2\\.sql was changed after it was applied"
        + " \\(checksum -?\\d+ in the database, -?\\d+ in the file\\).*"), validate::toString);
    assertTrue(validate.err().contains("[PLN666] migration/V2__step_2.sql does not match plinth.sum"), validate::toString);

    assertEquals(6, migrate.exitCode(), migrate::toString);
    // The folder is checked against plinth.sum before the database is touched.
    assertTrue(migrate.err().startsWith("[PLN806] migrate refused before touching the database"), migrate::toString);
    assertTrue(migrate.err().contains("[PLN666] migration/V2__step_2.sql does not match plinth.sum"),
        migrate::toString);

    assertEquals(6, json.exitCode(), json::toString);
    assertTrue(json.out().contains("\"valid\" : false"), json::toString);
    assertTrue(json.out().contains("\"file\" : \"migration/V2__step_2.sql\""), json::toString);
  }

  @Test
  void aMissingGeneratedReverseScriptAndUnlistedFilesAreProblems() throws Exception {
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    TestDatabase db = SharedPostgres.newDatabase("validate_reverse");
    Files.delete(folder.resolve("rollback/U1__step_1.sql"));
    Files.writeString(folder.resolve("migration/V5__extra.sql"), "SELECT 1;\n");

    Cli.Result result = plinth(db, folder, "validate");

    assertEquals(6, result.exitCode(), result::toString);
    String err = result.err();
    assertTrue(err.contains("[PLN664] V1__step_1.sql has no reverse script rollback/U1__step_1.sql."), err);
    assertTrue(err.contains("[PLN667] rollback/U1__step_1.sql is listed in plinth.sum but missing."), err);
    assertTrue(err.contains("[PLN668] migration/V5__extra.sql is not listed in plinth.sum."), err);
  }
}
