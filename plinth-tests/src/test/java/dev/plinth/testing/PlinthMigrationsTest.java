package dev.plinth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hand-written backfill migration tested with data: the database is created at the version
 * before it, rows go in, the backfill runs, and rolling back restores the earlier state.
 */
class PlinthMigrationsTest {

  @RegisterExtension
  static PlinthMigrations migrations = PlinthMigrations.of("classpath:fixtures/backfill/db/migration");

  @Test
  void theBackfillFillsRowsThatExistedBeforeItAndItsReverseEmptiesThem() {
    TestDatabase db = migrations.databaseAt("2");
    db.execute("INSERT INTO users (name) VALUES ('Ada'), ('Grace')");

    migrations.migrate(db, "3");
    assertEquals(List.of("ada@example.com", "grace@example.com"), db.query("SELECT email FROM users ORDER BY id"));

    migrations.rollback(db, "2");
    assertEquals(Arrays.asList(null, null), db.query("SELECT email FROM users ORDER BY id"));
    assertEquals(List.of("2"), db.query("SELECT max(version::int)::text FROM flyway_schema_history WHERE success"));
  }

  @Test
  void eachTestGetsItsOwnDatabaseAndVersionZeroIsEmpty() {
    TestDatabase empty = migrations.databaseAt("0");
    TestDatabase latest = migrations.databaseAt("3");

    assertEquals(List.of("0"), empty.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    assertEquals(List.of("users"), latest.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'"));
  }
}
