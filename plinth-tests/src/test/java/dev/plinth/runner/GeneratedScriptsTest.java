package dev.plinth.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.internal.RunnerContext;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated scripts run in one round trip each, and the history stays Flyway's: plain Flyway
 * reads what Plinth wrote, and Plinth continues what plain Flyway began (V1..V4 of
 * {@link GeneratedMigrations}; V4 runs outside a transaction).
 */
class GeneratedScriptsTest {

  @TempDir
  Path workingDirectory;

  private Path folder;
  private String location;

  @BeforeEach
  void generate() {
    folder = GeneratedMigrations.write(workingDirectory.resolve("db"), GeneratedMigrations.EVOLUTION);
    location = "filesystem:" + folder.resolve("migration");
  }

  private Plinth plinth(TestDatabase db) {
    return Plinth.create(RunnerConfig.builder().url(db.jdbcUrl()).locations(location).build());
  }

  /** Flyway with all its defaults, as a user without Plinth would run it on the same folder. */
  private Flyway plainFlyway(TestDatabase db, String target) {
    return Flyway.configure().dataSource(db.dataSource()).locations(location).target(target).load();
  }

  private static List<String> states(Flyway flyway) {
    return Arrays.stream(flyway.info().all())
        .map(i -> i.getVersion().getVersion() + " " + i.getState().getDisplayName()).toList();
  }

  @Test
  void plainFlywayValidatesAndReportsWhatPlinthApplied() {
    TestDatabase db = SharedPostgres.newDatabase("gen_plinth_first");

    plinth(db).migrate();

    Flyway flyway = plainFlyway(db, "latest");
    assertTrue(flyway.validateWithResult().validationSuccessful, () -> flyway.validateWithResult().getAllErrorMessages());
    assertEquals(List.of("1 Success", "2 Success", "3 Success", "4 Success"), states(flyway));
    assertEquals(0, flyway.info().pending().length, "nothing pending for plain Flyway");
    assertEquals(0, flyway.migrate().migrationsExecuted, "plain Flyway has nothing to apply");
  }

  @Test
  void plinthContinuesWhatPlainFlywayBegan() {
    TestDatabase db = SharedPostgres.newDatabase("gen_flyway_first");
    assertEquals(2, plainFlyway(db, "2").migrate().migrationsExecuted);

    MigrateResult result = plinth(db).migrate();

    assertEquals(List.of("3", "4"), result.applied().stream().map(MigrateResult.Applied::version).toList());
    assertEquals(Optional.of("4"), result.schemaVersion());
    Flyway flyway = plainFlyway(db, "latest");
    assertTrue(flyway.validateWithResult().validationSuccessful, () -> flyway.validateWithResult().getAllErrorMessages());
    assertEquals(List.of("1 Success", "2 Success", "3 Success", "4 Success"), states(flyway));
    assertEquals(0, plinth(db).verify().differences().size(), "the database is what the journal says");
  }

  @Test
  void plinthWritesTheHistoryRowsPlainFlywayWrites() {
    TestDatabase byPlinth = SharedPostgres.newDatabase("gen_rows_plinth");
    TestDatabase byFlyway = SharedPostgres.newDatabase("gen_rows_flyway");

    // V1 creates the history table (Flyway runs it), V2 and V3 are Plinth's one-call path. Plain
    // Flyway stops before V4: its default transactional lock makes CREATE INDEX CONCURRENTLY wait.
    Plinth.create(RunnerConfig.builder().url(byPlinth.jdbcUrl()).locations(location).target("3").build()).migrate();
    plainFlyway(byFlyway, "3").migrate();

    String rows = "SELECT string_agg(concat_ws('|', installed_rank, version, description, type, script, checksum,"
        + " installed_by, success, execution_time >= 0), E'\\n' ORDER BY installed_rank) FROM flyway_schema_history";
    assertEquals(Sql.queryString(byFlyway, rows), Sql.queryString(byPlinth, rows));
    assertEquals(3, Sql.queryString(byPlinth, rows).lines().count());
  }

  @Test
  void plainFlywayContinuesWhatPlinthBegan() {
    TestDatabase db = SharedPostgres.newDatabase("gen_plinth_then_flyway");
    Plinth upTo2 = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl()).locations(location).target("2").build());
    assertEquals(List.of("1", "2"), upTo2.migrate().applied().stream().map(MigrateResult.Applied::version).toList());

    // Plain Flyway's migrate validates the applied rows first (pending ones aside), then applies V3.
    assertEquals(1, plainFlyway(db, "3").migrate().migrationsExecuted, "plain Flyway applies V3");
    MigrateResult rest = plinth(db).migrate();
    assertEquals(List.of("4"), rest.applied().stream().map(MigrateResult.Applied::version).toList());
    Flyway flyway = plainFlyway(db, "latest");
    assertTrue(flyway.validateWithResult().validationSuccessful, () -> flyway.validateWithResult().getAllErrorMessages());
    assertEquals(List.of("1 Success", "2 Success", "3 Success", "4 Success"), states(flyway));
  }

  @Test
  void generatedTransactionalScriptsRunInOneCall() {
    TestDatabase db = SharedPostgres.newDatabase("gen_one_call");
    Map<String, Integer> statements = new TreeMap<>();
    Callback counter = new Callback() {
      @Override
      public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_STATEMENT;
      }

      @Override
      public boolean canHandleInTransaction(Event event, Context context) {
        return true;
      }

      @Override
      public void handle(Event event, Context context) {
        MigrationInfo info = context.getMigrationInfo();
        statements.merge(info.getVersion().getVersion(), event == Event.BEFORE_EACH_MIGRATE ? 0 : 1, Integer::sum);
      }

      @Override
      public String getCallbackName() {
        return "statement-counter";
      }
    };

    new RunnerContext(plinth(db).config(), db.dataSource()).flyway(counter).migrate();

    // Flyway's executor reports each statement it sends; one call for the whole script reports none.
    // V4 (CREATE INDEX CONCURRENTLY, outside a transaction) is still run statement by statement.
    assertEquals(Map.of("1", 0, "2", 0, "3", 0), Map.of("1", statements.get("1"), "2", statements.get("2"),
        "3", statements.get("3")), statements::toString);
    assertTrue(statements.get("4") > 0, statements::toString);
    assertTrue(Sql.exists(db, "users_name_idx"), "V4's index exists");
  }

  @Test
  void aFailingGeneratedScriptNamesItsStatementAndLeavesNothing() throws IOException {
    TestDatabase db = SharedPostgres.newDatabase("gen_failing");
    Path v2 = folder.resolve("migration/V2__step_2.sql");
    List<String> lines = Files.readAllLines(v2);
    // A statement the server refuses, after the script's first statements have run.
    Files.writeString(v2, String.join("\n", lines) + "\nALTER TABLE no_such_table ADD COLUMN x int;\n");
    GeneratedMigrations.resum(folder);
    int badLine = lines.size() + 1;

    MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> plinth(db).migrate());

    assertEquals("V2__step_2.sql", e.failure().script());
    assertEquals(badLine, e.failure().line(), e::getMessage);
    assertEquals("42P01", e.failure().sqlState());
    assertTrue(e.failure().rolledBack(), "rolled back");
    assertEquals(Optional.of("1"), e.failure().schemaVersion());
    assertEquals("ALTER TABLE no_such_table ADD COLUMN x int", e.failure().statement().strip().replaceAll(";$", ""));
    assertFalse(Sql.exists(db, "orders"), "nothing of V2 is left");
    assertEquals(List.of("1 Success", "2 Pending", "3 Pending", "4 Pending"), states(plainFlyway(db, "latest")));
  }

  @Test
  void rollbackRunsAReverseScriptEndingInACommentAndRemovesItsRowInTheSameCall() throws IOException {
    TestDatabase db = SharedPostgres.newDatabase("gen_rollback_comment");
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl()).locations(location).target("2").build());
    plinth.migrate();
    Path u2 = folder.resolve("rollback/U2__step_2.sql");
    // The last statement without its semicolon, then a line comment without a line end: the
    // history's bookkeeping sent after it must neither join that statement nor vanish in the comment.
    String reverse = Files.readString(u2).strip();
    assertTrue(reverse.endsWith(";"), reverse);
    Files.writeString(u2, reverse.substring(0, reverse.length() - 1) + "\n-- end of U2");
    GeneratedMigrations.resum(folder);

    RollbackResult result = plinth.rollback(RollbackTarget.to("1"));

    assertEquals(List.of("2"), result.steps().stream().map(RollbackResult.Step::version).toList());
    assertFalse(Sql.exists(db, "orders"), "U2 ran");
    assertEquals("1", Sql.queryString(db, "SELECT string_agg(version, ',') FROM flyway_schema_history"));
    assertEquals("V2__step_2.sql", Sql.queryString(db, "SELECT script FROM plinth_runner.rolled_back WHERE version = '2'"));
  }

  @Test
  void aVersionRolledBackAgainHasItsNoteReplacedAndItsOwnHistoryRowRemoved() {
    TestDatabase db = SharedPostgres.newDatabase("gen_rollback_again");
    Plinth plinth = Plinth.create(RunnerConfig.builder().url(db.jdbcUrl()).locations(location).target("2").build());
    plinth.migrate();
    plinth.rollback(RollbackTarget.to("1"));
    Sql.execute(db, "UPDATE plinth_runner.rolled_back SET rolled_back_at = '2000-01-01T00:00:00Z'");
    plinth.migrate();
    assertEquals("1,2", Sql.queryString(db, "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history"));

    RollbackResult again = plinth.rollback(RollbackTarget.to("1"));

    assertEquals(List.of("2"), again.steps().stream().map(RollbackResult.Step::version).toList());
    assertFalse(Sql.exists(db, "orders"), "U2 ran again");
    assertEquals("1", Sql.queryString(db, "SELECT string_agg(version, ',') FROM flyway_schema_history"));
    assertEquals("1 V2__step_2.sql true", Sql.queryString(db, "SELECT count(*) || ' ' || min(script) || ' '"
        + " || bool_and(rolled_back_at > '2000-01-02T00:00:00Z') FROM plinth_runner.rolled_back WHERE version = '2'"));
  }
}
