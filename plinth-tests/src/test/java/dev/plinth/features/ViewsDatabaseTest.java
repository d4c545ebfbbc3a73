package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.journal.MigrationsFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's views schema (golden files {@code golden/views}: a view over a table and a view
 * over that view, then a retype of a column both read) on a real PostgreSQL: the retype goes
 * through in both directions with the rows kept, and {@code verify} sees the views and their drift.
 */
class ViewsDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/views");

  @Test
  void aRetypeUnderAChainOfViewsRunsForwardAndBackKeepingTheRows() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("views_retype");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      execute(connection, "INSERT INTO customer (id, name) VALUES (1, 'Ada'), (2, 'Grace Hopper')");

      run(connection, migrations.get(1).forward());
      assertEquals("character varying(80)", viewColumnType(connection, "customer_name"));
      assertEquals("character varying(80)", viewColumnType(connection, "short_names"));
      assertEquals("1 Ada", query(connection, "SELECT string_agg(id || ' ' || name, ',') FROM short_names"));

      run(connection, migrations.get(1).reverse());
      assertEquals("text", viewColumnType(connection, "customer_name"));
      assertEquals("text", viewColumnType(connection, "short_names"));
      assertEquals("1 Ada,2 Grace Hopper",
          query(connection, "SELECT string_agg(id || ' ' || name, ',' ORDER BY id) FROM customer_name"));
      assertEquals("1 Ada", query(connection, "SELECT string_agg(id || ' ' || name, ',') FROM short_names"));

      run(connection, migrations.get(0).reverse());
      assertEquals("0", query(connection, "SELECT count(*) FROM pg_views WHERE schemaname = 'public'"));
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndRollsBack() {
    TestDatabase db = SharedPostgres.newDatabase("views_runner");
    Plinth plinth = plinth(db);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");

    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
    plinth.rollback(RollbackTarget.steps(1));
    assertEquals(List.of(), plinth.verify().differences(), "nor with nothing applied");
  }

  @Test
  void verifyReportsAChangedViewBodyAMissingViewAndAnExtraOne() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("views_drift");
    Plinth plinth = plinth(db);
    plinth.migrate();
    try (Connection connection = db.connect()) {
      execute(connection, "DROP VIEW short_names");
      execute(connection, "CREATE OR REPLACE VIEW customer_name AS SELECT id, upper(name)::varchar(80) AS name"
          + " FROM customer");
      execute(connection, "CREATE VIEW by_hand AS SELECT 1 AS one");
    }

    List<String> found = plinth.verify().differences().stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name() + " " + d.aspect()).toList();

    assertEquals(List.of("extra view public.by_hand ", "different view public.customer_name definition",
        "missing view public.short_names "), found);
    Difference changed = plinth.verify().differences().get(1);
    assertEquals(true, changed.actual().contains("upper"), changed.actual());
  }

  @Test
  void resetDropsTheViewsAndMigratesAgain() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("views_reset");
    Plinth plinth = plinth(db);
    plinth.migrate();
    try (Connection connection = db.connect()) {
      // A view that reads no table: dropping the tables would not take it with them.
      execute(connection, "CREATE OR REPLACE VIEW customer_name AS SELECT 1::bigint AS id, 'x'::varchar(80) AS name");
    }

    assertEquals(2, plinth.reset(true).migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences());
  }

  private static Plinth plinth(TestDatabase db) {
    return GoldenScripts.runner(db, GOLDEN);
  }

  private static String viewColumnType(Connection connection, String view) throws SQLException {
    return query(connection, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
        + " WHERE attrelid = '" + view + "'::regclass AND attname = 'name'");
  }

  /** Runs a committed script in one transaction, as the runner does. */
  private static void run(Connection connection, String file) throws IOException, SQLException {
    GoldenScripts.run(connection, GOLDEN, file);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}
