package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.internal.catalog.SchemaComparison;
import dev.plinth.runner.testing.ServerVersion;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The processor's keys schema (golden files {@code golden/keys}: NULLS NOT DISTINCT, deferrable
 * keys, MATCH FULL, foreign keys to a unique constraint in another column order and to a unique
 * index, storage parameters, a tablespace and key collations; then each of them changed) on a real
 * PostgreSQL: each migration and each reverse gives a catalog equal to its journal's schema, as
 * {@code verify} and the differ see it, with the rows kept; the keys behave as declared.
 */
class KeysDatabaseTest {
  /** The golden files are generated with -Aplinth.postgres=15 (NULLS NOT DISTINCT). */
  private static final String GENERATED_FOR = "the keys schema generated with -Aplinth.postgres=15";
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/keys");

  /** The tablespace the evolved schema moves an index to. */
  @BeforeAll
  static void createTablespace() {
    SharedPostgres.tablespace("plinth_keys_fast");
  }

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsSchemaKeepingTheRows() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(migrations);
    TestDatabase db = SharedPostgres.newDatabase("keys_catalog");
    ServerVersion.assumeAtLeast(db, 15, GENERATED_FOR);
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1");
      insertRows(connection);

      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2");
      run(connection, migrations.get(1).reverse());
      assertCatalog(connection, states.get(1), "after U2");
      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2 again");
      assertEquals("3 2", rows(connection));

      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      assertCatalog(connection, states.get(0), "after U1");
      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1 again");
      assertEquals("3 2", rows(connection), "the tables come back with their rows");
    }
  }

  @Test
  void theKeysBehaveAsDeclared() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("keys_behaviour");
    ServerVersion.assumeAtLeast(db, 15, GENERATED_FOR);
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      insertRows(connection);

      assertThrows(SQLException.class, () -> execute(connection,
          "INSERT INTO account (id, org_id, code, position, email) VALUES (9, 10, NULL, 9, 'n@e')"),
          "NULLS NOT DISTINCT: (10, NULL) is there already");
      assertThrows(SQLException.class, () -> execute(connection,
          "INSERT INTO account (id, org_id, code, position) VALUES (9, 11, 'q', 9)"),
          "NULLS NOT DISTINCT unique index: one NULL email is there already");
      assertThrows(SQLException.class, () -> execute(connection,
          "INSERT INTO account_link (id, account_org, account_code) VALUES (9, NULL, 'a')"),
          "MATCH FULL: all referring columns NULL, or none");
      assertThrows(SQLException.class, () -> execute(connection,
          "INSERT INTO account_link (id, account_email) VALUES (9, 'nobody@e')"),
          "the foreign key to the unique index checks");
      execute(connection, "UPDATE account SET position = CASE id WHEN 1 THEN 2 WHEN 2 THEN 1"
          + " ELSE position END");
      inTransaction(connection, "INSERT INTO slot VALUES (1, 'a'), (2, 'b');"
          + " UPDATE slot SET position = 2 WHERE label = 'a'; UPDATE slot SET position = 1 WHERE label = 'b'");
      assertEquals("2 a,1 b", query(connection,
          "SELECT string_agg(position || ' ' || label, ',' ORDER BY label) FROM slot"),
          "the deferred primary key is checked at commit");

      run(connection, migrations.get(1).forward());
      assertThrows(SQLException.class, () -> inTransaction(connection,
          "UPDATE slot SET position = 1 WHERE label = 'a'; UPDATE slot SET position = 2 WHERE label = 'b'"),
          "the primary key is no longer deferrable");
      assertEquals("plinth_keys_fast", query(connection,
          "SELECT spcname FROM pg_class c JOIN pg_tablespace t ON t.oid = c.reltablespace"
              + " WHERE c.relname = 'account_email_idx'"));
      assertEquals("{fillfactor=80}", query(connection,
          "SELECT reloptions FROM pg_class WHERE relname = 'account_email_idx'"));
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndReportsChangedOptions() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("keys_runner");
    ServerVersion.assumeAtLeast(db, 15, GENERATED_FOR);
    Plinth plinth = GoldenScripts.runner(db, GOLDEN);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    try (Connection connection = db.connect()) {
      execute(connection, "ALTER INDEX account_email_idx SET (fillfactor = 60)");
      execute(connection, "ALTER TABLE account_link ALTER CONSTRAINT"
          + " account_link_account_code_account_org_fkey DEFERRABLE");
    }
    assertEquals(List.of(
        "index public.account_email_idx: definition is UNIQUE btree (email) NULLS NOT DISTINCT"
            + " WITH (fillfactor=60) TABLESPACE plinth_keys_fast, expected UNIQUE btree (email)"
            + " NULLS NOT DISTINCT WITH (fillfactor=80) TABLESPACE plinth_keys_fast",
        "foreign key public.account_link.account_link_account_code_account_org_fkey: definition is"
            + " (account_code, account_org) REFERENCES public.account (code, org_id) MATCH FULL"
            + " ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE, expected (account_code, account_org)"
            + " REFERENCES public.account (code, org_id) MATCH FULL ON DELETE NO ACTION ON UPDATE NO ACTION"),
        plinth.verify().differences().stream().map(Difference::text).toList());

    plinth.rollback(RollbackTarget.steps(2));
    assertEquals(0, plinth.verify().tables());
  }

  @Test
  void verifyKeepsUniqueConstraintsAndUniqueIndexesApart() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("keys_unique_kinds");
    ServerVersion.assumeAtLeast(db, 15, GENERATED_FOR);
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl())
        .locations("filesystem:" + GOLDEN.resolve("migration").toAbsolutePath()).target("1").build());
    plinth.migrate();
    try (Connection connection = db.connect()) {
      execute(connection, "ALTER TABLE account_link DROP CONSTRAINT account_link_account_email_fkey");
      execute(connection, "DROP INDEX account_email_idx");
      execute(connection, "ALTER TABLE account ADD CONSTRAINT account_email_idx UNIQUE NULLS NOT DISTINCT"
          + " (email) WITH (fillfactor = 70, deduplicate_items = off)");
      execute(connection, "ALTER TABLE account_link ADD CONSTRAINT account_link_account_email_fkey"
          + " FOREIGN KEY (account_email) REFERENCES account (email)");
    }

    assertEquals(List.of(
        "extra unique constraint public.account.account_email_idx: NULLS NOT DISTINCT (email)",
        "missing index public.account_email_idx: expected UNIQUE btree (email) NULLS NOT DISTINCT"
            + " WITH (deduplicate_items=off, fillfactor=70)"),
        plinth.verify().differences().stream().map(Difference::text).toList());
  }

  private static void insertRows(Connection connection) throws SQLException {
    execute(connection, "INSERT INTO account (id, org_id, code, position, email) VALUES"
        + " (1, 10, 'a', 1, 'x@e'), (2, 10, 'b', 2, NULL), (3, 10, NULL, 3, 'z@e')");
    execute(connection, "INSERT INTO account_link (id, account_org, account_code, account_email) VALUES"
        + " (1, 10, 'a', 'x@e'), (2, NULL, NULL, NULL)");
  }

  private static String rows(Connection connection) throws SQLException {
    return query(connection, "SELECT (SELECT count(*) FROM account) || ' ' || (SELECT count(*) FROM account_link)");
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
    inTransaction(connection, Files.readString(GOLDEN.resolve(file)));
  }

  private static void inTransaction(Connection connection, String sql) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}
