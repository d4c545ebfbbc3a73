package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.GeneratedMigrations;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column default that names an enum value the migration renames or removes: the default is
 * dropped before the type changes and set after them, so migrate, rollback and migrate again work.
 */
class EnumDefaultRollbackTest {
  private static final QualifiedName JOB = new QualifiedName("public", "job");
  private static final QualifiedName MOOD = new QualifiedName("public", "mood");
  private static final String DEFAULT = "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'job'::regclass";
  private static final String MOODS = "SELECT string_agg(coalesce(mood::text, '-'), ',' ORDER BY id) FROM job";

  @TempDir
  Path workingDirectory;

  @Test
  void aValueRenamedWithTheDefaultNamingItRollsBackAndMigratesAgain() {
    Schema v1 = schema(false, "'OK'", new EnumType(MOOD, "x.Mood", List.of("OK", "BAD")));
    Schema v2 = schema(false, "'FINE'", new EnumType(MOOD, "x.Mood", List.of("FINE", "BAD"), null,
        Map.of("FINE", "OK")));
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(v1, v2));
    TestDatabase db = SharedPostgres.newDatabase("enum_default_rename");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO job DEFAULT VALUES");
    Sql.execute(db, "INSERT INTO job (mood) VALUES ('BAD')");
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    assertEquals("FINE,BAD", Sql.queryString(db, MOODS));

    Cli.Result rollback = plinth(db, folder, "rollback", "--steps", "1");

    assertEquals(0, rollback.exitCode(), rollback::toString);
    assertEquals(0, plinth(db, folder, "verify").exitCode());
    assertEquals("'OK'::mood", Sql.queryString(db, DEFAULT));
    assertEquals("OK,BAD", Sql.queryString(db, MOODS));

    Cli.Result migrate = plinth(db, folder, "migrate");

    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertEquals(0, plinth(db, folder, "verify").exitCode());
    assertEquals("'FINE'::mood", Sql.queryString(db, DEFAULT));
    assertEquals("FINE,BAD", Sql.queryString(db, MOODS));
  }

  @Test
  void aValueRemovedWithTheOldDefaultNamingItMigratesRollsBackAndMigratesAgain() {
    Schema v1 = schema(true, "'MEH'", new EnumType(MOOD, "x.Mood", List.of("OK", "MEH", "BAD")));
    Schema v2 = schema(true, "'BAD'", new EnumType(MOOD, "x.Mood", List.of("OK", "BAD")));
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(v1, v2));
    TestDatabase db = SharedPostgres.newDatabase("enum_default_remove");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO job DEFAULT VALUES");
    Sql.execute(db, "INSERT INTO job (mood) VALUES ('OK')");

    Cli.Result migrate = plinth(db, folder, "migrate");

    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertEquals(0, plinth(db, folder, "verify").exitCode());
    assertEquals("-,OK", Sql.queryString(db, MOODS), "the removed value is kept in the backup");

    Cli.Result rollback = plinth(db, folder, "rollback", "--steps", "1");

    assertEquals(0, rollback.exitCode(), rollback::toString);
    assertEquals(0, plinth(db, folder, "verify").exitCode());
    assertEquals("'MEH'::mood", Sql.queryString(db, DEFAULT));
    assertEquals("MEH,OK", Sql.queryString(db, MOODS));
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    assertEquals("'BAD'::mood", Sql.queryString(db, DEFAULT));
  }

  /**
   * Rows that took a value the migration added cannot keep it below that version: the rollback
   * stops, changes nothing, and says which rows to change (not that Plinth has a bug).
   */
  @Test
  void anAddedValueThatRowsHoldStopsTheRollbackWithTheWayOut() {
    Schema v1 = schema(false, "'OK'", new EnumType(MOOD, "x.Mood", List.of("OK", "BAD")));
    Schema v2 = schema(false, "'OK'", new EnumType(MOOD, "x.Mood", List.of("OK", "MEH", "BAD")));
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(v1, v2));
    TestDatabase db = SharedPostgres.newDatabase("enum_added_value_held");
    assertEquals(0, plinth(db, folder, "migrate").exitCode());
    Sql.execute(db, "INSERT INTO job (mood) VALUES ('MEH'), ('BAD')");

    Cli.Result rollback = plinth(db, folder, "rollback", "--steps", "1");

    assertEquals(4, rollback.exitCode(), rollback::toString);
    assertTrue(rollback.err().contains("invalid input value for enum mood: \"MEH\""), rollback::toString);
    assertTrue(rollback.err().contains("[PLN654] Rows written since that migration break what version 1 requires."),
        rollback::toString);
    assertFalse(rollback.err().contains("PLN655"), "not sent to report a bug: " + rollback);
    assertEquals("MEH,BAD", Sql.queryString(db, MOODS), "nothing changed");
    Sql.execute(db, "UPDATE job SET mood = 'OK' WHERE mood = 'MEH'");
    assertEquals(0, plinth(db, folder, "rollback", "--steps", "1").exitCode(), "the way out works");
    assertEquals("OK,BAD", Sql.queryString(db, MOODS));
  }

  @Test
  void aValueRenamedWhileTheTableWhoseDefaultNamesItIsDroppedRollsBackAndMigratesAgain() {
    Schema v1 = schema(false, "'OK'", new EnumType(MOOD, "x.Mood", List.of("OK", "BAD")));
    Schema v2 = new Schema(List.of(), List.of(new EnumType(MOOD, "x.Mood", List.of("FINE", "BAD"), null,
        Map.of("FINE", "OK"))));
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(v1, v2));
    TestDatabase db = SharedPostgres.newDatabase("enum_default_rename_drop");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO job DEFAULT VALUES");
    Sql.execute(db, "INSERT INTO job (mood) VALUES ('BAD')");
    Cli.Result forward = plinth(db, folder, "migrate");
    assertEquals(0, forward.exitCode(), forward::toString);
    assertEquals("FINE,BAD", Sql.queryString(db, "SELECT string_agg(v::text, ',' ORDER BY v) FROM unnest(enum_range(NULL::mood)) v"));

    Cli.Result rollback = plinth(db, folder, "rollback", "--steps", "1");

    assertEquals(0, rollback.exitCode(), rollback::toString);
    assertEquals(0, plinth(db, folder, "verify").exitCode());
    assertEquals("'OK'::mood", Sql.queryString(db, DEFAULT));
    assertEquals("OK,BAD", Sql.queryString(db, MOODS));

    Cli.Result migrate = plinth(db, folder, "migrate");

    assertEquals(0, migrate.exitCode(), migrate::toString);
    assertEquals(0, plinth(db, folder, "verify").exitCode());
    assertEquals(0, plinth(db, folder, "rollback", "--steps", "1").exitCode());
    assertEquals("OK,BAD", Sql.queryString(db, MOODS));
  }

  @Test
  void aValueRemovedWhileTheTableWhoseDefaultNamesItIsDroppedRollsBack() {
    Schema v1 = schema(true, "'MEH'", new EnumType(MOOD, "x.Mood", List.of("OK", "MEH", "BAD")));
    Schema v2 = new Schema(List.of(), List.of(new EnumType(MOOD, "x.Mood", List.of("OK", "BAD"))));
    Path folder = GeneratedMigrations.write(workingDirectory.resolve("db"), List.of(v1, v2));
    TestDatabase db = SharedPostgres.newDatabase("enum_default_remove_drop");
    assertEquals(0, plinth(db, folder, "migrate", "--target", "1").exitCode());
    Sql.execute(db, "INSERT INTO job (mood) VALUES ('OK')");
    Sql.execute(db, "INSERT INTO job (mood) VALUES ('BAD')");
    Cli.Result forward = plinth(db, folder, "migrate");
    assertEquals(0, forward.exitCode(), forward::toString);

    Cli.Result rollback = plinth(db, folder, "rollback", "--steps", "1");

    assertEquals(0, rollback.exitCode(), rollback::toString);
    assertEquals(0, plinth(db, folder, "verify").exitCode());
    assertEquals("'MEH'::mood", Sql.queryString(db, DEFAULT));
    assertEquals("OK,BAD", Sql.queryString(db, MOODS));
    Cli.Result migrate = plinth(db, folder, "migrate");
    assertEquals(0, migrate.exitCode(), migrate::toString);
  }

  private Cli.Result plinth(TestDatabase db, Path folder, String... args) {
    return Cli.onDatabase(workingDirectory, db, folder, args);
  }

  private static Schema schema(boolean nullable, String defaultSql, EnumType mood) {
    Column id = new Column("id", "bigint", null, false, null, Identity.ALWAYS, null, null);
    Column column = new Column("mood", "\"public\".\"mood\"", MOOD, nullable, defaultSql, Identity.NONE, null, null);
    Table job = new Table(JOB, "x.Job", null, List.of(id, column), new PrimaryKey("job_pkey", List.of("id")),
        List.of(), List.of(), List.of(), List.of(), null);
    return new Schema(List.of(job), List.of(mood));
  }
}
