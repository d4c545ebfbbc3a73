package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.SchemaComparison;
import dev.plinth.runner.testing.ServerVersion;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.Changes;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor's generated-columns schema (golden files {@code golden/generated}, and
 * {@code golden/generated17} written for PostgreSQL 17, which sets a new expression in place) on a
 * real PostgreSQL, with rows: forward, reverse and forward again, each leaving the catalog equal to
 * the journal's schema, computed values computed and plain values kept.
 */
class GeneratedColumnsDatabaseTest {
  private static final String ROWS = "SELECT string_agg(concat_ws(' ', id, total, label, discounted, state, open,"
      + " tripled), ', ' ORDER BY id) FROM line_item";
  private static final String BEFORE = "SELECT string_agg(concat_ws(' ', id, total, label, discounted, state, open,"
      + " doubled), ', ' ORDER BY id) FROM line_item";

  @ParameterizedTest
  @ValueSource(strings = {"generated", "generated17"})
  void generatedColumnsChangeBothWaysKeepingWhatIsNotComputed(String golden) throws Exception {
    Path folder = Path.of("../schema-processor/src/test/resources/golden", golden);
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(folder).scan();
    List<Schema> states = states(folder, migrations);
    TestDatabase db = SharedPostgres.newDatabase("generated_columns_" + golden);
    if (golden.equals("generated17")) {
      ServerVersion.assumeAtLeast(db, 17, "the schema generated with -Aplinth.postgres=17 (SET EXPRESSION)");
    }
    try (Connection connection = db.connect()) {
      run(connection, folder, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1");
      execute(connection, "INSERT INTO line_item (id, price, quantity, label, state) VALUES"
          + " (1, 2.50, 4, 'first', 'open'), (2, 10, 1, 'second', 'lost')");
      String before = "1 10.00 first 2.250 open t 8, 2 10 second 9.0 lost f 2";
      assertEquals(before, query(connection, BEFORE));

      run(connection, folder, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2");
      String after = "1 11.00 item 1 2.250 open t 12, 2 11 item 2 9.0 open t 3";
      assertEquals(after, query(connection, ROWS), "computed anew; the discount kept; lost gives way");
      execute(connection, "UPDATE line_item SET discounted = 1, quantity = 2 WHERE id = 1");
      assertEquals("1 6.00 item 1 1 open t 6", query(connection, ROWS + " WHERE id = 1"),
          "the discount is plain now; the others follow the quantity");

      run(connection, folder, migrations.get(1).reverse());
      assertCatalog(connection, states.get(1), "after the reverse of V2");
      assertEquals("1 5.00 first 2.250 open t 4, 2 10 second 9.0 lost f 2", query(connection, BEFORE),
          "the plain labels and the lost state are back; the rest computed");

      run(connection, folder, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2 again");
      assertEquals("1 6.00 item 1 2.250 open t 6, 2 11 item 2 9.0 open t 3", query(connection, ROWS));

      // Rolling back V1 keeps the table, its state as text, while the enum type goes: the generated
      // column reading the state must not go with the type (PostgreSQL 14 would take a column made
      // plain with it), so that migrating again takes the table back whole.
      run(connection, folder, migrations.get(1).reverse());
      run(connection, folder, migrations.get(0).reverse());
      assertCatalog(connection, Schema.EMPTY, "after the reverses of V2 and V1");
      run(connection, folder, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1 again, the table taken back");
      assertEquals("1 5.00 first 2.250 open t 4, 2 10 second 9.0 lost f 2", query(connection, BEFORE),
          "the kept rows are back, the generated column computed");
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndVerifySeesAChangedExpression() throws Exception {
    Path folder = Path.of("../schema-processor/src/test/resources/golden/generated");
    TestDatabase db = SharedPostgres.newDatabase("generated_runner");
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl())
        .locations("filesystem:" + folder.resolve("migration").toAbsolutePath()).build());

    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");
    try (Connection connection = db.connect()) {
      execute(connection, "ALTER TABLE line_item DROP COLUMN tripled,"
          + " ADD COLUMN tripled integer NOT NULL GENERATED ALWAYS AS (quantity * 4) STORED");
    }
    List<String> found = plinth.verify().differences().stream()
        .map(d -> d.change() + " " + d.object() + " " + d.name() + " " + d.aspect()).toList();
    assertEquals(List.of("different column public.line_item.tripled generated"), found);

    plinth.rollback(RollbackTarget.steps(1));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback");
  }

  private static List<Schema> states(Path folder, List<MigrationsFolder.MigrationFiles> migrations)
      throws IOException {
    List<Schema> states = new ArrayList<>(List.of(Schema.EMPTY));
    for (MigrationsFolder.MigrationFiles files : migrations) {
      Schema last = states.get(states.size() - 1);
      states.add(Changes.apply(last, JournalCodec.read(Files.readString(folder.resolve(files.journal())))
          .changes()));
    }
    return states;
  }

  private static void assertCatalog(Connection connection, Schema expected, String where)
      throws SQLException {
    Schema live = CatalogReader.read(connection, "-");
    assertEquals(List.of(), SchemaComparison.compare(expected, live), "verify " + where);
    assertEquals(List.of(), SchemaDiff.diff(Canonical.schema(live), Canonical.schema(expected)),
        "the differ " + where);
  }

  /** Runs a committed script in one transaction, as the runner does. */
  private static void run(Connection connection, Path folder, String file) throws IOException, SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(Files.readString(folder.resolve(file)));
      connection.commit();
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
