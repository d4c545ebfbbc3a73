package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import dev.plinth.runner.testing.SharedPostgres;
import dev.plinth.runner.testing.SharedPostgres.TestDatabase;
import dev.plinth.runner.testing.Sql;
import dev.plinth.schema.journal.SumFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations folder is checked before a command trusts it: pending files that plinth.sum does
 * not vouch for are never applied, and folders or files that cannot be read, are not UTF-8 or claim
 * a version twice are named with the fix, never a stack trace. On a copy of the example's committed
 * migrations (V1 generated), with hand-written migrations added where a test needs them.
 */
class FolderIntegrityTest {
  private static final Path EXAMPLE = Path.of("../migrations-app/src/main/resources/db");
  private static final String V1 = "migration/V1__create_audit_event_and_6_more.sql";
  private static final String JOURNAL = "schema/V1__create_audit_event_and_6_more.json";

  @TempDir
  Path project;

  private Path db;

  @BeforeEach
  void copyTheExample() throws IOException {
    db = project.resolve("src/main/resources/db");
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = db.resolve(EXAMPLE.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  private Cli.Result plinth(TestDatabase database, String... args) {
    return Cli.onDatabase(project, database, db, args);
  }

  /** Writes a hand-written migration and its reverse. */
  private void handWritten(String version, String table) throws IOException {
    Files.writeString(db.resolve("migration/V" + version + "__add_" + table + ".sql"),
        "CREATE TABLE " + table + " (id int);\n");
    Files.writeString(db.resolve("rollback/U" + version + "__add_" + table + ".sql"), "DROP TABLE " + table + ";\n");
  }

  /** Writes plinth.sum for the files as they are, as a compile does. */
  private void recordSum() throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (String dir : new String[] {"migration", "rollback", "schema"}) {
      try (Stream<Path> list = Files.list(db.resolve(dir))) {
        for (Path file : list.toList()) {
          files.put(dir + "/" + file.getFileName(), Files.readString(file));
        }
      }
    }
    Files.writeString(db.resolve("plinth.sum"), SumFile.render(files));
  }

  private static long historyRows(TestDatabase database) {
    if (!Sql.exists(database, "flyway_schema_history")) {
      return 0;
    }
    return Long.parseLong(Sql.queryString(database, "SELECT count(*) FROM flyway_schema_history"));
  }

  private static void assertNoStackTrace(Cli.Result result) {
    assertFalse(result.all().matches("(?s).*\\n\\s+at [a-z].*\\(.*\\.java:\\d+\\).*"), () -> "a stack trace: " + result);
    assertFalse(result.all().contains("PLN990") || result.all().contains("PLN991"), result::toString);
  }

  /** Migrates V1, then adds the hand-written V2 (and V3) and records them in the sum. */
  private TestDatabase atV1WithPending(String name, String... versions) throws IOException {
    TestDatabase database = SharedPostgres.newDatabase(name);
    assertEquals(0, plinth(database, "migrate").exitCode());
    for (String version : versions) {
      handWritten(version, "extra_" + version);
    }
    recordSum();
    return database;
  }

  @Test
  void aPendingHandWrittenFileThatChangedAfterTheSumIsNotApplied() throws IOException {
    TestDatabase database = atV1WithPending("integrity_pending_edit", "2");
    Files.writeString(db.resolve("migration/V2__add_extra_2.sql"), "CREATE TABLE sneaked (id int);\n",
        StandardOpenOption.APPEND);

    Cli.Result result = plinth(database, "migrate");

    assertAll(
        () -> assertEquals(6, result.exitCode(), result::toString),
        () -> assertTrue(result.err().startsWith("[PLN806] migrate refused before touching the database"), result::toString),
        () -> assertTrue(result.err().contains("[PLN804] migration/V2__add_extra_2.sql does not match plinth.sum"),
            result::toString),
        () -> assertTrue(result.err().contains("Restore it from version control"), result::toString),
        () -> assertFalse(Sql.exists(database, "extra_2"), "V2 not applied"),
        () -> assertFalse(Sql.exists(database, "sneaked"), "V2 not applied"),
        () -> assertEquals(1, historyRows(database), "only V1 recorded"));
    Cli.Result dryRun = plinth(database, "migrate", "--dry-run");
    assertEquals(6, dryRun.exitCode(), dryRun::toString);
  }

  @Test
  void anEditedGeneratedFileIsNotAppliedToANewDatabase() throws IOException {
    TestDatabase database = SharedPostgres.newDatabase("integrity_pending_generated");
    Files.writeString(db.resolve(V1), " ", StandardOpenOption.APPEND);

    Cli.Result result = plinth(database, "migrate");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN666] " + V1 + " does not match plinth.sum: it was edited after it was"
        + " generated. Restore it, or recompile to regenerate it and plinth.sum."), result::toString);
    assertFalse(Sql.exists(database, "flyway_schema_history"), "nothing touched");
    assertFalse(Sql.exists(database, "audit_event"), "nothing applied");
  }

  @Test
  void anEmptiedPendingFileIsNotApplied() throws IOException {
    TestDatabase database = atV1WithPending("integrity_pending_empty", "2");
    Files.write(db.resolve("migration/V2__add_extra_2.sql"), new byte[0]);

    Cli.Result result = plinth(database, "migrate");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN804] migration/V2__add_extra_2.sql does not match plinth.sum"),
        result::toString);
    assertEquals(1, historyRows(database), "the empty V2 is not recorded");
  }

  @Test
  void aDeletedMiddleMigrationStopsTheLaterOnes() throws IOException {
    TestDatabase database = atV1WithPending("integrity_pending_gap", "2", "3");
    Files.delete(db.resolve("migration/V2__add_extra_2.sql"));

    Cli.Result result = plinth(database, "migrate");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN667] migration/V2__add_extra_2.sql is listed in plinth.sum but missing."
        + " Restore it from version control."), result::toString);
    assertFalse(Sql.exists(database, "extra_3"), "V3 not applied past the gap");
    assertEquals(1, historyRows(database));
  }

  @Test
  void aPendingFileTheSumDoesNotListIsNotApplied() throws IOException {
    TestDatabase database = atV1WithPending("integrity_pending_unlisted");
    handWritten("2", "extra_2");

    Cli.Result result = plinth(database, "migrate");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN668] migration/V2__add_extra_2.sql is not listed in plinth.sum."
        + " Recompile, so that the processor records it."), result::toString);
    assertFalse(Sql.exists(database, "extra_2"));
  }

  @Test
  void aLocationThatIsAFileIsNamed() throws IOException {
    TestDatabase database = SharedPostgres.newDatabase("integrity_location_file");
    Path file = project.resolve("not-a-folder");
    Files.writeString(file, "x");

    Cli.Result result = Cli.onDatabase(project, database, "filesystem:" + file, "migrate");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN800] The migrations folder " + file + " cannot be read: it is a file,"
        + " not a folder. Nothing was done."), result::toString);
    assertNoStackTrace(result);
  }

  @Test
  void aReverseFolderThatIsAFileStopsEveryCommand() throws IOException {
    TestDatabase database = SharedPostgres.newDatabase("integrity_rollback_file");
    assertEquals(0, plinth(database, "migrate").exitCode());
    try (Stream<Path> files = Files.list(db.resolve("rollback"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(db.resolve("rollback"));
    Files.writeString(db.resolve("rollback"), "");

    for (String command : new String[] {"migrate", "info", "rollback", "verify"}) {
      Cli.Result result = command.equals("rollback") ? plinth(database, command, "--to", "0") : plinth(database, command);
      assertEquals(2, result.exitCode(), result::toString);
      assertTrue(result.err().contains("[PLN800] The migrations folder " + db.resolve("rollback")
          + " cannot be read: it is a file, not a folder."), result::toString);
      assertNoStackTrace(result);
    }
    Cli.Result check = Cli.run(Map.of(), project, "check");
    assertEquals(2, check.exitCode(), check::toString);
    assertTrue(check.err().contains("[PLN800]"), check::toString);
    assertTrue(Sql.exists(database, "audit_event"), "nothing rolled back");
  }

  @Test
  void invalidUtf8IsNamedWithItsByte() throws IOException {
    TestDatabase database = SharedPostgres.newDatabase("integrity_utf8");
    Files.delete(db.resolve("plinth.sum")); // a plain Flyway folder is checked for this too
    Files.write(db.resolve("migration/V2__latin1.sql"),
        "-- caf\u00e9\nCREATE TABLE latin (id int);\n".getBytes(StandardCharsets.ISO_8859_1));

    for (String command : new String[] {"migrate", "info", "rollback", "validate"}) {
      Cli.Result result = command.equals("rollback") ? plinth(database, command, "--to", "0") : plinth(database, command);
      assertEquals(6, result.exitCode(), result::toString);
      assertTrue(result.all().contains(db.resolve("migration/V2__latin1.sql") + " is not valid UTF-8 at byte 6"),
          result::toString);
      assertNoStackTrace(result);
    }
    assertFalse(Sql.exists(database, "audit_event"), "nothing applied");
  }

  @Test
  void checkNamesInvalidUtf8InTheJournal() throws IOException {
    byte[] journal = Files.readAllBytes(db.resolve(JOURNAL));
    journal[journal.length - 2] = (byte) 0xff;
    Files.write(db.resolve(JOURNAL), journal);

    Cli.Result result = Cli.run(Map.of(), project, "check");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN802] " + db.resolve(JOURNAL) + " is not valid UTF-8 at byte "
        + (journal.length - 2)), result::toString);
    assertNoStackTrace(result);
  }

  @Test
  void aVersionClaimedTwiceIsNamed() throws IOException {
    TestDatabase database = SharedPostgres.newDatabase("integrity_duplicate");
    Files.copy(db.resolve(V1), db.resolve("migration/V01__copy.sql"));
    recordSum();

    Cli.Result migrate = plinth(database, "migrate");
    assertEquals(6, migrate.exitCode(), migrate::toString);
    assertTrue(migrate.err().contains("[PLN803] Version 1 is claimed by more than one migration: migration/V01__copy.sql, "
        + V1), migrate::toString);
    assertNoStackTrace(migrate);
    assertFalse(Sql.exists(database, "flyway_schema_history"), "nothing touched");

    Cli.Result check = Cli.run(Map.of(), project, "check");
    assertEquals(6, check.exitCode(), check::toString);
    assertTrue(check.err().contains("[PLN803] Version 1 is claimed by more than one migration"), check::toString);
  }

  @Test
  void checkFailsOnAFileTheSumDoesNotList() throws IOException {
    handWritten("2", "extra_2");

    Cli.Result result = Cli.run(Map.of(), project, "check");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("[PLN668] migration/V2__add_extra_2.sql is not listed in plinth.sum"),
        result::toString);
  }

  @Test
  void verifySaysAnEditedJournalIsNotDrift() throws IOException {
    TestDatabase database = SharedPostgres.newDatabase("integrity_verify_journal");
    assertEquals(0, plinth(database, "migrate").exitCode());
    String journal = Files.readString(db.resolve(JOURNAL));
    Files.writeString(db.resolve(JOURNAL), journal.replace("\"MEMBER\"", "\"GUEST\""));

    Cli.Result result = plinth(database, "verify");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN807] verify cannot compare the database"), result::toString);
    assertTrue(result.err().contains("[PLN666] " + JOURNAL + " does not match plinth.sum"), result::toString);
    assertFalse(result.all().contains("Undo the manual changes"), result::toString);
  }

  @Test
  void aSkippedMigrationRestoredLaterIsExplainedWithPlinthsWayOut() throws IOException {
    TestDatabase database = SharedPostgres.newDatabase("integrity_skipped");
    Files.delete(db.resolve("plinth.sum"));
    handWritten("3", "extra_3");
    assertEquals(0, plinth(database, "migrate").exitCode());
    handWritten("2", "extra_2");

    Cli.Result result = plinth(database, "migrate");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("V2__add_extra_2.sql (version 2) was never applied, but later versions were"
        + " (up to 3)"), result::toString);
    assertTrue(result.err().contains("plinth rollback --to 1"), result::toString);
    assertFalse(result.all().contains("outOfOrder") || result.all().contains("ignoreMigrationPatterns"),
        result::toString);

    assertEquals(0, plinth(database, "rollback", "--to", "1").exitCode());
    Cli.Result again = plinth(database, "migrate");
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(Sql.exists(database, "extra_2") && Sql.exists(database, "extra_3"), again::toString);
  }

  @Test
  void aMigrationAppliedEmptyHasAWayOut() throws IOException {
    TestDatabase database = SharedPostgres.newDatabase("integrity_applied_empty");
    Files.delete(db.resolve("plinth.sum"));
    Files.writeString(db.resolve("migration/V2__add_extra_2.sql"), "");
    assertEquals(0, plinth(database, "migrate").exitCode());
    handWritten("2", "extra_2");

    Cli.Result result = plinth(database, "migrate");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().contains("V2__add_extra_2.sql (version 2) was applied while its file was empty"),
        result::toString);
    String delete = result.err().replaceAll("(?s).*\\((DELETE FROM [^;]*;)\\).*", "$1");
    Sql.execute(database, delete);
    Cli.Result again = plinth(database, "migrate");
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(Sql.exists(database, "extra_2"), again::toString);
  }
}
