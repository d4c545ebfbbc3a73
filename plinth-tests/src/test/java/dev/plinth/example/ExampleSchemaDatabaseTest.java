package dev.plinth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.schema.diff.Canonical;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.journal.History;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.model.Schema;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.Sql;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The example schema's committed migrations on a real PostgreSQL: after migrating, the live
 * catalog equals the model the migrations were generated from; the reverse scripts take it back
 * to nothing, and migrating again gives the same catalog.
 */
class ExampleSchemaDatabaseTest {
  private static final Path FOLDER = Path.of("../migrations-app/src/main/resources/db");
  private static final String HISTORY = "flyway_schema_history";

  @Test
  void migratedCatalogEqualsTheModel() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("example");
    migrate(db);

    Schema expected = History.load(new MigrationsFolder(FOLDER)).state();
    try (Connection connection = db.connect()) {
      Schema live = CatalogReader.read(connection, HISTORY);
      List<Change> drift = SchemaDiff.diff(Canonical.schema(live), Canonical.schema(expected));
      assertEquals(List.of(), drift, "the live catalog differs from the model");
      assertEquals(expected.tables().size(), live.tables().size());
    }
  }

  @Test
  void reverseScriptsUndoEverythingAndMigratingAgainGivesTheSameCatalog() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("example_round_trip");
    migrate(db);
    Schema first;
    try (Connection connection = db.connect()) {
      first = CatalogReader.read(connection, HISTORY);
      List<MigrationsFolder.MigrationFiles> migrations = new ArrayList<>(new MigrationsFolder(FOLDER).scan());
      Collections.reverse(migrations);
      for (MigrationsFolder.MigrationFiles files : migrations) {
        execute(connection, FOLDER.resolve(files.reverse()));
      }
      assertEquals(Schema.EMPTY, CatalogReader.read(connection, HISTORY));
      try (Statement st = connection.createStatement()) {
        st.execute("DROP TABLE " + HISTORY);
      }
    }
    migrate(db);
    try (Connection connection = db.connect()) {
      assertEquals(first, CatalogReader.read(connection, HISTORY));
    }
  }

  /**
   * What rolling back the example's first migration promises: its tables, rows and all, are kept
   * (an enum-typed column as text), and migrating again takes them back.
   */
  @Test
  void rollingBackToNothingKeepsTheRowsAndMigratingAgainTakesThemBack() throws SQLException {
    TestDatabase db = SharedPostgres.newDatabase("example_keeps_rows");
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl())
        .locations("filesystem:" + FOLDER.resolve("migration")).build());
    plinth.migrate();
    String rows = "SELECT o.name || ' ' || u.email || ' ' || m.role FROM membership m"
        + " JOIN organization o ON o.id = m.org_id JOIN \"user\" u ON u.id = m.user_id";
    try (Connection connection = db.connect(); Statement st = connection.createStatement()) {
      st.execute("INSERT INTO organization (id, name, slug) VALUES ('00000000-0000-0000-0000-000000000001', 'Acme', 'acme');"
          + " INSERT INTO \"user\" (id, email) VALUES ('00000000-0000-0000-0000-000000000002', 'ada@example.com');"
          + " INSERT INTO membership (org_id, user_id, role) VALUES ('00000000-0000-0000-0000-000000000001',"
          + " '00000000-0000-0000-0000-000000000002', 'ADMIN')");
    }

    plinth.rollback(RollbackTarget.to("0"));
    assertEquals(null, Sql.queryString(db, "SELECT string_agg(table_name, ', ') FROM information_schema.tables"
        + " WHERE table_schema = 'public' AND table_name <> '" + HISTORY + "'"), "rolled back to nothing");
    plinth.migrate();

    assertEquals("Acme ada@example.com ADMIN", Sql.queryString(db, rows));
  }

  private static void migrate(TestDatabase db) {
    Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration")
        .load().migrate();
  }

  private static void execute(Connection connection, Path script) throws IOException, SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(Files.readString(script));
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
