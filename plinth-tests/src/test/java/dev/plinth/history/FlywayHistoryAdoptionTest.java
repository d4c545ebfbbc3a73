package dev.plinth.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.BaselineResult;
import dev.plinth.runner.InfoResult;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.RunnerConfig;
import dev.plinth.runner.internal.catalog.CatalogReader;
import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.Javac;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.journal.CommittedFiles;
import dev.plinth.schema.journal.JournalCodec;
import dev.plinth.schema.journal.MigrationsFolder;
import dev.plinth.schema.journal.ReplacedMigration;
import dev.plinth.schema.model.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database built by hand-written Flyway scripts (versions 1, 1.1, 2 and 20230101, run by plain
 * Flyway) switches to Plinth: pull writes the baseline after the highest existing version, whose
 * journal entry stands for the old history; baseline appends its row to that history; a new schema
 * change migrates on it; info shows old and new rows; plain Flyway still reads the history.
 */
class FlywayHistoryAdoptionTest {
  private static final String HISTORY = "flyway_schema_history";
  private static final String BASELINE = "V20230102__baseline.sql";

  @TempDir
  Path project;

  /**
   * A repeatable script kept from the Flyway project (as the README says to) is listed in the
   * {@code plinth.sum} pull writes, so the next compile in check mode accepts the folder.
   */
  @Test
  void aKeptRepeatableScriptIsInThePulledSum() throws Exception {
    TestDatabase legacy = SharedPostgres.newDatabase("flyway_legacy_repeatable");
    Flyway.configure().dataSource(legacy.dataSource()).locations("classpath:flyway-history").load().migrate();
    Path db = project.resolve("src/main/resources/db");
    String view = "CREATE OR REPLACE VIEW customer_names AS SELECT name FROM customer;\n";
    Files.writeString(Files.createDirectories(db.resolve("migration")).resolve("R__customer_names.sql"), view);

    Cli.Result pulled = Cli.run(Map.of("PLINTH_LOCATIONS", "filesystem:no-migrations-yet"), project, "pull",
        "--package", "com.example.db", "--url", legacy.jdbcUrl());

    assertEquals(0, pulled.exitCode(), pulled::toString);
    assertEquals(view, Files.readString(db.resolve("migration/R__customer_names.sql")), "kept as it was");
    assertTrue(Files.readString(db.resolve("plinth.sum")).contains("  migration/R__customer_names.sql\n"));
    Javac.compile(project, project.resolve("src/main/java"), db, true);
    assertEquals(List.of(), CommittedFiles.check(new MigrationsFolder(db)));
  }

  @Test
  void aFlywayHistoryIsKeptAndPlinthContinuesAfterIt() throws Exception {
    TestDatabase legacy = SharedPostgres.newDatabase("flyway_legacy");
    assertEquals(4, Flyway.configure().dataSource(legacy.dataSource()).locations("classpath:flyway-history")
        .load().migrate().migrationsExecuted);
    List<ReplacedMigration> history = history(legacy);

    Cli.Result pulled = Cli.run(Map.of("PLINTH_LOCATIONS", "filesystem:no-migrations-yet"), project, "pull",
        "--package", "com.example.db", "--url", legacy.jdbcUrl());

    assertEquals(0, pulled.exitCode(), pulled::toString);
    Path sources = project.resolve("src/main/java");
    Path db = project.resolve("src/main/resources/db");
    assertTrue(pulled.out().endsWith("then run `plinth baseline` on this database to record it as being at version"
        + " 20230102.\n"), pulled::toString);
    assertEquals(List.of("HEAD", "migration/" + BASELINE, "plinth.sum", "rollback/U20230102__baseline.sql",
        "schema/V20230102__baseline.json"), new ArrayList<>(Javac.contents(db).keySet()));
    assertEquals(List.of(
        new ReplacedMigration("1", "V1__create_customer.sql", history.get(0).checksum()),
        new ReplacedMigration("1.1", "V1_1__customer_email.sql", history.get(1).checksum()),
        new ReplacedMigration("2", "V2__purchase_order.sql", history.get(2).checksum()),
        new ReplacedMigration("20230101", "V20230101__purchase_order_customer_index.sql", history.get(3).checksum())),
        JournalCodec.read(Files.readString(db.resolve("schema/V20230102__baseline.json"))).replaces());
    Javac.compile(project, sources, db, true);
    assertEquals(List.of(), CommittedFiles.check(new MigrationsFolder(db)));

    // Until baseline records where Plinth takes over, migrate says what to do and runs nothing.
    Plinth plinth = Plinth.create(legacy.dataSource(), config(db));
    PlinthException notYet = assertThrows(PlinthException.class, plinth::migrate);
    assertEquals("[PLN619] The database's history has V1, which " + BASELINE + " replaces, but not that"
        + " migration's own version 20230102: the database stopped inside the replaced range. After adopting a"
        + " Flyway history, run `plinth baseline`; after a squash, migrate this database to version 20230102 with"
        + " the migrations as they were before the squash, then use these again.", notYet.getMessage());

    assertEquals(new BaselineResult("20230102", true, false, List.of()), plinth.baseline(Optional.empty(), false));
    assertEquals(List.of(), plinth.verify().differences());
    assertEquals(List.of(), plinth.validate().problems());
    assertEquals(List.of(), plinth.migrate().applied());

    // A new schema change becomes the next version and migrates on the adopted database.
    Path customer = sources.resolve("com/example/db/Customer.java");
    String record = Files.readString(customer);
    Files.writeString(customer, record.replace(") {}", ", @Nullable String city) {}"));
    Javac.compile(project, sources, db, false);
    assertTrue(Files.exists(db.resolve("migration/V20230103__add_customer_city.sql")));
    assertEquals(List.of("20230103"), plinth.migrate().applied().stream().map(a -> a.version()).toList());
    assertEquals(List.of(), plinth.verify().differences());
    assertEquals(List.of(), plinth.validate().problems());
    assertEquals("Ada", Sql.queryString(legacy, "SELECT name FROM customer WHERE city IS NULL"));

    // info shows the old rows and the new ones (Flyway lists the baseline file, not run here, first).
    assertEquals(List.of(
        "20230102 baseline ignored (baseline)",
        "1 create customer applied, replaced by " + BASELINE,
        "1.1 customer email applied, replaced by " + BASELINE,
        "2 purchase order applied, replaced by " + BASELINE,
        "20230101 purchase order customer index applied, replaced by " + BASELINE,
        "20230102 << Plinth baseline >> baseline",
        "20230103 add customer city applied ok"), infoRows(plinth.info()));

    // Plain Flyway still reads the history: with the new files (missing old files ignored) ...
    Flyway withPlinthFiles = Flyway.configure().dataSource(legacy.dataSource())
        .locations("filesystem:" + db.resolve("migration")).ignoreMigrationPatterns("*:missing").load();
    assertEquals(List.of("1", "1.1", "2", "20230101", "20230102", "20230103"), versions(withPlinthFiles.info().applied()));
    assertTrue(withPlinthFiles.validateWithResult().validationSuccessful);
    // ... and with the old scripts, as the application configured it before (Plinth's rows are future).
    Flyway withOldFiles = Flyway.configure().dataSource(legacy.dataSource()).locations("classpath:flyway-history").load();
    assertEquals(List.of("1", "1.1", "2", "20230101", "20230102", "20230103"), versions(withOldFiles.info().applied()));
    assertTrue(withOldFiles.validateWithResult().validationSuccessful);

    // A new environment runs the baseline and what follows, and gets the adopted database's catalog.
    TestDatabase fresh = SharedPostgres.newDatabase("flyway_fresh");
    assertEquals(List.of("20230102", "20230103"), Plinth.create(fresh.dataSource(), config(db)).migrate().applied()
        .stream().map(a -> a.version()).toList());
    assertEquals(catalog(legacy), catalog(fresh));

    // Rollback undoes Plinth's migrations and stops at the baseline.
    assertEquals(1, plinth.rollback(RollbackTarget.steps(1)).steps().size());
    PlinthException atBaseline = assertThrows(PlinthException.class, () -> plinth.rollback(RollbackTarget.steps(1)));
    assertTrue(atBaseline.getMessage().startsWith("[PLN696] Cannot roll back V20230102"), atBaseline::getMessage);
  }

  private static RunnerConfig config(Path db) {
    return RunnerConfig.builder().locations("filesystem:" + db.resolve("migration")).build();
  }

  private static List<String> versions(MigrationInfo[] infos) {
    return java.util.Arrays.stream(infos).map(i -> i.getVersion().getVersion()).toList();
  }

  private static List<String> infoRows(InfoResult info) {
    return info.migrations().stream().map(r -> (r.version() + " " + r.description() + " " + r.state() + " "
        + r.checksum()).strip()).toList();
  }

  private static List<ReplacedMigration> history(TestDatabase db) throws SQLException {
    List<ReplacedMigration> rows = new ArrayList<>();
    try (Connection connection = db.connect(); Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, script, checksum FROM " + HISTORY + " ORDER BY installed_rank")) {
      while (rs.next()) {
        rows.add(new ReplacedMigration(rs.getString(1), rs.getString(2), rs.getInt(3)));
      }
    }
    return rows;
  }

  private static Schema catalog(TestDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return CatalogReader.read(connection, HISTORY);
    }
  }
}
