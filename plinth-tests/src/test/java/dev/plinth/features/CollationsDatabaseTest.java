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
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's collations schema (golden files {@code golden/collations}: columns created with
 * {@code COLLATE}, then collations set, changed and taken back to the type's default, under a
 * view) on a real PostgreSQL: each migration and each reverse gives the journal's catalog, the rows
 * stay, and {@code verify} reports a collation changed by hand.
 */
class CollationsDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/collations");
  private static final String COLLATIONS = "SELECT string_agg(a.attname || ' ' || coalesce(co.collname, '-'),"
      + " ', ' ORDER BY a.attnum) FROM pg_attribute a LEFT JOIN pg_collation co ON co.oid = a.attcollation"
      + " AND a.attcollation <> 100 WHERE a.attrelid = 'word'::regclass AND a.attnum > 0";

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsCatalogKeepingTheRows() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(migrations);
    TestDatabase db = SharedPostgres.newDatabase("collations");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      assertTables(connection, states.get(1));
      assertEquals("id -, spelling C, label -, code C, tags -", query(connection, COLLATIONS));
      ModelScripts.execute(connection, "INSERT INTO word (id, spelling, label, code, tags)"
          + " VALUES (1, 'b', 'Bee', 'x1', '{b,a}'), (2, 'B', 'bee', NULL, NULL), (3, 'a', 'ant', 'X2', '{}')");
      String rows = "SELECT string_agg(concat_ws(' ', id, spelling, label, code, tags), ', ' ORDER BY id)"
          + " FROM word";
      String before = query(connection, rows);

      run(connection, migrations.get(1).forward());
      assertTables(connection, states.get(2));
      assertEquals("id -, spelling -, label C, code POSIX, tags C, note C", query(connection, COLLATIONS));
      assertEquals("Bee ant bee", query(connection, "SELECT string_agg(label, ' ' ORDER BY label) FROM word"),
          "label sorts byte by byte now");
      assertEquals("Bee ant bee", query(connection, "SELECT string_agg(label, ' ' ORDER BY label) FROM word_label"),
          "the view reads the collated column again");
      ModelScripts.execute(connection, "UPDATE word SET note = 'n' || id");

      run(connection, migrations.get(1).reverse());
      assertTables(connection, states.get(1));
      assertEquals(before, query(connection, rows), "the rows are as they were");

      run(connection, migrations.get(1).forward());
      assertTables(connection, states.get(2));
      assertEquals("n1 n2 n3", query(connection, "SELECT string_agg(note, ' ' ORDER BY id) FROM word"),
          "migrating again puts back the values of the added column");

      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      assertTables(connection, states.get(0));
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndRollsBack() {
    TestDatabase db = SharedPostgres.newDatabase("collations_runner");
    Plinth plinth = plinth(db);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");

    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
  }

  @Test
  void verifyReportsACollationChangedByHand() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("collations_drift");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      ModelScripts.execute(connection, "DROP VIEW word_label;"
          + " ALTER TABLE word ALTER COLUMN spelling TYPE text;"
          + " ALTER TABLE word ALTER COLUMN label TYPE text COLLATE \"POSIX\";"
          + " CREATE VIEW word_label AS SELECT id, label FROM word");

      List<Difference> drift = SchemaComparison.compare(states(migrations).get(1),
          CatalogReader.read(connection, "-"));

      assertEquals(List.of(
          "column public.word.spelling: collation is the type's default, expected C",
          "column public.word.label: collation is POSIX, expected the type's default"),
          drift.stream().map(Difference::text).toList());
    }
  }

  private static Plinth plinth(TestDatabase db) {
    return GoldenScripts.runner(db, GOLDEN);
  }

  /** The schema before the first migration and after each one, folded from the journal. */
  private static List<Schema> states(List<MigrationsFolder.MigrationFiles> migrations) throws IOException {
    return GoldenScripts.states(GOLDEN, migrations);
  }

  /** The tables are {@code expected}'s (the catalog reader reads views apart: they are left out). */
  private static void assertTables(Connection connection, Schema expected) throws SQLException {
    ModelScripts.assertCatalog(connection, new Schema(expected.tables(), expected.enums()));
  }

  /** Runs a committed script in one transaction, as the runner does. */
  private static void run(Connection connection, String file) throws IOException, SQLException {
    GoldenScripts.run(connection, GOLDEN, file);
  }
}
