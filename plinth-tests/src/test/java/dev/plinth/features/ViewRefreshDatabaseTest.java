package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.schema.journal.MigrationsFolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor's refreshed materialized views (golden files {@code golden/views-refresh}) on a real
 * PostgreSQL: rows changed in the table after the views were created show in them only once the
 * migration that raises {@code @View(refresh)} ran; the concurrent refresh runs inside the
 * migration's transaction; the reverse refreshes again; {@code verify} sees no drift.
 */
class ViewRefreshDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/views-refresh");
  private static final String TOTALS = "SELECT string_agg(region || '=' || total, ',' ORDER BY region) FROM region_total";
  private static final String BIG = "SELECT string_agg(id || '=' || amount, ',' ORDER BY id) FROM big_sale";

  @Test
  void theMigrationRefreshesTheViewsInItsTransactionAndTheReverseRefreshesThemAgain() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    TestDatabase db = SharedPostgres.newDatabase("views_refresh");
    try (Connection connection = db.connect()) {
      GoldenScripts.run(connection, GOLDEN, migrations.get(0).forward());
      execute(connection, "INSERT INTO sale (id, region, amount) VALUES (1, 'north', 500), (2, 'south', 50)");
      assertEquals(null, query(connection, TOTALS), "stored when created, before the rows");

      GoldenScripts.run(connection, GOLDEN, migrations.get(1).forward()); // one transaction
      assertEquals("north=500,south=50", query(connection, TOTALS));
      assertEquals("1=500", query(connection, BIG));

      execute(connection, "UPDATE sale SET amount = 700 WHERE id = 2");
      GoldenScripts.run(connection, GOLDEN, migrations.get(1).reverse());
      assertEquals("north=500,south=700", query(connection, TOTALS), "the reverse refreshes too");
      assertEquals("1=500,2=700", query(connection, BIG));
    }
  }

  @Test
  void theRunnerRefreshesRollsBackAndMigratesAgainWithoutDrift() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("views_refresh_runner");
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl())
        .locations("filesystem:" + GOLDEN.resolve("migration").toAbsolutePath()).target("1").build());
    assertEquals(1, plinth.migrate().applied().size());
    try (Connection connection = db.connect()) {
      execute(connection, "INSERT INTO sale (id, region, amount) VALUES (1, 'north', 200), (2, 'north', 300)");
    }
    Plinth latest = GoldenScripts.runner(db, GOLDEN);

    assertEquals(1, latest.migrate().applied().size());
    try (Connection connection = db.connect()) {
      assertEquals("north=500", query(connection, TOTALS), "the rows inserted after the create");
      assertEquals("1=200,2=300", query(connection, BIG));
    }
    assertEquals(List.of(), latest.verify().differences(), "no drift after the refresh");
    latest.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), latest.verify().differences(), "none after the rollback");
    try (Connection connection = db.connect()) {
      execute(connection, "DELETE FROM sale WHERE id = 1");
    }
    assertEquals(1, latest.migrate().applied().size());
    try (Connection connection = db.connect()) {
      assertEquals("north=300", query(connection, TOTALS), "refreshed again by migrating again");
    }
    assertEquals(List.of(), latest.verify().differences(), "none after migrating again");
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}
