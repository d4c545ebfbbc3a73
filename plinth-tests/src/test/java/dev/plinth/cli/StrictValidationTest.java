package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict migrations ({@code plinth.safety=strict}) on a table with rows: a CHECK, a FOREIGN KEY and
 * a NOT NULL added to an existing table are added {@code NOT VALID} by one migration (V2) and
 * validated by the next (V3, a transaction of its own); both migrate and roll back, and a
 * validation that existing rows fail leaves V2 applied and says to fix the rows.
 */
class StrictValidationTest {
  private static final QualifiedName OWNER = new QualifiedName("public", "owner");
  private static final QualifiedName JOB = new QualifiedName("public", "job");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
  private static final Column OWNER_ID =
      new Column("owner_id", "bigint", null, true, null, Identity.NONE, null, null);

  @TempDir
  Path workingDirectory;

  @Test
  void constraintsAreValidatedByTheirOwnMigrationAndRollBack() throws SQLException {
    Path folder = GeneratedMigrations.writeStrict(workingDirectory.resolve("db"), List.of(v1(), v2()));
    TestDatabase db = SharedPostgres.newDatabase("strict_validation");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO owner DEFAULT VALUES");
    Sql.execute(db, "INSERT INTO job (code, owner_id) SELECT 'job ' || n, 1 FROM generate_series(1, 1000) n");

    Cli.Result migrated = plinth(db, folder, "migrate");

    assertEquals(0, migrated.exitCode(), migrated::toString);
    assertEquals("3", Sql.queryString(db, "SELECT max(version::int) FROM flyway_schema_history WHERE success"));
    assertCatalog(db, v2());
    assertEquals("job_code_present,job_owner_id_fkey", Sql.queryString(db, "SELECT string_agg(conname, ','"
        + " ORDER BY conname) FROM pg_constraint WHERE conrelid = 'job'::regclass AND contype IN ('c', 'f')"
        + " AND convalidated"), "both constraints are validated, and the NOT NULL check is gone");
    assertEquals("true", Sql.queryString(db, "SELECT attnotnull::text FROM pg_attribute"
        + " WHERE attrelid = 'job'::regclass AND attname = 'code'"));

    Cli.Result rolledBack = plinth(db, folder, "rollback", "--steps", "2");

    assertEquals(0, rolledBack.exitCode(), rolledBack::toString);
    assertCatalog(db, v1());
    assertEquals("1000", Sql.queryString(db, "SELECT count(*) FROM job"));
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    assertCatalog(db, v2());
    assertEquals(0, plinth(db, folder, "verify").exitCode());
  }

  @Test
  void aValidationThatRowsFailLeavesTheConstraintsAddedAndFinishesOnceTheRowsAreFixed() throws SQLException {
    Path folder = GeneratedMigrations.writeStrict(workingDirectory.resolve("db"), List.of(v1(), v2()));
    TestDatabase db = SharedPostgres.newDatabase("strict_validation_fails");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO owner DEFAULT VALUES");
    Sql.execute(db, "INSERT INTO job (code, owner_id) VALUES ('a', 1), ('', 1)");

    Cli.Result failed = plinth(db, folder, "migrate");

    assertEquals(4, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("[PLN640] Migration V3__step_3.sql failed at line 7: check constraint"
        + " \"job_code_present\" of relation \"job\" is violated by some row (SQL state 23514)."), failed::toString);
    assertTrue(failed.err().contains("It validates a constraint that the migration before it added NOT VALID"
        + " (rows written since are already checked), and rows that were there before violate it. Its"
        + " transaction was rolled back; the schema is still at version 2. Fix or delete those rows and run"
        + " migrate again: the migration files need no change."), failed::toString);
    assertEquals("2", Sql.queryString(db, "SELECT max(version::int) FROM flyway_schema_history WHERE success"));
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> Sql.execute(db, "INSERT INTO job (code, owner_id) VALUES ('', 1)"));
    assertTrue(refused.getCause().getMessage().contains("job_code_present"),
        "new rows are already checked: " + refused.getCause());

    Sql.execute(db, "UPDATE job SET code = 'b' WHERE code = ''");
    Cli.Result again = plinth(db, folder, "migrate");

    assertEquals(0, again.exitCode(), again::toString);
    assertCatalog(db, v2());
    assertEquals(0, plinth(db, folder, "verify").exitCode());
  }

  private static Schema v1() {
    return schema(new Column("code", "text", null, true, null, Identity.NONE, null, null), List.of(), List.of());
  }

  /** code becomes NOT NULL and gets a check; owner_id gets a foreign key. */
  private static Schema v2() {
    return schema(new Column("code", "text", null, false, null, Identity.NONE, null, null),
        List.of(new CheckConstraint("job_code_present", "code <> ''")),
        List.of(new ForeignKey("job_owner_id_fkey", List.of("owner_id"), OWNER, List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)));
  }

  private static Schema schema(Column code, List<CheckConstraint> checks, List<ForeignKey> keys) {
    Table owner = new Table(OWNER, "x.Owner", null, List.of(ID), new PrimaryKey("owner_pkey", List.of("id")),
        List.of(), List.of(), List.of(), List.of(), null);
    Table job = new Table(JOB, "x.Job", null, List.of(ID, code, OWNER_ID),
        new PrimaryKey("job_pkey", List.of("id")), List.of(), checks, List.of(), keys, null);
    return new Schema(List.of(job, owner), List.of());
  }

  /** The live catalog (outside Flyway's history) is {@code expected}. */
  private static void assertCatalog(TestDatabase db, Schema expected) throws SQLException {
    try (Connection connection = db.connect()) {
      Schema live = CatalogReader.read(connection, "flyway_schema_history");
      assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(live), Canonical.schema(expected)));
    }
  }

  private Cli.Result plinth(TestDatabase db, Path folder, String... args) {
    return Cli.onDatabase(workingDirectory, db, folder, args);
  }
}
