package dev.plinth.features;

import static dev.plinth.features.GoldenScripts.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.internal.catalog.Difference;
import dev.plinth.runner.internal.catalog.SchemaComparison;
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

/**
 * The processor's partitions schema (golden files {@code golden/partitions}: range, list and hash
 * partitioned tables, then partitions added, detached and re-bounded) on a real PostgreSQL: each
 * migration and each reverse gives a catalog equal to its journal's schema, the rows in every
 * partition stay where they are, and a detached partition is kept with its rows and attached again
 * by the reverse. The strict plan's concurrent detach runs through the runner.
 */
class PartitionsDatabaseTest {
  private static final Path GOLDEN = Path.of("../schema-processor/src/test/resources/golden/partitions");
  private static final Path STRICT =
      Path.of("../schema-processor/src/test/resources/golden/partitions-strict");
  private static final String ROWS = "SELECT (SELECT string_agg(tableoid::regclass || ':' || id, ' '"
      + " ORDER BY id) FROM events) || ' | ' || (SELECT string_agg(tableoid::regclass || ':' || id, ' '"
      + " ORDER BY id) FROM readings) || ' | ' || (SELECT string_agg(tableoid::regclass || ':' || id, ' '"
      + " ORDER BY id) FROM orders) || ' | ' || (SELECT count(*) FROM sessions)";

  @Test
  void everyMigrationAndItsReverseGiveTheJournalsSchemaKeepingTheRows() throws Exception {
    List<MigrationsFolder.MigrationFiles> migrations = new MigrationsFolder(GOLDEN).scan();
    List<Schema> states = states(GOLDEN, migrations);
    TestDatabase db = SharedPostgres.newDatabase("partitions_catalog");
    try (Connection connection = db.connect()) {
      run(connection, GOLDEN, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1");
      execute(connection, """
          INSERT INTO customer VALUES (1, 'Ada');
          INSERT INTO events VALUES (1, '2026-01-15 10:00+00', 'a'), (2, '2026-02-15 10:00+00', 'b'),
            (3, '2026-03-15 10:00+00', 'c');
          INSERT INTO readings VALUES (1, '2025-06-01', 1.5), (2, '2026-06-01', 2.5);
          INSERT INTO orders VALUES (1, 'de', 1), (2, 'us', 1);
          INSERT INTO sessions SELECT gen_random_uuid(), 't' || g FROM generate_series(1, 20) g;
          """);
      String before = "events_2026_01:1 events_2026_02:2 events_other:3 | readings_2025:1 readings_2026:2"
          + " | orders_europe:1 orders_america:2 | 20";
      assertEquals(before, query(connection, ROWS));

      run(connection, GOLDEN, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2");
      assertEquals("events_2026_01:1 events_2026_02:2 events_2026_03:3 | readings_2026:2"
          + " | orders_europe:1 orders_america:2 | 20", query(connection, ROWS),
          "readings_2025 is detached; the new events_2026_03 took its row from the default partition");
      assertEquals("1", query(connection,
          "SELECT string_agg(id::text, ',') FROM plinth_backup_v2_public.readings_2025"),
          "the detached partition keeps its rows in the backup");
      execute(connection, "INSERT INTO readings VALUES (3, '2027-03-01', 3)");

      run(connection, GOLDEN, migrations.get(1).reverse());
      assertCatalog(connection, states.get(1), "after U2");
      assertEquals(before, query(connection, ROWS),
          "the detached partition is attached again with its rows; the default takes back its row");
      assertEquals("1", query(connection, "SELECT count(*) FROM plinth_backup_v2_public.readings_2027"),
          "rolling back keeps the rows of the new partition");

      run(connection, GOLDEN, migrations.get(1).forward());
      assertCatalog(connection, states.get(2), "after V2 again");
      assertEquals("3", query(connection, "SELECT string_agg(id::text, ',') FROM readings_2027"),
          "migrating again takes the kept partition back with its rows");

      run(connection, GOLDEN, migrations.get(1).reverse());
      run(connection, GOLDEN, migrations.get(0).reverse());
      assertCatalog(connection, Schema.EMPTY, "after U1");
      run(connection, GOLDEN, migrations.get(0).forward());
      assertCatalog(connection, states.get(1), "after V1 again");
      assertEquals(before, query(connection, ROWS), "migrating again takes the kept tables back");
    }
  }

  @Test
  void theStrictPlanDetachesConcurrentlyThroughTheRunnerAndVerifiesWithoutDrift() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("partitions_strict");
    Plinth plinth = plinth(db, STRICT);

    assertEquals(3, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "a fresh migrate shows no drift");

    plinth.rollback(RollbackTarget.to("1"));
    assertEquals(List.of(), plinth.verify().differences(), "none after the rollback either");
    try (Connection connection = db.connect()) {
      execute(connection, "INSERT INTO readings VALUES (1, '2025-06-01', 1.5)");
    }
    assertEquals(2, plinth.migrate().applied().size());
    assertEquals(List.of(), plinth.verify().differences(), "none after migrating again");
    try (Connection connection = db.connect()) {
      assertEquals("1", query(connection,
          "SELECT string_agg(id::text, ',') FROM plinth_backup_v2_public.readings_2025"));
    }
    plinth.rollback(RollbackTarget.to("1"));
    try (Connection connection = db.connect()) {
      assertEquals("readings_2025:1", query(connection,
          "SELECT string_agg(tableoid::regclass || ':' || id, ' ') FROM readings"));
    }
  }

  @Test
  void verifyReportsADetachedPartitionAChangedBoundAndAChangedKey() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("partitions_drift");
    Plinth plinth = plinth(db, GOLDEN);
    plinth.migrate();
    try (Connection connection = db.connect()) {
      execute(connection, """
          ALTER TABLE readings DETACH PARTITION readings_2026;
          ALTER TABLE orders DETACH PARTITION orders_america;
          ALTER TABLE orders ATTACH PARTITION orders_america FOR VALUES IN ('us');
          DROP TABLE sessions;
          CREATE TABLE sessions (id uuid PRIMARY KEY, token text NOT NULL) PARTITION BY RANGE (id);
          """);
    }

    List<String> found = plinth.verify().differences().stream().map(Difference::text).toList();

    assertEquals(List.of(
        "partition public.orders_america: bound is FOR VALUES IN ('us'), expected FOR VALUES IN ('us', 'ca')",
        "missing partition public.readings_2026: expected public.readings FOR VALUES FROM ('2026-01-01')"
            + " TO ('2027-01-01')",
        "extra table public.readings_2026: (id bigint, day date, value double precision)",
        "table public.sessions: partition key is RANGE (id), expected HASH (id)"), found);
  }

  private static Plinth plinth(TestDatabase db, Path golden) {
    return Plinth.create(RunnerConfig.builder().url(db.jdbcUrl())
        .locations("filesystem:" + golden.resolve("migration").toAbsolutePath()).build());
  }

  /** The schema before the first migration and after each one, folded from the journal. */
  private static List<Schema> states(Path golden, List<MigrationsFolder.MigrationFiles> migrations)
      throws IOException {
    List<Schema> states = new ArrayList<>(List.of(Schema.EMPTY));
    for (MigrationsFolder.MigrationFiles files : migrations) {
      Schema last = states.get(states.size() - 1);
      states.add(Changes.apply(last, JournalCodec.read(Files.readString(golden.resolve(files.journal())))
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
  private static void run(Connection connection, Path golden, String file)
      throws IOException, SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(Files.readString(golden.resolve(file)));
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
