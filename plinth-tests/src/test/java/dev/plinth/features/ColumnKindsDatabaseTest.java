package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
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
 * The processor's types schema (golden files {@code golden/types}: time with time zone, interval,
 * inet and cidr, numeric with and without precision, arrays of an enum type and of intervals,
 * explicit types written as aliases; then cidr to inet and numeric(10,2) to numeric) on a real
 * PostgreSQL: each migration and each reverse gives the journal's catalog, as {@code verify} and the
 * differ see it, with the rows kept.
 */
class ColumnKindsDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/types");
  private static final String ROWS = "SELECT string_agg(concat_ws(' | ', id, taken_at, took, source, network,"
      + " amount, price, moods, history, laps, closes_at, code, total), '; ' ORDER BY id) FROM reading";

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsCatalogKeepingTheRows() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(migrations);
    TestDatabase db = SharedPostgres.newDatabase("column_kinds");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      ModelScripts.assertCatalog(connection, states.get(1));
      ModelScripts.execute(connection, "INSERT INTO reading VALUES"
          + " (1, '10:15+02', '1 day 02:03:04.5', '192.0.2.1/24', '10.0.0.0/8', 3.14159, 12.5, '{CALM,BUSY}',"
          + " '{BUSY}', '{00:01,00:02}', '23:59:59-05', 'abc', 9000000000),"
          + " (2, '00:00Z', '-00:00:01', NULL, NULL, 0, 0, '{}', NULL, NULL, NULL, NULL, NULL)");
      String before = query(connection, ROWS);
      assertEquals("1 | 10:15:00+02 | 1 day 02:03:04.5 | 192.0.2.1/24 | 10.0.0.0/8 | 3.14159 | 12.50 | {CALM,BUSY}"
          + " | {BUSY} | {00:01:00,00:02:00} | 23:59:59-05 | abc | 9000000000;"
          + " 2 | 00:00:00+00 | -00:00:01 | 0 | 0.00 | {}", before);

      run(connection, migrations.get(1).forward());
      ModelScripts.assertCatalog(connection, states.get(2));
      assertEquals("inet numeric", query(connection, "SELECT format_type(n.atttypid, n.atttypmod) || ' '"
          + " || format_type(p.atttypid, p.atttypmod) FROM pg_attribute n, pg_attribute p"
          + " WHERE n.attrelid = 'reading'::regclass AND n.attname = 'network'"
          + " AND p.attrelid = 'reading'::regclass AND p.attname = 'price'"));
      ModelScripts.execute(connection, "UPDATE reading SET pause = make_interval(mins => id::int)");

      run(connection, migrations.get(1).reverse());
      ModelScripts.assertCatalog(connection, states.get(1));
      assertEquals(before, query(connection, ROWS), "the rows are as they were");

      run(connection, migrations.get(1).forward());
      ModelScripts.assertCatalog(connection, states.get(2));
      assertEquals("00:01:00 00:02:00", query(connection,
          "SELECT string_agg(pause::text, ' ' ORDER BY id) FROM reading"), "the added column's values are back");

      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      ModelScripts.assertCatalog(connection, states.get(0));
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndRollsBack() {
    TestDatabase db = SharedPostgres.newDatabase("column_kinds_runner");
    Plinth plinth = GoldenScripts.runner(db, GOLDEN);

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");

    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
  }

  /** The schema before the first migration and after each one, folded from the journal. */
  private static List<Schema> states(List<MigrationsFolder.MigrationFiles> migrations) throws IOException {
    return GoldenScripts.states(GOLDEN, migrations);
  }

  /** Runs a committed script in one transaction, as the runner does. */
  private static void run(Connection connection, String file) throws IOException, SQLException {
    GoldenScripts.run(connection, GOLDEN, file);
  }
}
