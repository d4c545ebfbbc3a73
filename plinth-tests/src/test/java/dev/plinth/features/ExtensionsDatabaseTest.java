package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.render.MigrationScript;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's extensions schema (golden files {@code golden/extensions}: citext and hstore
 * columns, then an ltree one) on a real PostgreSQL: each migration creates the extensions its
 * columns need; rolling back drops only those it created, and keeps those that what it keeps for
 * migrating again still uses.
 */
class ExtensionsDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/extensions");
  private static final String EXTENSIONS = "SELECT string_agg(extname, ' ' ORDER BY extname) FROM pg_extension"
      + " WHERE extname <> 'plpgsql'";

  @Test
  void eachMigrationCreatesTheExtensionsItsColumnsNeed() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(migrations);
    TestDatabase db = SharedPostgres.newDatabase("extensions");
    try (Connection connection = db.connect()) {
      run(connection, migrations.get(0).forward());
      ModelScripts.assertCatalog(connection, states.get(1));
      assertEquals("citext hstore", query(connection, EXTENSIONS));
      ModelScripts.execute(connection, "INSERT INTO handle VALUES (1, 'Ada', 'a => 1')");
      assertEquals("1", query(connection, "SELECT id FROM handle WHERE name = 'ADA'"), "citext compares case-blind");

      run(connection, migrations.get(1).forward());
      ModelScripts.assertCatalog(connection, states.get(2));
      assertEquals("citext hstore ltree", query(connection, EXTENSIONS));
      ModelScripts.execute(connection, "UPDATE handle SET path = 'top.middle'");

      run(connection, migrations.get(1).reverse());
      ModelScripts.assertCatalog(connection, states.get(1));
      assertEquals("citext hstore ltree", query(connection, EXTENSIONS),
          "ltree stays: the values rolling back kept are of its type");

      run(connection, migrations.get(1).forward());
      ModelScripts.assertCatalog(connection, states.get(2));
      assertEquals("top.middle", query(connection, "SELECT path::text FROM handle"), "the values are back");
      run(connection, migrations.get(1).reverse());
      run(connection, migrations.get(0).reverse());
      ModelScripts.assertCatalog(connection, states.get(0));
      run(connection, migrations.get(0).forward());
      ModelScripts.assertCatalog(connection, states.get(1));
      assertEquals("1 Ada", query(connection, "SELECT id || ' ' || name FROM handle"), "the table is taken back");
    }
  }

  @Test
  void rollingBackDropsOnlyTheExtensionsTheMigrationCreated() throws Exception {
    Table handle = new Table(new QualifiedName("public", "handle"), "names.Handle", null, List.of(
        new Column("id", "bigint", null, false, null, Identity.NONE, null, null),
        new Column("name", "citext", null, false, null, Identity.NONE, null, null),
        new Column("attributes", "hstore", null, true, null, Identity.NONE, null, null)),
        null, List.of(), List.of(), List.of(), List.of(), null);
    List<Change> changes = List.of(new Change.CreateExtension("citext", true),
        new Change.CreateExtension("hstore", true), new Change.CreateTable(handle));
    TestDatabase db = SharedPostgres.newDatabase("extensions_kept");
    try (Connection connection = db.connect()) {
      ModelScripts.execute(connection, "CREATE EXTENSION citext");

      ModelScripts.execute(connection, MigrationScript.forward("1", Schema.EMPTY, changes, "5s", true, false));
      assertEquals("citext hstore", query(connection, EXTENSIONS));
      ModelScripts.execute(connection, MigrationScript.reverse("1", Schema.EMPTY, changes, "5s", true, false));

      assertEquals("citext", query(connection, EXTENSIONS), "hstore, which the migration created, is dropped");
      assertEquals("0", query(connection, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'plinth%'"),
          "the mark is gone with its backup schema");
    }
  }

  @Test
  void theRunnerMigratesVerifiesWithoutDriftAndRollsBack() {
    TestDatabase db = SharedPostgres.newDatabase("extensions_runner");
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
