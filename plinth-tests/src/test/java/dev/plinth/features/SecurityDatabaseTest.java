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
 * The processor's security schema (golden files {@code golden/security}: roles, row-level
 * security, policies and grants, then a policy renamed, one altered, one replaced, a column the
 * policies read renamed, grants changed and a role no longer declared) on a real PostgreSQL: each
 * migration and reverse gives the journal's catalog with the rows kept, the policies filter the
 * rows a role that does not own the table sees, and {@code verify} reports their drift.
 */
class SecurityDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/security");

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsCatalogKeepingTheRows() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(migrations);
    TestDatabase db = SharedPostgres.newDatabase("security_catalog");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1");
      execute(connection, "INSERT INTO note VALUES (1, 'alice', 'a', false), (2, 'bob', 'b', false)");

      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2");
      assertEquals("1 alice,2 bob", query(connection,
          "SELECT string_agg(id || ' ' || author, ',' ORDER BY id) FROM note"));

      run(connection, migrations.get(1).reverse());
      assertCatalog(connection, states.get(1), "after U2");
      assertEquals("1 alice,2 bob", query(connection,
          "SELECT string_agg(id || ' ' || owner, ',' ORDER BY id) FROM note"));

      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2 again");

      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      assertCatalog(connection, states.get(0), "after U1");
      assertEquals("1", query(connection,
          "SELECT count(*) FROM pg_roles WHERE rolname = 'app_old'"), "a reverse keeps the roles");

      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1 again");
      assertEquals("2", query(connection, "SELECT count(*) FROM note"), "the rows came back");
    }
  }

  @Test
  void thePoliciesFilterTheRowsARoleThatDoesNotOwnTheTableSees() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("security_rows");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      execute(connection, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'security_alice')"
          + " THEN CREATE ROLE security_alice LOGIN; END IF; END $$");
      execute(connection, "GRANT app_writer TO security_alice");
      execute(connection, "INSERT INTO note VALUES (1, 'security_alice', 'mine', false),"
          + " (2, 'security_alice', 'old', true), (3, 'bob', 'not mine', false)");
      assertEquals("3", query(connection, "SELECT count(*) FROM note"), "the owner sees every row");

      execute(connection, "SET ROLE security_alice");
      assertEquals("1", query(connection, "SELECT string_agg(id::text, ',') FROM note"),
          "her rows, without the archived one (the restrictive policy)");
      execute(connection, "INSERT INTO note VALUES (4, 'security_alice', 'new', false)");
      assertEquals("new row violates row-level security policy for table \"note\"",
          failure(connection, "INSERT INTO note VALUES (5, 'bob', 'forged', false)"));
      execute(connection, "RESET ROLE");

      run(connection, migrations.get(1).forward());
      execute(connection, "SET ROLE security_alice");
      assertEquals("1,2,3,4", query(connection, "SELECT string_agg(id::text, ',' ORDER BY id) FROM note"),
          "hide_archived is permissive now: it shows everyone the rows not archived, own_rows hers");
      execute(connection, "RESET ROLE");
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndRollsBack() {
    TestDatabase db = SharedPostgres.newDatabase("security_runner");
    Plinth plinth = plinth(db);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
    plinth.migrate();
    assertEquals(List.of(), plinth.verify().differences(), "nor after migrating again");
  }

  @Test
  void verifyReportsAMissingPolicyAChangedOneRowSecurityOffAndAMissingGrant() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("security_drift");
    Plinth plinth = plinth(db);
    plinth.migrate();
    try (Connection connection = db.connect()) {
      execute(connection, "DROP POLICY own_rows ON note");
      execute(connection, "ALTER POLICY hide_archived ON note USING (archived)");
      execute(connection, "ALTER TABLE note NO FORCE ROW LEVEL SECURITY");
      execute(connection, "REVOKE SELECT ON note FROM app_reader");
    }

    List<String> found = plinth.verify().differences().stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name() + " " + d.aspect()).toList();

    assertEquals(List.of("different table public.note forced row level security",
        "different policy public.note.hide_archived definition",
        "missing policy public.note.own_rows ",
        "missing grant public.note to app_reader "), found);
  }

  private static Plinth plinth(TestDatabase db) {
    return GoldenScripts.runner(db, GOLDEN);
  }

  private static List<Schema> states(List<MigrationsFolder.MigrationFiles> migrations) throws IOException {
    return GoldenScripts.states(GOLDEN, migrations);
  }

  /** The live tables equal the expected ones, and so do their security and the views' grants. */
  private static void assertCatalog(Connection connection, Schema expected, String where)
      throws SQLException {
    Schema live = CatalogReader.read(connection, "-");
    Schema tables = new Schema(SecurityCatalog.withoutSecurity(expected).tables(), expected.enums());
    assertEquals(List.of(), SchemaComparison.compare(tables, live), "verify " + where);
    assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(live), Canonical.schema(tables)),
        "the differ " + where);
    assertEquals(List.of(), SecurityCatalog.compare(connection, expected), "security " + where);
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

  private static String failure(Connection connection, String sql) {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
      return "no failure";
    } catch (SQLException e) {
      return e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
    }
  }
}
