package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
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
 * The processor's views changed compatibly (golden files {@code golden/views-replace}: a column
 * added at the end of a view, another filter in the view reading it) on a real PostgreSQL: the
 * forward replaces both in place, so the reader is the same relation as before, and the reverse,
 * which takes the column away, drops and creates them; {@code verify} sees no drift either way.
 */
class ViewReplaceDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/views-replace");

  @Test
  void theForwardReplacesInPlaceAndTheReverseDropsAndCreates() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("views_replace");
    try (Connection connection = db.connect()) {
      GoldenScripts.run(connection, GOLDEN, migrations.get(0).forward());
      execute(connection, "INSERT INTO customer (id, name, note) VALUES (1, 'Ada', 'first'), (2, 'Grace', null),"
          + " (3, 'Grace Hopper', null)");
      String reader = query(connection, "SELECT 'short_names'::regclass::oid::text");
      String read = query(connection, "SELECT 'customer_name'::regclass::oid::text");

      GoldenScripts.run(connection, GOLDEN, migrations.get(1).forward());
      assertEquals(reader, query(connection, "SELECT 'short_names'::regclass::oid::text"),
          "the reader stayed where it was");
      assertEquals(read, query(connection, "SELECT 'customer_name'::regclass::oid::text"),
          "the view was replaced, not dropped");
      assertEquals("id,name,note", columns(connection, "customer_name"));
      assertEquals("1 Ada first", query(connection,
          "SELECT string_agg(id || ' ' || name || ' ' || coalesce(note, '-'), ',') FROM customer_name WHERE id = 1"));
      assertEquals("1 Ada,2 Grace", query(connection,
          "SELECT string_agg(id || ' ' || name, ',' ORDER BY id) FROM short_names"), "the new filter");

      GoldenScripts.run(connection, GOLDEN, migrations.get(1).reverse());
      assertEquals("id,name", columns(connection, "customer_name"));
      assertNotEquals(read, query(connection, "SELECT 'customer_name'::regclass::oid::text"),
          "taking the column away dropped and created the view");
      assertEquals("1 Ada", query(connection,
          "SELECT string_agg(id || ' ' || name, ',' ORDER BY id) FROM short_names"), "the old filter");

      GoldenScripts.run(connection, GOLDEN, migrations.get(0).reverse());
      assertEquals("0", query(connection, "SELECT count(*) FROM pg_views WHERE schemaname = 'public'"));
    }
  }

  @Test
  void theRunnerMigratesRollsBackAndMigratesAgainWithoutDrift() {
    TestDatabase db = SharedPostgres.newDatabase("views_replace_runner");
    Plinth plinth = GoldenScripts.runner(db, GOLDEN);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback");
    assertEquals(1, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "none after migrating again");
  }

  private static String columns(Connection connection, String view) throws SQLException {
    return query(connection, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
        + " WHERE attrelid = '" + view + "'::regclass AND attnum > 0");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}
