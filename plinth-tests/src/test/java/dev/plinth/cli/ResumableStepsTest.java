package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations that run outside a transaction (indexes built concurrently, enum values added and
 * used) are resumable: when one fails halfway, fixing the cause and running the same script again
 * finishes the job, forward and in reverse.
 */
class ResumableStepsTest {
  private static final QualifiedName JOB = new QualifiedName("public", "job");
  private static final QualifiedName MOOD = new QualifiedName("public", "mood");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
  private static final Column CODE = new Column("code", "text", null, true, null, Identity.NONE, null, null);
  private static final Column EMAIL = new Column("email", "text", null, true, null, Identity.NONE, null, null);

  @TempDir
  Path workingDirectory;

  @Test
  void aConcurrentIndexBuildThatFailedOnDuplicatesFinishesWhenMigratedAgain() throws SQLException {
    Schema v1 = schema(mood("'OK'"), List.of(), "OK", "BAD");
    Schema v2 = schema(mood("'OK'"), List.of(uniqueConcurrently("job_code_idx", "code"),
        uniqueConcurrently("job_email_idx", "email")), "OK", "BAD");
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(v1, v2));
    TestDatabase db = SharedPostgres.newDatabase("resumable_index");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    // job_code_idx is built first and succeeds; job_email_idx fails and leaves an invalid index.
    Sql.execute(db, "INSERT INTO job (code, email) VALUES ('a', 'x@example.com'), ('b', 'x@example.com')");

    Cli.Result failed = plinth(db, folder, "migrate");

    assertEquals(4, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("could not create unique index \"job_email_idx\""), failed::toString);
    assertTrue(failed.err().contains("It did not run in a transaction, so part of it may have been applied; it is"
        + " written to be run again: fix the cause, run `plinth repair` (Plinth.repair()) to clear its failed row,"
        + " and migrate again, which finishes what this run began."), failed::toString);
    Cli.Result validate = plinth(db, folder, "validate");
    assertTrue(validate.err().contains("[PLN679] V2__step_2.sql (version 2) is recorded as failed. It ran outside"
        + " a transaction and is written to be run again"), validate::toString);
    assertEquals("job_email_idx", Sql.queryString(db, "SELECT string_agg(indexrelid::regclass::text, ',')"
        + " FROM pg_index WHERE NOT indisvalid"), "the failed build left an invalid index");

    // The cause fixed, and Flyway's record of the failure cleared by repair, the same script runs again.
    Sql.execute(db, "UPDATE job SET email = 'y@example.com' WHERE code = 'b'");
    assertEquals(0, plinth(db, folder, "repair").exitCode());
    Cli.Result again = plinth(db, folder, "migrate");

    assertEquals(0, again.exitCode(), again::toString);
    assertCatalog(db, v2);
    assertEquals(null, Sql.queryString(db, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"),
        "every index is valid");
  }

  @Test
  void aReverseThatFailedOnRowsHoldingAnAddedEnumValueLeavesNothingHalfDoneAndFinishesWhenRunAgain()
      throws SQLException {
    Schema v1 = schema(mood("'OK'"), List.of(), "OK", "BAD");
    // NEW is added and used as the default: V2 adds it outside a transaction, V3 sets the default.
    Schema v2 = schema(mood("'NEW'"), List.of(), "OK", "NEW", "BAD");
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(v1, v2));
    TestDatabase db = SharedPostgres.newDatabase("resumable_enum");
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    Sql.execute(db, "INSERT INTO job (code) VALUES ('a')");

    Cli.Result failed = plinth(db, folder, "rollback", "--steps", "2");

    assertEquals(4, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("[PLN650] Reverse script rollback/U2__step_2.sql failed at line 4:"
        + " invalid input value for enum mood: \"NEW\""), failed::toString);
    assertTrue(failed.err().contains("it is written to be run again: the history still records version 2, so fix"
        + " the cause and run rollback again"), failed::toString);
    assertEquals("2", Sql.queryString(db, "SELECT max(version::int) FROM flyway_schema_history"));
    assertCatalog(db, schema(mood("'OK'"), List.of(), "OK", "NEW", "BAD"));

    Sql.execute(db, "UPDATE job SET mood = 'BAD'");
    Cli.Result again = plinth(db, folder, "rollback", "--steps", "1");

    assertEquals(0, again.exitCode(), again::toString);
    assertCatalog(db, v1);
    assertEquals(0, plinth(db, folder, "verify").exitCode());
  }

  /** The live catalog (outside Flyway's history) is {@code expected}: no leftover type, column or default. */
  private static void assertCatalog(TestDatabase db, Schema expected) throws SQLException {
    try (Connection connection = db.connect()) {
      Schema live = CatalogReader.read(connection, "flyway_schema_history");
      assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(live), Canonical.schema(expected)));
      assertEquals(expected.enums().stream().map(EnumType::name).toList(),
          live.enums().stream().map(EnumType::name).toList(), "no other enum type is left");
    }
  }

  private Cli.Result plinth(TestDatabase db, Path folder, String... args) {
    return Cli.onDatabase(workingDirectory, db, folder, args);
  }

  private static Column mood(String defaultSql) {
    return new Column("mood", "\"public\".\"mood\"", MOOD, false, defaultSql, Identity.NONE, null, null);
  }

  private static Index uniqueConcurrently(String name, String column) {
    return new Index(name, List.of(IndexKey.column(column)), true, "btree", null, List.of(), true);
  }

  private static Schema schema(Column mood, List<Index> indexes, String... values) {
    Table job = new Table(JOB, "x.Job", null, List.of(ID, CODE, EMAIL, mood),
        new PrimaryKey("job_pkey", List.of("id")), List.of(), List.of(), indexes, List.of(), null);
    return new Schema(List.of(job), List.of(new EnumType(MOOD, "x.Mood", List.of(values))));
  }
}
