package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.SchemaComparison;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's enums schema (golden files {@code golden/enums}: an enum type losing a value
 * while a partial index, a check and a default use its labels, and a column moving from one enum
 * type to another) on a real PostgreSQL, with rows: forward, reverse and forward again, each
 * leaving the catalog equal to the journal's schema and the rows' values kept.
 */
class EnumExpressionsDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/enums");
  private static final String ROWS = "SELECT string_agg(id || ' ' || status || ' ' || kind, ', ' ORDER BY id)"
      + " FROM ticket";

  @Test
  void aRebuildUnderAnIndexACheckAndADefaultAndAnEnumToEnumRetypeRunBothWays() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(migrations);
    TestDatabase db = SharedPostgres.newDatabase("enum_expressions");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      execute(connection, "INSERT INTO ticket (id, title, status, owner, kind) VALUES"
          + " (1, 'a', 'open', 'ada', 'BUG'), (2, 'b', 'closed', NULL, 'TASK'), (3, 'c', 'spam', 'eve', 'BUG')");

      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after the forward");
      assertEquals("1 open BUG, 2 closed TASK, 3 open BUG", query(connection, ROWS),
          "the removed value gives way to the default; the kinds keep their labels");
      assertEquals("category", query(connection, "SELECT format_type(atttypid, NULL) FROM pg_attribute"
          + " WHERE attrelid = 'ticket'::regclass AND attname = 'kind'"));
      assertEquals("1", query(connection, "SELECT count(*) FROM ticket WHERE status = 'open' AND title = 'a'"));

      run(connection, migrations.get(1).reverse());
      assertCatalog(connection, states.get(1), "after the reverse");
      assertEquals("1 open BUG, 2 closed TASK, 3 spam BUG", query(connection, ROWS),
          "the removed value is back");

      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after the forward again");
      assertEquals("1 open BUG, 2 closed TASK, 3 open BUG", query(connection, ROWS));

      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      assertCatalog(connection, Schema.EMPTY, "after both reverses");

      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after the table is taken back");
      assertEquals("1 open BUG, 2 closed TASK, 3 spam BUG", query(connection, ROWS),
          "the kept table comes back with its rows, its check and its index");
    }
  }

  private static List<Schema> states(List<MigrationsFolder.MigrationFiles> migrations) throws IOException {
    return GoldenScripts.states(GOLDEN, migrations);
  }

  private static void assertCatalog(Connection connection, Schema expected, String where)
      throws SQLException {
    Schema live = CatalogReader.read(connection, "-");
    assertEquals(List.of(), SchemaComparison.compare(expected, live), "verify " + where);
    assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(live), Canonical.schema(expected)),
        "the differ " + where);
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
