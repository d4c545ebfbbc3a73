package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.VerifyResult;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.internal.catalog.SchemaCatalog;
import dev.plinth.runner.internal.catalog.SchemaComparison;
import dev.plinth.runner.internal.catalog.ViewCatalog;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor's declared schemas (golden files {@code golden/schemas}: {@code billing} with a
 * table, an enum type and a view, an empty {@code archive}; then {@code billing} renamed to
 * {@code accounts} in place, its comment changed, {@code archive} dropped) on a real PostgreSQL:
 * each migration and each reverse gives the catalog of its journal's schema, rows and all, and
 * {@code verify} reports a missing declared schema, a changed comment, and not what
 * {@code plinth.external} declares.
 */
class SchemasDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/schemas");

  @TempDir Path work;

  @Test
  void aSchemaRenameGoesForwardBackAndForwardAgainWithItsRows() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(migrations);
    TestDatabase db = SharedPostgres.newDatabase("schemas_rename");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1");
      execute(connection, "INSERT INTO billing.invoice VALUES (1, 'OPEN', 500), (2, 'PAID', 700);"
          + " INSERT INTO payment VALUES (10, 2, 700)");

      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2");
      assertEquals("1 OPEN 500,2 PAID 700", rows(connection, "accounts.invoice"));
      assertEquals("1 500", query(connection, "SELECT string_agg(id || ' ' || cents, ',') FROM accounts.open_invoice"));
      assertEquals("accounts.invoice", query(connection, "SELECT confrelid::regclass::text FROM pg_constraint"
          + " WHERE conname = 'payment_invoice_id_fkey'"), "the foreign key follows the table");

      run(connection, migrations.get(1).reverse());
      assertCatalog(connection, states.get(1), "after U2");
      assertEquals("1 OPEN 500,2 PAID 700", rows(connection, "billing.invoice"));

      run(connection, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2 again");
      assertEquals("1 OPEN 500,2 PAID 700", rows(connection, "accounts.invoice"));

      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      assertCatalog(connection, states.get(0), "after U1");
    }
  }

  @Test
  void verifyReportsAMissingDeclaredSchemaAndAChangedComment() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("schemas_drift");
    Plinth plinth = plinth(db, GOLDEN);
    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    try (Connection connection = db.connect()) {
      execute(connection, "COMMENT ON SCHEMA accounts IS 'Money'");
    }
    assertEquals(List.of("schema accounts: comment is Money, expected Invoices, payments due and credit notes."),
        texts(plinth.verify()));

    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), texts(plinth.verify()), "none after the rollback");
    try (Connection connection = db.connect()) {
      execute(connection, "DROP SCHEMA archive");
    }
    assertEquals(List.of("missing schema archive: expected declared in package archive"), texts(plinth.verify()));
  }

  /**
   * Objects that hand-written migrations make, of every kind verify compares, are drift until
   * {@code plinth.external} declares them; then verify lists them apart. A bad line stops it.
   */
  @Test
  void whatPlinthExternalDeclaresIsListedNotDrift() throws Exception {
    Path folder = work.resolve("db");
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = folder.resolve(GOLDEN.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    TestDatabase db = SharedPostgres.newDatabase("schemas_external");
    Plinth plinth = plinth(db, folder);
    plinth.migrate();
    try (Connection connection = db.connect()) {
      execute(connection, "CREATE TABLE public.audit_log (id bigint PRIMARY KEY);"
          + " ALTER TABLE payment ADD COLUMN note text;"
          + " CREATE INDEX payment_cents_idx ON payment (cents);"
          + " ALTER TABLE payment ADD CONSTRAINT payment_cents_check CHECK (cents > 0);"
          + " CREATE VIEW public.payment_total AS SELECT sum(cents) AS cents FROM payment;"
          + " CREATE TYPE public.mood AS ENUM ('calm');"
          + " COMMENT ON SCHEMA accounts IS 'Money'");
    }
    List<String> drift = plinth.verify().differences().stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name()).toList();
    assertEquals(List.of("extra table public.audit_log", "extra column public.payment.note",
        "extra check constraint public.payment.payment_cents_check", "extra index public.payment_cents_idx",
        "extra enum type public.mood", "extra view public.payment_total", "different schema accounts"),
        drift);

    Files.writeString(folder.resolve("plinth.external"), """
        # Made by V3__by_hand.sql
        format 1
        table public.audit_log
        column public.payment.note
        index public.payment_cents_idx
        constraint public.payment.payment_cents_check
        type public.mood
        view public.payment_total
        schema accounts
        """);
    VerifyResult verified = plinth.verify();
    assertEquals(List.of(), texts(verified));
    assertEquals(List.of("table public.audit_log", "column public.payment.note", "index public.payment_cents_idx",
        "constraint public.payment.payment_cents_check", "type public.mood", "view public.payment_total",
        "schema accounts"), verified.external());

    Files.writeString(folder.resolve("plinth.external"), "format 1\ntable public.audit_log\ncolumn public.note\n");
    PlinthException bad = assertThrows(PlinthException.class, plinth::verify);
    assertEquals("[PLN995] Cannot read plinth.external next to plinth.sum: line 3: 'column public.note': a column"
        + " is named schema.table.name (such as 'column public.room.search'). Fix that line: after 'format 1',"
        + " each line is '<kind> <name>' (see the README, 'Adopting an existing database').", bad.getMessage());
  }

  private static List<String> texts(VerifyResult result) {
    return result.differences().stream().map(Difference::text).toList();
  }

  private static Plinth plinth(TestDatabase db, Path folder) {
    return Plinth.create(RunnerConfig.builder().url(db.jdbcUrl())
        .locations("filesystem:" + folder.resolve("migration").toAbsolutePath()).build());
  }

  /** The schema before the first migration and after each one, folded from the journal. */
  private static List<Schema> states(List<MigrationsFolder.MigrationFiles> migrations) throws IOException {
    return GoldenScripts.states(GOLDEN, migrations);
  }

  /**
   * The live catalog is the expected schema: as verify sees it (tables, enum types, views, declared
   * schemas and their comments), as the differ sees it, and its schemas are exactly the expected
   * ones.
   */
  private static void assertCatalog(Connection connection, Schema expected, String where)
      throws SQLException {
    Schema live = CatalogReader.read(connection, "-");
    Schema withoutViews = new Schema(expected.tables(), expected.enums());
    assertEquals(List.of(), SchemaComparison.compare(withoutViews, live), "verify " + where);
    assertEquals(List.of(), ViewCatalog.compare(connection, expected.views(), Optional.empty()), "views " + where);
    Map<String, String> schemas = SchemaCatalog.read(connection);
    assertEquals(List.of(), SchemaCatalog.compare(expected.schemas(), schemas), "schemas " + where);
    Map<String, String> expectedSchemas = new TreeMap<>();
    expectedSchemas.put("public", "standard public schema");
    expected.namespaces().forEach(n -> expectedSchemas.put(n, expected.declared(n)
        .map(s -> s.comment()).orElse(null)));
    Map<String, String> liveSchemas = new TreeMap<>(schemas);
    liveSchemas.computeIfPresent("public", (k, v) -> "standard public schema");
    assertEquals(expectedSchemas, liveSchemas, "the schemas and their comments " + where);
    assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(live), Canonical.schema(withoutViews)),
        "the differ " + where);
  }

  private static String rows(Connection connection, String table) throws SQLException {
    return query(connection, "SELECT string_agg(id || ' ' || status || ' ' || cents, ',' ORDER BY id) FROM " + table);
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
