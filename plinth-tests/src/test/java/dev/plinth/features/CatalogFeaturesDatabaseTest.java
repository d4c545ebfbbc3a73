package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.Difference;
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
 * The processor's catalog schema (golden files {@code golden/catalog}: serial columns, switches
 * between serial and identity, identity options, explicit names of keys, constraints and indexes)
 * on a real PostgreSQL: each committed migration gives a catalog equal
 * to its journal's schema, as the runner's {@code verify} and the differ see it, and so does each
 * reverse script; values keep being numbered after the rows already there.
 */
class CatalogFeaturesDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/catalog");

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsSchema() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(migrations);
    TestDatabase db = SharedPostgres.newDatabase("catalog_features");
    try (Connection connection = db.connect()) {
      for (int i = 0; i < migrations.size(); i++) {
        run(connection, migrations.get(i).forward());
        assertCatalog(connection, states.get(i + 1), "after " + migrations.get(i).forward());
      }
      for (int i = migrations.size() - 1; i >= 0; i--) {
        run(connection, migrations.get(i).reverse());
        assertCatalog(connection, states.get(i), "after " + migrations.get(i).reverse());
      }
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndRollsBack() {
    TestDatabase db = SharedPostgres.newDatabase("catalog_runner");
    Plinth plinth = GoldenScripts.runner(db, GOLDEN);

    assertEquals(3, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");

    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
    plinth.rollback(RollbackTarget.steps(1));
    assertEquals(0, plinth.verify().tables());
  }

  @Test
  void serialAndIdentityColumnsNumberOnAfterTheRowsThereWhenSwitched() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("catalog_serial");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      for (int i = 0; i < 3; i++) {
        insert(connection, "INSERT INTO counter DEFAULT VALUES RETURNING id");
        insert(connection, "INSERT INTO tally DEFAULT VALUES RETURNING id");
      }
      assertEquals("1", insert(connection, "INSERT INTO ticket (title) VALUES ('a') RETURNING id"));
      assertEquals("public.ticket_id_seq", query(connection,
          "SELECT pg_get_serial_sequence('ticket', 'id')"));

      run(connection, migrations.get(1).forward());
      assertEquals("4", insert(connection, "INSERT INTO counter DEFAULT VALUES RETURNING id"),
          "serial to identity numbers on");
      assertEquals("d", query(connection, "SELECT attidentity FROM pg_attribute"
          + " WHERE attrelid = 'counter'::regclass AND attname = 'id'"), "counter.id is an identity");
      assertEquals("4", insert(connection, "INSERT INTO tally DEFAULT VALUES RETURNING id"),
          "identity to serial numbers on");
      assertEquals("2 2 2", insert(connection,
          "INSERT INTO issue (title) VALUES ('b') RETURNING id || ' ' || number || ' ' || position"),
          "the renamed sequences go on; the added column numbered the row that was there");
      assertEquals("public.issue_number_seq bigint", query(connection,
          "SELECT pg_get_serial_sequence('issue', 'number') || ' ' || format_type(seqtypid, NULL)"
              + " FROM pg_sequence WHERE seqrelid = 'issue_id_seq'::regclass"));

      run(connection, migrations.get(1).reverse());
      assertEquals("5", insert(connection, "INSERT INTO counter DEFAULT VALUES RETURNING id"),
          "identity back to serial numbers on");
      assertEquals("5", insert(connection, "INSERT INTO tally DEFAULT VALUES RETURNING id"),
          "serial back to identity numbers on");
      assertEquals("3 3", insert(connection,
          "INSERT INTO ticket (title) VALUES ('c') RETURNING id || ' ' || ticket_number"));
    }
  }

  @Test
  void identityOptionsAndNamesChangeInPlace() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("catalog_identity");
    String insert = "INSERT INTO invoice (customer) VALUES ('x') RETURNING number || ' ' || slot";
    String sequences = "SELECT string_agg(c.relname || ' ' || format_type(s.seqtypid, NULL) || ' '"
        + " || s.seqstart || ' ' || s.seqincrement || ' ' || s.seqcache || ' ' || s.seqcycle, ', '"
        + " ORDER BY c.relname) FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
        + " WHERE c.relname LIKE '%slot%' OR c.relname LIKE 'invoice%'";
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertEquals("1000 -1", insert(connection, insert));
      assertEquals("1010 -2", insert(connection, insert));
      assertEquals("invoice_number_seq bigint 1000 10 20 false, invoice_slots integer -1 -1 1 true",
          query(connection, sequences));

      run(connection, migrations.get(1).forward());
      assertEquals("5000 -3", insert(connection, insert), "restarted at the new start; counting on");
      assertEquals("invoice_numbers bigint 5000 5 20 false, slots bigint -1 -1 5 false",
          query(connection, sequences));
      assertEquals("2", query(connection, "INSERT INTO invoice (number, slot, customer)"
          + " OVERRIDING SYSTEM VALUE VALUES (1, -100, 'y') RETURNING 2"), "ALWAYS needs OVERRIDING");

      run(connection, migrations.get(1).reverse());
      // This session had taken -3 to -7 at once (cache 5): slot goes on after them.
      assertEquals("5001 -8", insert(connection, insert), "on after the greatest value");
      assertEquals("invoice_number_seq bigint 1000 10 20 false, invoice_slots integer -1 -1 1 true",
          query(connection, sequences));
    }
  }

  @Test
  void verifyNamesSequencesAndKeysRenamedByHand() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("catalog_drift");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      try (Statement st = connection.createStatement()) {
        st.execute("ALTER SEQUENCE ticket_id_seq RENAME TO ticket_numbers");
        st.execute("ALTER TABLE agent RENAME CONSTRAINT agent_pk TO agent_pkey");
        st.execute("ALTER TABLE invoice ALTER COLUMN number SET INCREMENT BY 1");
      }

      List<Difference> drift = SchemaComparison.compare(states(migrations).get(1),
          CatalogReader.read(connection, "-"));

      assertEquals(List.of(
          "primary key public.agent.agent_pk: name is agent_pkey, expected agent_pk",
          "column public.invoice.number: sequence is invoice_number_seq START WITH 1000 CACHE 20,"
              + " expected START WITH 1000 INCREMENT BY 10 CACHE 20",
          "column public.ticket.id: sequence is ticket_numbers, expected ticket_id_seq"),
          drift.stream().map(Difference::text).toList());
    }
  }

  /** The schema before the first migration and after each one, folded from the journal. */
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

  private static String insert(Connection connection, String sql) throws SQLException {
    return query(connection, sql);
  }
}
