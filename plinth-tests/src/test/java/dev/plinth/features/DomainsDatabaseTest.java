package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.internal.catalog.SchemaComparison;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's domains schema (golden files {@code golden/domains}: domains created with the
 * table whose columns use them, one as an array; then changed in place, renamed, one added in
 * another schema and one dropped with its last column) on a real PostgreSQL: each migration and
 * each reverse gives the journal's catalog, the domains' catalog after the reverse is the one
 * before, the rows stay, and {@code verify} reports a domain changed by hand.
 */
class DomainsDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/domains");
  /** Every domain as PostgreSQL keeps it: base type, NOT NULL, default, collation, comment, checks. */
  private static final String DOMAINS = """
      SELECT string_agg(format('%s.%s %s notnull=%s default=%s collation=%s comment=%s checks=%s',
               n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
               t.typcollation, obj_description(t.oid, 'pg_type'),
               (SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid) || ' ' || c.convalidated,
                                  '; ' ORDER BY c.conname)
                FROM pg_constraint c WHERE c.contypid = t.oid)), E'\\n' ORDER BY n.nspname, t.typname)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND n.nspname IN ('public', 'sales')
      """;
  private static final String COLUMN_TYPES = "SELECT string_agg(a.attname || ' ' || format_type(a.atttypid,"
      + " a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = 'customer'::regclass"
      + " AND a.attnum > 0 AND NOT a.attisdropped";
  private static final String ROWS = "SELECT string_agg(concat_ws(' ', id, email, seats, codes, legacy), ', '"
      + " ORDER BY id) FROM customer";

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsCatalogKeepingTheRows() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = GoldenScripts.states(GOLDEN, migrations);
    TestDatabase db = SharedPostgres.newDatabase("domains");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertTables(connection, states.get(1));
      assertEquals("id bigint, email email_address, seats quantity, codes code[], legacy legacy_flag",
          query(connection, COLUMN_TYPES));
      ModelScripts.execute(connection, "INSERT INTO customer (id, email, seats, codes, legacy)"
          + " VALUES (1, 'a@x', 3, '{AB,CD}', 'y'), (2, 'b@x', 1, NULL, 'n'), (3, 'c@x', 7, '{}', NULL)");
      ModelScripts.execute(connection, "INSERT INTO customer (id, email) VALUES (4, 'd@x')");
      String rows = query(connection, ROWS);
      assertEquals("1 a@x 3 {AB,CD} y, 2 b@x 1 n, 3 c@x 7 {}, 4 d@x 1", rows, "seats takes the domain's default");
      String domains = query(connection, DOMAINS);

      run(connection, migrations.get(1).forward());
      assertTables(connection, states.get(2));
      assertEquals("id bigint, email email_address, seats quantity, codes product_code[], note sales.note_text",
          query(connection, COLUMN_TYPES));
      ModelScripts.execute(connection, "INSERT INTO customer (id, email, note) VALUES (5, NULL, 'five')");
      ModelScripts.execute(connection, "UPDATE customer SET note = 'n' || id WHERE id < 5");
      assertEquals("2", query(connection, "SELECT seats FROM customer WHERE id = 5"), "the new default");

      ModelScripts.execute(connection, "DELETE FROM customer WHERE id = 5");
      run(connection, migrations.get(1).reverse());
      assertTables(connection, states.get(1));
      assertEquals(domains, query(connection, DOMAINS), "the domains are as they were");
      assertEquals(rows, query(connection, ROWS), "the rows are as they were, the dropped column's values back");

      run(connection, migrations.get(1).forward());
      assertTables(connection, states.get(2));
      assertEquals("n1 n2 n3 n4", query(connection, "SELECT string_agg(note, ' ' ORDER BY id) FROM customer"),
          "migrating again puts back the values of the added column");

      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      assertTables(connection, states.get(0));
      assertEquals(null, query(connection, DOMAINS), "no domain is left");
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndRollsBack() {
    TestDatabase db = SharedPostgres.newDatabase("domains_runner");
    Plinth plinth = plinth(db);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");

    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
  }

  @Test
  void verifyReportsDomainsChangedByHand() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("domains_drift");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      ModelScripts.execute(connection, "ALTER DOMAIN quantity DROP CONSTRAINT quantity_positive;"
          + " ALTER DOMAIN quantity SET DEFAULT 5; ALTER DOMAIN email_address DROP NOT NULL;"
          + " ALTER DOMAIN legacy_flag ADD CONSTRAINT legacy_flag_short CHECK (length(VALUE) = 1);"
          + " CREATE DOMAIN stray AS integer");

      List<Difference> drift = SchemaComparison.compare(GoldenScripts.states(GOLDEN, migrations).get(1),
          CatalogReader.read(connection, "-"));

      assertEquals(List.of(
          "domain public.email_address: nullability is NULL, expected NOT NULL",
          "extra domain check public.legacy_flag.legacy_flag_short: (length(VALUE) = 1)",
          "domain public.quantity: default is 5, expected 1",
          "missing domain check public.quantity.quantity_positive: expected VALUE > 0",
          "extra domain public.stray: integer"),
          drift.stream().map(Difference::text).toList());
    }
  }

  /**
   * Why PLN449 refuses a NOT NULL or check added to a domain that an array column uses (or dropped
   * from it, which the rollback adds back): PostgreSQL refuses to validate either while a column
   * holds an array of the domain, rows or none; only a check left NOT VALID is taken, and then
   * new elements are checked but the existing ones never were.
   */
  @Test
  void postgresqlRefusesADomainConstraintWhileAnArrayColumnUsesTheDomain() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("domains_arrays");
    try (Connection connection = db.connect()) {
      ModelScripts.execute(connection, "CREATE DOMAIN code AS integer; CREATE TABLE box (codes code[], main code);"
          + " INSERT INTO box VALUES ('{1,-2,NULL}', 1)");
      for (String statement : List.of("ALTER DOMAIN code SET NOT NULL",
          "ALTER DOMAIN code ADD CONSTRAINT code_positive CHECK (VALUE > 0)")) {
        SQLException refused = assertThrows(SQLException.class, () -> alone(connection, statement));
        assertEquals("ERROR: cannot alter type \"code\" because column \"box.codes\" uses it",
            refused.getMessage(), statement);
      }
      ModelScripts.execute(connection, "ALTER DOMAIN code ADD CONSTRAINT code_positive CHECK (VALUE > 0) NOT VALID");
      SQLException refused = assertThrows(SQLException.class,
          () -> alone(connection, "ALTER DOMAIN code VALIDATE CONSTRAINT code_positive"));
      assertEquals("ERROR: cannot alter type \"code\" because column \"box.codes\" uses it", refused.getMessage());
      assertEquals("{1,-2,NULL}", query(connection, "SELECT codes FROM box"), "the existing elements were not checked");
      assertThrows(SQLException.class, () -> alone(connection, "INSERT INTO box VALUES ('{-5}', 1)"),
          "a new element is");

      ModelScripts.execute(connection, "ALTER DOMAIN code DROP CONSTRAINT code_positive; TRUNCATE box");
      SQLException empty = assertThrows(SQLException.class,
          () -> alone(connection, "ALTER DOMAIN code SET NOT NULL"));
      assertEquals("ERROR: cannot alter type \"code\" because column \"box.codes\" uses it", empty.getMessage(),
          "also on an empty table");
    }
  }

  /** Runs one statement in a transaction of its own. */
  private static void alone(Connection connection, String sql) throws SQLException {
    try (java.sql.Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  private static Plinth plinth(TestDatabase db) {
    return GoldenScripts.runner(db, GOLDEN);
  }

  /** The tables and domains are {@code expected}'s (views are read apart). */
  private static void assertTables(Connection connection, Schema expected) throws SQLException {
    ModelScripts.assertCatalog(connection, new Schema(expected.tables(), expected.enums())
        .withDomains(expected.domains()));
  }

  private static void run(Connection connection, String file) throws IOException, SQLException {
    GoldenScripts.run(connection, GOLDEN, file);
  }
}
