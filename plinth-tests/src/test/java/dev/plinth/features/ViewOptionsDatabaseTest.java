package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.journal.MigrationsFolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The processor's views with options and comments (golden files {@code golden/views-options}) on a
 * real PostgreSQL: created with {@code security_barrier}, a check option and a comment; a column the
 * view reads renamed, so the view is dropped and created again, and keeps them both ways; others'
 * options set, changed and reset in place; {@code verify} compares them. {@code security_invoker}
 * needs PostgreSQL 15.
 */
class ViewOptionsDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/views-options");

  @Test
  void optionsAndCommentsSurviveTheViewBeingCreatedAgainAndTheRollbackRestoresThem() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("view_options");
    try (Connection connection = db.connect()) {
      Assumptions.assumeTrue(connection.getMetaData().getDatabaseMajorVersion() >= 15,
          "security_invoker needs PostgreSQL 15");
      GoldenScripts.run(connection, GOLDEN, migrations.get(0).forward());
      String v1 = "active_customer [check_option=cascaded, security_barrier=true] Customers not banned;"
          + "guarded [check_option=local, security_invoker=true] Guarded;team_name - -";
      assertEquals(v1, options(connection));
      String oid = query(connection, "SELECT 'active_customer'::regclass::oid::text");
      GoldenScripts.execute(connection, "INSERT INTO customer (id, name, team) VALUES (1, 'Ada', 'core')");
      assertTrue(GoldenScripts.failure(connection, "INSERT INTO active_customer (id, name, team)"
          + " VALUES (2, 'Eve', 'banned')").contains("check option"), "the check option holds");

      GoldenScripts.run(connection, GOLDEN, migrations.get(1).forward());
      assertTrue(!oid.equals(query(connection, "SELECT 'active_customer'::regclass::oid::text")),
          "the view was dropped and created again");
      assertEquals("active_customer [check_option=cascaded, security_barrier=true] Customers not banned;"
          + "guarded [check_option=cascaded] -;team_name [check_option=local, security_barrier=true] Teams",
          options(connection));
      assertTrue(GoldenScripts.failure(connection, "INSERT INTO active_customer (id, full_name, team)"
          + " VALUES (2, 'Eve', 'banned')").contains("check option"), "the check option still holds");

      GoldenScripts.run(connection, GOLDEN, migrations.get(1).reverse());
      assertEquals(v1, options(connection), "the rollback restores every option and comment");
    }
  }

  @Test
  void theRunnerMigratesRollsBackWithoutDriftAndVerifyReportsAChangedOption() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("view_options_runner");
    try (Connection connection = db.connect()) {
      Assumptions.assumeTrue(connection.getMetaData().getDatabaseMajorVersion() >= 15,
          "security_invoker needs PostgreSQL 15");
    }
    Plinth plinth = GoldenScripts.runner(db, GOLDEN);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback");
    assertEquals(1, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "none after migrating again");

    try (Connection connection = db.connect()) {
      GoldenScripts.execute(connection, "ALTER VIEW active_customer RESET (security_barrier)");
      GoldenScripts.execute(connection, "ALTER VIEW team_name SET (check_option = cascaded)");
      GoldenScripts.execute(connection, "COMMENT ON VIEW guarded IS 'by hand'");
    }
    List<String> found = plinth.verify().differences().stream().map(Difference::text).toList();
    assertEquals(List.of(
        "view public.active_customer: options is check_option=cascaded, expected check_option=cascaded,"
            + " security_barrier=true",
        "view public.guarded: comment is by hand, expected (none)",
        "view public.team_name: options is check_option=cascaded, security_barrier=true, expected"
            + " check_option=local, security_barrier=true"), found);
  }

  /** Each view's options (as reloptions lists them, sorted) and comment. */
  private static String options(Connection connection) throws SQLException {
    return query(connection, "SELECT string_agg(c.relname || ' ' || coalesce((SELECT '[' || string_agg(o, ', '"
        + " ORDER BY o) || ']' FROM unnest(c.reloptions) o), '-') || ' ' || coalesce(obj_description(c.oid,"
        + " 'pg_class'), '-'), ';' ORDER BY c.relname) FROM pg_class c WHERE c.relkind = 'v'"
        + " AND c.relnamespace = 'public'::regnamespace");
  }
}
