package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branches, merges, hand-written migrations and the integrity files, with real javac runs. */
class TeamWorkflowTest {
  private static final String CHECK = "-Aplinth.check=true";

  @TempDir Path main;
  @TempDir Path branch;

  @BeforeEach
  void commonBase() {
    assertThat(ProcessorRun.compile(main, List.of(account("")))).succeeded();
  }

  @Test
  void twoBranchesThatBothAddedV2AreDetectedAndTheRebaseRegeneratesTheBranchOneAsV3() throws IOException {
    copy(main, branch);
    assertThat(ProcessorRun.compile(main, List.of(account(", @Nullable String phone")))).succeeded();
    assertThat(ProcessorRun.compile(branch, List.of(account(", @Nullable String city")))).succeeded();
    // The merge: the branch's V2 files join the main line's; git reports HEAD as a conflict, and
    // the developer takes the main line's side.
    for (Map.Entry<String, String> file : ProcessorRun.files(branch).entrySet()) {
      if (file.getKey().contains("2__")) {
        Files.writeString(main.resolve(file.getKey()), file.getValue());
      }
    }
    JavaFileObject merged = account(", @Nullable String phone, @Nullable String city");

    Compilation conflict = ProcessorRun.compile(main, List.of(merged));
    assertThat(conflict).failed();
    assertThat(conflict).hadErrorContaining("[PLN220] Two migrations have version V2: "
        + "migration/V2__add_account_city.sql and migration/V2__add_account_phone.sql");
    assertThat(conflict).hadErrorContaining("compile once with the annotation processor option"
        + " -Aplinth.rebase=<slug>, where <slug> is your branch's migration"
        + " (add_account_city or add_account_phone), then drop the option.");
    assertThat(conflict).hadErrorContaining(
        "Maven: <compilerArgs><arg>-Aplinth.rebase=<slug></arg></compilerArgs>");
    assertThat(conflict).hadErrorContaining("-Dplinth.rebase=<slug> on the command line");
    assertThat(conflict).hadErrorContaining(
        "Gradle: options.compilerArgs += ['-Aplinth.rebase=<slug>']");
    assertTrue(conflict.errors().stream().noneMatch(e -> e.getMessage(null).contains("mvnw")),
        "no project-specific wrapper command");

    Compilation rebased = ProcessorRun.compile(main, List.of(merged), "-Aplinth.rebase=add_account_city");
    assertThat(rebased).succeeded();
    Map<String, String> files = ProcessorRun.files(main);
    assertFalse(files.containsKey("migration/V2__add_account_city.sql"));
    assertTrue(files.containsKey("migration/V2__add_account_phone.sql"));
    String v3 = files.get("migration/V3__add_account_city.sql");
    assertTrue(v3 != null && v3.contains("ADD COLUMN \"city\" text;"), files.keySet().toString());
    assertTrue(files.get("HEAD").startsWith("V3 "), files.get("HEAD"));
    assertThat(ProcessorRun.compile(main, List.of(merged), CHECK)).succeededWithoutWarnings();
  }

  @Test
  void conflictMarkersInHeadAndTheSumSayHowToResolveThem() throws IOException {
    copy(main, branch);
    assertThat(ProcessorRun.compile(main, List.of(account(", @Nullable String phone")))).succeeded();
    assertThat(ProcessorRun.compile(branch, List.of(account(", @Nullable String city")))).succeeded();
    Map<String, String> ours = ProcessorRun.files(main);
    Map<String, String> theirs = ProcessorRun.files(branch);
    for (Map.Entry<String, String> file : theirs.entrySet()) {
      if (file.getKey().contains("2__")) {
        Files.writeString(main.resolve(file.getKey()), file.getValue());
      }
    }
    for (String file : List.of("HEAD", "plinth.sum")) {
      Files.writeString(main.resolve(file), conflict(ours.get(file), theirs.get(file)));
    }
    JavaFileObject merged = account(", @Nullable String phone, @Nullable String city");
    Map<String, String> before = ProcessorRun.files(main);

    for (String mode : new String[] {CHECK, "-Aplinth.check=false"}) {
      Compilation compilation = ProcessorRun.compile(main, List.of(merged), mode);

      assertThat(compilation).failed();
      for (String file : List.of("HEAD", "plinth.sum")) {
        assertThat(compilation).hadErrorContaining("[PLN217] " + main.resolve(file) + " holds an"
            + " unresolved merge conflict (git's <<<<<<< and >>>>>>> markers). Plinth's files are"
            + " generated, not merged by hand: take either side of it whole (such as `git checkout"
            + " --ours -- " + main.resolve(file) + "`); Plinth brings it up to date. Then compile"
            + " again: if both branches added a migration, Plinth reports it (PLN220), and"
            + " compiling once with -Aplinth.rebase=<slug> generates your branch's migration again"
            + " after the main line's.");
      }
      assertEquals(2, compilation.errors().size(), compilation.errors().toString());
      assertEquals(before, ProcessorRun.files(main));
    }

    for (String file : List.of("HEAD", "plinth.sum")) {
      Files.writeString(main.resolve(file), ours.get(file));
    }
    assertThat(ProcessorRun.compile(main, List.of(merged))).hadErrorContaining("[PLN220]");
    assertThat(ProcessorRun.compile(main, List.of(merged), "-Aplinth.rebase=add_account_city"))
        .succeeded();
    assertThat(ProcessorRun.compile(main, List.of(merged), CHECK)).succeededWithoutWarnings();
  }

  @Test
  void aConflictedJournalSaysToTakeTheMainLinesSide() throws IOException {
    copy(main, branch);
    assertThat(ProcessorRun.compile(main, List.of(account(", @Nullable String phone")))).succeeded();
    assertThat(ProcessorRun.compile(branch, List.of(account(", @Nullable Long phone")))).succeeded();
    String journal = "schema/V2__add_account_phone.json";
    Files.writeString(main.resolve(journal),
        conflict(Files.readString(main.resolve(journal)), Files.readString(branch.resolve(journal))));

    Compilation compilation = ProcessorRun.compile(main, List.of(account(", @Nullable String phone")), CHECK);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN217] " + main.resolve(journal) + " holds an"
        + " unresolved merge conflict (git's <<<<<<< and >>>>>>> markers). Plinth's files are"
        + " generated, not merged by hand: take the main line's side of it whole (`git checkout"
        + " --ours -- " + main.resolve(journal) + "` or --theirs, whichever is the main line's in"
        + " this merge). Then compile again:");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  @Test
  void aSumFileThatIsNotOneIsReportedInCheckMode() throws IOException {
    Files.writeString(main.resolve("plinth.sum"), "garbage\n");

    Compilation compilation = ProcessorRun.compile(main, List.of(account("")), CHECK);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN215] " + main.resolve("plinth.sum")
        + " does not match the migration files (it cannot be read: not a sum line: garbage).");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  @Test
  void handWrittenMigrationsAreKeptSummedAndNumberedAfter() throws IOException {
    String backfill = "UPDATE \"public\".\"account\" SET \"email\" = lower(\"email\");\n";
    Files.writeString(main.resolve("migration/V1_1__lowercase_emails.sql"), backfill);

    Compilation compilation = ProcessorRun.compile(main, List.of(account(", @Nullable String phone")));

    assertThat(compilation).succeeded();
    Map<String, String> files = ProcessorRun.files(main);
    assertEquals(backfill, files.get("migration/V1_1__lowercase_emails.sql"), "never rewritten");
    assertTrue(files.containsKey("migration/V2__add_account_phone.sql"), files.keySet().toString());
    assertTrue(files.get("plinth.sum").contains("  migration/V1_1__lowercase_emails.sql\n"));
    assertThat(ProcessorRun.compile(main, List.of(account(", @Nullable String phone")), CHECK))
        .succeededWithoutWarnings();
  }

  @Test
  void checkModeReportsAHandWrittenMigrationMissingFromTheSum() throws IOException {
    Files.writeString(main.resolve("migration/V1_1__backfill.sql"), "SELECT 1;\n");

    Compilation compilation = ProcessorRun.compile(main, List.of(account("")), CHECK);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN215]");
    assertThat(compilation).hadErrorContaining("migration/V1_1__backfill.sql");
  }

  @Test
  void rebasingAnUnknownMigrationSaysWhichExist() {
    Compilation compilation = ProcessorRun.compile(main, List.of(account("")), "-Aplinth.rebase=nope");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN221] -Aplinth.rebase names 'nope'");
    assertThat(compilation).hadErrorContaining("create_account");
    assertThat(compilation).hadErrorContaining("Pass -Aplinth.rebase=<slug> with one of them");
  }

  private static JavaFileObject account(String extraComponents) {
    return JavaFileObjects.forSourceString("app.Account", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email%s) {}
        """.formatted(extraComponents));
  }

  /** A file as git leaves it after a conflicting merge. */
  private static String conflict(String ours, String theirs) {
    return "<<<<<<< HEAD\n" + ours + "=======\n" + theirs + ">>>>>>> branch\n";
  }

  private static void copy(Path from, Path to) throws IOException {
    for (Map.Entry<String, String> file : ProcessorRun.files(from).entrySet()) {
      Path target = to.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }
}
