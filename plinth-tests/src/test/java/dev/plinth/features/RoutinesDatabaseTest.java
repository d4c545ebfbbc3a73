package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.internal.catalog.CatalogReader;
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
 * The processor's functions and triggers (golden files {@code golden/routines}: a trigger function
 * and an SQL function, two triggers; then a changed body, a changed return type, a retyped column
 * under a trigger's condition and a renamed table) on a real PostgreSQL: the catalog after each
 * reverse equals the one before its forward, rows are kept, the triggers fire, and {@code verify}
 * reports drift of bodies and triggers.
 */
class RoutinesDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/routines");

  /**
   * The functions (as PostgreSQL prints them), the triggers, the materialized views (whether they
   * hold data) and their indexes of the public schema.
   */
  private static final String ROUTINES = """
      SELECT coalesce(string_agg(def, E'\\n' ORDER BY def), '') FROM (
        SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace
        UNION ALL
        SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
        UNION ALL
        SELECT 'materialized view ' || c.relname || ' populated ' || c.relispopulated || ': '
               || pg_get_viewdef(c.oid) FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'm'
        UNION ALL
        SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'm') d
      """;

  @Test
  void forwardReverseAndForwardAgainKeepTheRowsAndTheCatalog() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("routines_cycle");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      execute(connection, "INSERT INTO orders (id, status, updated_at) VALUES (1, 'new', '2000-01-01'),"
          + " (2, 'paid', '2000-01-01')");
      assertEquals("0", query(connection, "SELECT count(*) FROM orders WHERE updated_at < '2001-01-01'"),
          "the BEFORE INSERT trigger set updated_at");
      execute(connection, "UPDATE orders SET updated_at = '2000-01-01'");
      assertEquals("2", query(connection, "SELECT count(*) FROM orders WHERE updated_at > '2001-01-01'"),
          "the BEFORE UPDATE trigger set updated_at again");
      assertEquals("1", query(connection, "SELECT order_count(2)::text"));
      // CONCURRENTLY needs the unique index the record declares.
      execute(connection, "REFRESH MATERIALIZED VIEW CONCURRENTLY order_stats");
      assertEquals("new 1,paid 1", query(connection, "SELECT string_agg(status || ' ' || orders, ',' ORDER BY status)"
          + " FROM order_stats"));
      String v1 = snapshot(connection);

      run(connection, migrations.get(1).forward());
      String v2 = snapshot(connection);
      assertNotEquals(v1, v2);
      assertTrue(v2.contains("clock_timestamp()"), v2);
      assertEquals("bigint", query(connection, "SELECT pg_typeof(order_count(1))::text"));
      assertEquals("f", query(connection, "SELECT relispopulated FROM pg_class WHERE relname = 'order_stats'"),
          "created WITH NO DATA");
      execute(connection, "UPDATE purchases SET updated_at = '2000-01-01', status = 'sent' WHERE id = 1");
      assertEquals("1 sent,2 paid", query(connection, "SELECT string_agg(id || ' ' || status, ',' ORDER BY id)"
          + " FROM purchases WHERE updated_at > '2001-01-01'"), "both triggers fire on the renamed table");

      run(connection, migrations.get(1).reverse());
      assertEquals(v1, snapshot(connection), "the reverse restores the former bodies and triggers");
      assertEquals("integer", query(connection, "SELECT pg_typeof(order_count(1))::text"));
      assertEquals("paid 1,sent 1", query(connection, "SELECT string_agg(status || ' ' || orders, ',' ORDER BY status)"
          + " FROM order_stats"), "created again WITH DATA, from the rows");
      assertEquals("1 sent,2 paid", query(connection, "SELECT string_agg(id || ' ' || status, ',' ORDER BY id)"
          + " FROM orders"));

      run(connection, migrations.get(1).forward());
      assertEquals(v2, snapshot(connection), "migrating again gives the same catalog");

      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      assertEquals("", query(connection, ROUTINES), "nothing is left");
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndRollsBack() {
    TestDatabase db = SharedPostgres.newDatabase("routines_runner");
    Plinth plinth = plinth(db);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
    plinth.rollback(RollbackTarget.steps(1));
    assertEquals(List.of(), plinth.verify().differences(), "nor with nothing applied");
  }

  @Test
  void verifyReportsAChangedBodyAMissingTriggerAnExtraOneAndAMissingMaterializedView() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("routines_drift");
    Plinth plinth = plinth(db);
    plinth.migrate();
    try (Connection connection = db.connect()) {
      execute(connection, "CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql"
          + " AS $$ BEGIN RETURN NEW; END; $$");
      execute(connection, "DROP TRIGGER orders_status ON purchases");
      execute(connection, "DROP MATERIALIZED VIEW order_stats");
      execute(connection, "CREATE TRIGGER by_hand AFTER DELETE ON purchases FOR EACH STATEMENT"
          + " EXECUTE FUNCTION touch_updated_at()");
    }

    List<Difference> differences = plinth.verify().differences();
    List<String> found = differences.stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name() + " " + d.aspect()).toList();

    assertEquals(List.of("missing materialized view public.order_stats ",
        "different function public.touch_updated_at body",
        "extra trigger public.purchases.by_hand ", "missing trigger public.purchases.orders_status "), found);
    assertEquals(" BEGIN RETURN NEW; END;", differences.get(1).actual(), "the body as PostgreSQL keeps it");
    assertEquals("AFTER DELETE FOR EACH STATEMENT EXECUTE public.touch_updated_at", differences.get(2).actual());
  }

  @Test
  void verifyReportsAMaterializedViewsChangedExtraAndMissingIndexes() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("routines_mv_indexes");
    Plinth plinth = plinth(db);
    plinth.migrate();
    try (Connection connection = db.connect()) {
      execute(connection, "DROP INDEX order_stats_status_idx");
      execute(connection, "CREATE INDEX order_stats_status_idx ON order_stats (status)");
      execute(connection, "CREATE INDEX by_hand ON order_stats (orders)");
    }

    List<Difference> differences = plinth.verify().differences();
    assertEquals(List.of("extra index public.by_hand ", "different index public.order_stats_status_idx definition"),
        differences.stream().map(d -> d.change() + " " + d.object() + " " + d.name() + " " + d.aspect()).toList());
    assertEquals("CREATE UNIQUE INDEX order_stats_status_idx ON \"public\".\"order_stats\" USING btree (status)",
        differences.get(1).expected());
    assertEquals("CREATE INDEX order_stats_status_idx ON public.order_stats USING btree (status)",
        differences.get(1).actual());

    try (Connection connection = db.connect()) {
      execute(connection, "DROP INDEX order_stats_status_idx");
      execute(connection, "DROP INDEX by_hand");
    }
    assertEquals(List.of("missing index public.order_stats_status_idx "), plinth.verify().differences().stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name() + " " + d.aspect()).toList());
  }

  private static Plinth plinth(TestDatabase db) {
    return GoldenScripts.runner(db, GOLDEN);
  }

  /** The tables as the catalog reader sees them, then the functions and triggers. */
  private static String snapshot(Connection connection) throws SQLException {
    return CatalogReader.read(connection, "-") + "\n" + query(connection, ROUTINES);
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
