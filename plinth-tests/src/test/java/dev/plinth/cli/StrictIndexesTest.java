package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.internal.SqlStatements;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict migrations ({@code plinth.safety=strict}) of indexes on tables with rows: an index is built
 * (V3) and dropped (V4) {@code CONCURRENTLY} outside a transaction, a unique constraint and a primary
 * key are attached {@code USING INDEX} of unique indexes built concurrently (V2); all of it migrates,
 * rolls back and migrates again, and {@code verify} finds the catalog as the model says.
 */
class StrictIndexesTest {
  private static final QualifiedName JOB = new QualifiedName("public", "job");
  private static final QualifiedName NOTE = new QualifiedName("public", "note");
  private static final Column ID = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
  private static final Column CODE = new Column("code", "text", null, false, null, Identity.NONE, null, null);
  private static final Column TITLE = new Column("title", "text", null, true, null, Identity.NONE, null, null);
  private static final Column NUMBER = new Column("number", "bigint", null, false, null, Identity.NONE, null, null);
  private static final Index TITLE_INDEX =
      new Index("job_title_idx", List.of(IndexKey.column("title")), false, "btree", null, List.of(), false);

  @TempDir
  Path workingDirectory;

  @Test
  void indexesAndKeysAreBuiltAndDroppedConcurrentlyAndRollBack() throws SQLException, IOException {
    Path folder = GeneratedMigrations.writeStrict(workingDirectory.resolve("db"), List.of(v1(), v2(), v3()));
    assertEquals(List.of("V1__step_1.sql", "V2__step_2.sql", "V2__step_2.sql.conf", "V3__step_3.sql",
        "V3__step_3.sql.conf", "V4__step_4.sql", "V4__step_4.sql.conf"),
        files(folder.resolve("migration")), "V2 to V4 run outside a transaction");
    TestDatabase db = SharedPostgres.newDatabase("strict_indexes");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO job (code, title) SELECT 'job ' || n, 'title ' || n FROM generate_series(1, 1000) n");
    Sql.execute(db, "INSERT INTO note (number) SELECT n FROM generate_series(1, 1000) n");

    Cli.Result built = plinth(db, folder, "migrate", "--target", "3");

    assertEquals(0, built.exitCode(), built::toString);
    assertCatalog(db, v2());
    assertEquals("job_code_key u,job_pkey p,note_pkey p", Sql.queryString(db, "SELECT string_agg(conname"
        + " || ' ' || contype::text, ',' ORDER BY conname) FROM pg_constraint WHERE contype IN ('u', 'p')"
        + " AND conrelid IN ('job'::regclass, 'note'::regclass)"));
    assertEquals("0", Sql.queryString(db, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"));

    Cli.Result dropped = plinth(db, folder, "migrate");

    assertEquals(0, dropped.exitCode(), dropped::toString);
    assertCatalog(db, v3());
    Cli.Result rolledBack = plinth(db, folder, "rollback", "--steps", "3");
    assertEquals(0, rolledBack.exitCode(), rolledBack::toString);
    assertCatalog(db, v1());
    assertEquals("1000", Sql.queryString(db, "SELECT count(*) FROM note"));
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    assertCatalog(db, v3());
    assertEquals(0, plinth(db, folder, "verify").exitCode());
  }

  /**
   * The step that attaches a unique constraint and a primary key USING INDEX (V2) can run again
   * after a run that attached them but stopped before Flyway recorded it (as a retry after a crash
   * would): it keeps the valid indexes and the constraints, one of each. And after a build that
   * failed (a duplicate value; it leaves an invalid index), the next run drops that index and
   * builds it again.
   */
  @Test
  void theUsingIndexStepRunsAgainAfterAnInterruptedRun() throws SQLException, IOException {
    Path folder = GeneratedMigrations.writeStrict(workingDirectory.resolve("db"), List.of(v1(), v2(), v3()));
    TestDatabase db = SharedPostgres.newDatabase("strict_indexes_retry");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO job (code, title) SELECT 'job ' || n, 'title ' || n FROM generate_series(1, 1000) n");
    Sql.execute(db, "INSERT INTO job (code, title) VALUES ('job 7', 'again')");
    Sql.execute(db, "INSERT INTO note (number) SELECT n FROM generate_series(1, 1000) n");

    Cli.Result duplicate = plinth(db, folder, "migrate", "--target", "2");
    assertEquals(1, Integer.signum(duplicate.exitCode()), duplicate::toString);
    assertEquals("job_code_key", Sql.queryString(db, "SELECT string_agg(indexrelid::regclass::text, ',')"
        + " FROM pg_index WHERE NOT indisvalid"), "the failed build left its index, invalid");
    Sql.execute(db, "DELETE FROM job WHERE title = 'again'");
    // A run that finishes the step (dropping the invalid index, building it again, attaching both
    // constraints) but stops before Flyway records it.
    runOutsideFlyway(db, Files.readString(folder.resolve("migration").resolve("V2__step_2.sql")));
    assertEquals(0, plinth(db, folder, "repair").exitCode(), "repair removes the failed history row");

    Cli.Result retried = plinth(db, folder, "migrate", "--target", "2");

    assertEquals(0, retried.exitCode(), retried::toString);
    assertEquals("job_code_key u,job_pkey p,note_pkey p", Sql.queryString(db, "SELECT string_agg(conname"
        + " || ' ' || contype::text, ',' ORDER BY conname) FROM pg_constraint WHERE contype IN ('u', 'p')"
        + " AND conrelid IN ('job'::regclass, 'note'::regclass)"));
    assertEquals("0", Sql.queryString(db, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
    assertEquals("job_code_key,job_pkey", Sql.queryString(db, "SELECT string_agg(indexrelid::regclass::text,"
        + " ',' ORDER BY indexrelid::regclass::text) FROM pg_index WHERE indrelid = 'job'::regclass"));
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    assertCatalog(db, v3());
  }

  /** Runs a script outside a transaction statement by statement, as the runner does, without Flyway. */
  private static void runOutsideFlyway(TestDatabase db, String script) throws SQLException {
    try (Connection connection = db.connect(); java.sql.Statement statement = connection.createStatement()) {
      for (SqlStatements.Statement each : SqlStatements.split(script)) {
        statement.execute(each.sql());
      }
    }
  }

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static Schema v1() {
    return schema(null, List.of(), List.of());
  }

  /** job gets a unique constraint and an index, note a primary key. */
  private static Schema v2() {
    return schema(new PrimaryKey("note_pkey", List.of("number")),
        List.of(new UniqueConstraint("job_code_key", List.of("code"))), List.of(TITLE_INDEX));
  }

  /** job's index is gone. */
  private static Schema v3() {
    return schema(new PrimaryKey("note_pkey", List.of("number")),
        List.of(new UniqueConstraint("job_code_key", List.of("code"))), List.of());
  }

  private static Schema schema(PrimaryKey noteKey, List<UniqueConstraint> uniques, List<Index> indexes) {
    Table job = new Table(JOB, "x.Job", null, List.of(ID, CODE, TITLE),
        new PrimaryKey("job_pkey", List.of("id")), uniques, List.of(), indexes, List.of(), null);
    Table note = new Table(NOTE, "x.Note", null, List.of(NUMBER), noteKey, List.of(), List.of(), List.of(),
        List.of(), null);
    return new Schema(List.of(job, note), List.of());
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
