package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.SchemaComparison;
import dev.plinth.runner.internal.catalog.SecurityCatalog;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
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
 * Grants on a serial column's sequence (golden files {@code golden/sequence-grants}: USAGE to the
 * writer and SELECT to the reader, then SELECT moved from the reader to the writer) on a real
 * PostgreSQL: the catalog after each migration and reverse, what a member of each role may do
 * with the sequence, and {@code verify} reporting a revoked and an added privilege.
 */
class SequenceGrantDatabaseTest {
  private static final Path GOLDEN =
      Path.of("../schema-processor/src/test/resources/golden/sequence-grants");

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsGrants() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = GoldenScripts.states(GOLDEN, migrations);
    TestDatabase db = SharedPostgres.newDatabase("sequence_grants_catalog");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1");
      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2");
      run(connection, migrations.get(1).reverse());
      assertCatalog(connection, states.get(1), "after U2");
      run(connection, migrations.get(0).reverse());
      assertEquals("0", query(connection, "SELECT count(*) FROM pg_class c,"
          + " aclexplode(c.relacl) a WHERE c.relname = 'orders_id_seq'"
          + " AND a.grantee <> c.relowner"), "U1 revokes every grant on the sequence");
    }
  }

  @Test
  void aMemberOfTheGranteeUsesTheSequenceOnlyAsGranted() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("sequence_grants_roles");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      for (String login : List.of("seqgrant_writer", "seqgrant_reader")) {
        execute(connection, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + login + "') THEN CREATE ROLE " + login + " LOGIN; END IF; END $$");
      }
      execute(connection, "GRANT app_writer TO seqgrant_writer");
      execute(connection, "GRANT app_reader TO seqgrant_reader");

      execute(connection, "SET ROLE seqgrant_writer");
      execute(connection, "INSERT INTO orders (item) VALUES ('tea')");
      assertEquals("permission denied for sequence orders_id_seq",
          failure(connection, "SELECT last_value FROM orders_id_seq"), "no SELECT on it in V1");
      execute(connection, "SET ROLE seqgrant_reader");
      assertEquals("permission denied for sequence orders_id_seq",
          failure(connection, "SELECT nextval('orders_id_seq')"), "no USAGE without the grant");
      assertEquals("1", query(connection, "SELECT last_value FROM orders_id_seq"));
      execute(connection, "RESET ROLE");

      run(connection, migrations.get(1).forward());
      execute(connection, "SET ROLE seqgrant_writer");
      assertEquals("1", query(connection, "SELECT last_value FROM orders_id_seq"),
          "V2 grants SELECT to the writer");
      execute(connection, "SET ROLE seqgrant_reader");
      assertEquals("permission denied for sequence orders_id_seq",
          failure(connection, "SELECT last_value FROM orders_id_seq"), "and revokes the reader's");
      execute(connection, "RESET ROLE");

      run(connection, migrations.get(1).reverse());
      execute(connection, "SET ROLE seqgrant_writer");
      assertEquals("permission denied for sequence orders_id_seq",
          failure(connection, "SELECT last_value FROM orders_id_seq"), "U2 takes it back");
      execute(connection, "INSERT INTO orders (item) VALUES ('milk')");
      execute(connection, "RESET ROLE");
      assertEquals("1 tea,2 milk", query(connection,
          "SELECT string_agg(id || ' ' || item, ',' ORDER BY id) FROM orders"));
    }
  }

  @Test
  void verifyReportsARevokedAndAnAddedPrivilegeOnTheSequence() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("sequence_grants_drift");
    Plinth plinth = GoldenScripts.runner(db, GOLDEN);
    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
    plinth.migrate();
    try (Connection connection = db.connect()) {
      execute(connection, "REVOKE USAGE ON SEQUENCE orders_id_seq FROM app_writer");
      execute(connection, "GRANT UPDATE ON SEQUENCE orders_id_seq TO app_reader");
    }

    List<String> found = plinth.verify().differences().stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name() + " " + d.aspect()).toList();

    assertEquals(List.of("extra grant public.orders sequence orders_id_seq to app_reader ",
        "different grant public.orders sequence orders_id_seq to app_writer privileges"), found);
  }

  private static void assertCatalog(Connection connection, Schema expected, String where)
      throws SQLException {
    Schema live = CatalogReader.read(connection, "-");
    Schema tables = new Schema(SecurityCatalog.withoutSecurity(expected).tables(), expected.enums());
    assertEquals(List.of(), SchemaComparison.compare(tables, live), "verify " + where);
    assertEquals(List.of(), SecurityCatalog.compare(connection, expected), "security " + where);
    assertEquals(expected.tables().get(0).access().grants(),
        SecurityCatalog.read(connection, expected.tables().get(0).name()).grants(),
        "the grants read back " + where);
  }

  private static void run(Connection connection, String file) throws IOException, SQLException {
    GoldenScripts.run(connection, GOLDEN, file);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  private static String failure(Connection connection, String sql) {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
      return "no failure";
    } catch (SQLException e) {
      return e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
  }
}
