package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.internal.catalog.SequenceCatalog;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.render.MigrationScript;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's declared sequences and extensions (golden files {@code golden/sequences}) on a
 * real PostgreSQL: each migration leaves the catalog as its journal says, a column default takes
 * values from a declared sequence, a change in place and a rename keep a sequence's position, and
 * rolling back puts a dropped sequence back at the position it had.
 */
class SequencesDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/sequences");
  /** The sequences of no identity column, with the options PostgreSQL has for them. */
  private static final String SEQUENCES = "SELECT string_agg(schemaname || '.' || sequencename || ' '"
      + " || data_type || ' +' || increment_by || ' ' || max_value || ' cache ' || cache_size"
      + " || CASE WHEN cycle THEN ' cycle' ELSE '' END, ', ' ORDER BY schemaname, sequencename)"
      + " FROM pg_sequences WHERE schemaname NOT LIKE 'plinth%'";
  private static final String EXTENSIONS = "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'";

  @Test
  void eachMigrationAndItsReverseLeaveTheCatalogAndThePositions() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = GoldenScripts.states(GOLDEN, migrations);
    TestDatabase db = SharedPostgres.newDatabase("sequences");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1));
      assertEquals("public.invoice_no bigint +1 9223372036854775807 cache 20,"
          + " public.purchase_no integer +10 2147483647 cache 1", query(connection, SEQUENCES));
      assertEquals("1", query(connection, EXTENSIONS));
      ModelScripts.execute(connection, "INSERT INTO purchase (customer) VALUES ('ada'), ('grace')");
      assertEquals("1 1000, 11 1001", rows(connection), "the defaults take values from the sequences");
      assertEquals("1", query(connection, "SELECT count(*) FROM purchase WHERE customer % 'adaa'"),
          "pg_trgm's operators work");

      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2));
      assertEquals("public.invoice_number bigint +1 9223372036854775807 cache 20,"
          + " public.purchase_no integer +5 1000000 cache 10 cycle, support.ticket_no smallint +1 32767 cache 1",
          query(connection, SEQUENCES));
      ModelScripts.execute(connection, "INSERT INTO purchase (customer) VALUES ('edsger')");
      assertEquals("1 1000, 11 1001, 16 1002", rows(connection),
          "changed in place and renamed, the sequences go on from where they were");

      String invoicePosition = query(connection, "SELECT last_value || ' ' || is_called FROM invoice_number");
      run(connection, migrations.get(2).forward());
      assertCatalog(connection, states.get(3));
      assertEquals("public.purchase_no integer +5 1000000 cache 10 cycle, support.ticket_no smallint +1 32767 cache 1",
          query(connection, SEQUENCES));
      assertEquals("0", query(connection, EXTENSIONS), "pg_trgm, which a migration created, is dropped");

      run(connection, migrations.get(2).reverse());
      assertCatalog(connection, states.get(2));
      assertEquals("1", query(connection, EXTENSIONS));
      assertEquals(invoicePosition, query(connection, "SELECT last_value || ' ' || is_called FROM invoice_number"),
          "the dropped sequence is back at the position it had");

      String positions = query(connection, "SELECT (SELECT last_value FROM purchase_no) || ' '"
          + " || (SELECT last_value FROM invoice_number)");
      run(connection, migrations.get(1).reverse());
      assertCatalog(connection, states.get(1));
      run(connection, migrations.get(0).reverse());
      assertCatalog(connection, states.get(0));
      assertEquals(null, query(connection, SEQUENCES));
      assertEquals("0", query(connection, EXTENSIONS), "rolling back drops the extension it created");

      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1));
      assertEquals(positions, query(connection, "SELECT (SELECT last_value FROM purchase_no) || ' '"
          + " || (SELECT last_value FROM invoice_no)"),
          "migrating again takes back the sequences a rollback kept, at their positions");
      ModelScripts.execute(connection, "INSERT INTO purchase (customer) VALUES ('barbara')");
      assertEquals("1 1000, 11 1001, 16 1002", query(connection, "SELECT string_agg(number || ' ' || invoice, ', '"
          + " ORDER BY number) FROM purchase WHERE customer <> 'barbara'"), "and the table with its rows");
      assertEquals("t", query(connection, "SELECT number > 16 AND invoice > 1002 FROM purchase"
          + " WHERE customer = 'barbara'"), "new rows get numbers after the ones given");
      for (MigrationsFolder.MigrationFiles files : migrations.subList(1, 3)) {
        run(connection, files.forward());
      }
      assertCatalog(connection, states.get(3));
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftRollsBackAndReportsDrift() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("sequences_runner");
    Plinth plinth = GoldenScripts.runner(db, GOLDEN);

    assertEquals(3, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "none after migrating again");

    plinth.rollback(RollbackTarget.to("1"));
    try (Connection connection = db.connect()) {
      ModelScripts.execute(connection, "DROP INDEX purchase_customer_idx; DROP EXTENSION pg_trgm;"
          + " ALTER SEQUENCE purchase_no INCREMENT BY 3");
    }
    List<String> found = plinth.verify().differences().stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name() + " " + d.aspect()).toList();
    assertTrue(found.contains("missing extension pg_trgm "), found.toString());
    assertTrue(found.contains("different sequence public.purchase_no options"), found.toString());
  }

  @Test
  void anExtensionTheServerDoesNotOfferStopsTheMigrationNamingIt() {
    TestDatabase db = SharedPostgres.newDatabase("sequences_unavailable");
    List<Change> changes = List.of(Change.CreateExtension.declared(
        new Extension("no_such_extension", null, null, "shop")));
    SQLException failure = assertThrows(SQLException.class, () -> {
      try (Connection connection = db.connect()) {
        ModelScripts.execute(connection, MigrationScript.forward("1", Schema.EMPTY, changes, "5s", true, false));
      }
    });
    assertTrue(failure.getMessage().contains("The extension no_such_extension is not available on this"
        + " PostgreSQL server."), failure.getMessage());
  }

  /**
   * The live catalog is {@code expected}: its tables by the comparison the other feature tests
   * use, its declared sequences and extensions by verify's.
   */
  private static void assertCatalog(Connection connection, Schema expected) throws SQLException {
    ModelScripts.assertCatalog(connection, expected.withSequences(List.of()).withDeclaredExtensions(List.of()));
    List<Difference> differences = SequenceCatalog.compare(expected.sequences(), SequenceCatalog.read(connection),
        expected.declaredExtensions(), SequenceCatalog.extensions(connection));
    assertEquals(List.of(), differences);
  }

  private static String rows(Connection connection) throws SQLException {
    return query(connection, "SELECT string_agg(number || ' ' || invoice, ', ' ORDER BY number) FROM purchase");
  }

  private static void run(Connection connection, String file) throws IOException, SQLException {
    GoldenScripts.run(connection, GOLDEN, file);
  }
}
