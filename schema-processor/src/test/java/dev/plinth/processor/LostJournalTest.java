package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated migration whose journal entry is gone (deleted, not committed, or never written by a
 * compile that failed half-way) must not be generated a second time as a new version.
 */
class LostJournalTest {
  private static final String CHECK = "-Aplinth.check=true";
  private static final String V2 = "migration/V2__add_account_phone.sql";
  private static final String U2 = "rollback/U2__add_account_phone.sql";
  private static final String J2 = "schema/V2__add_account_phone.json";
  private static final JavaFileObject WITH_PHONE = account(", @Nullable String phone");

  @TempDir Path main;
  @TempDir Path branch;

  @BeforeEach
  void firstMigration() {
    assertThat(ProcessorRun.compile(main, List.of(account("")))).succeeded();
  }

  @Test
  void aDeletedJournalEntryIsAnErrorThatSaysWhatToDo() throws IOException {
    assertThat(ProcessorRun.compile(main, List.of(WITH_PHONE))).succeeded();
    Files.delete(main.resolve(J2));
    Map<String, String> before = ProcessorRun.files(main);

    for (String mode : new String[] {"-Aplinth.check=false", CHECK}) {
      Compilation compilation = ProcessorRun.compile(main, List.of(WITH_PHONE), mode);

      assertThat(compilation).failed();
      assertThat(compilation).hadErrorContaining(orphaned());
      assertEquals(1, compilation.errors().size(), compilation.errors().toString());
      assertEquals(before, ProcessorRun.files(main), "no V3 is written");
    }
  }

  @Test
  void migrationFilesCommittedWithoutTheirJournalAreAnError() throws IOException {
    copy(main, branch);
    assertThat(ProcessorRun.compile(branch, List.of(WITH_PHONE))).succeeded();
    for (String file : List.of(V2, U2)) {
      Files.writeString(main.resolve(file), Files.readString(branch.resolve(file)));
    }

    Compilation compilation = ProcessorRun.compile(main, List.of(WITH_PHONE));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(orphaned());
    assertTrue(ProcessorRun.files(main).keySet().stream().noneMatch(f -> f.contains("3__")),
        ProcessorRun.files(main).keySet().toString());
  }

  @Test
  void aCompileThatCannotWriteEveryFileWritesNone() throws IOException {
    // A directory where the reverse script goes makes its write fail, even for root (a read-only
    // folder does not stop root); the forward script, HEAD and plinth.sum come before it.
    Path blocker = Files.createDirectories(main.resolve(U2)).resolve("blocker");
    Files.writeString(blocker, "");
    Map<String, String> before = ProcessorRun.files(main);

    Compilation failed = ProcessorRun.compile(main, List.of(WITH_PHONE));

    assertThat(failed).failed();
    assertThat(failed).hadErrorContaining("[PLN218] Cannot write " + main.resolve(U2) + " (");
    assertThat(failed).hadErrorContaining("), so Plinth wrote none of this compile's files: the"
        + " migrations folder is as it was. Make sure the migrations folder (-Aplinth.migrations)"
        + " and its migration, rollback and schema folders can be written, then compile again.");
    assertEquals(1, failed.errors().size(), failed.errors().toString());
    assertEquals(before, ProcessorRun.files(main), "the folder is as it was");

    Files.delete(blocker);
    Files.delete(main.resolve(U2));
    assertThat(ProcessorRun.compile(main, List.of(WITH_PHONE))).succeeded();
    Map<String, String> files = ProcessorRun.files(main);
    assertTrue(files.containsKey(V2) && files.containsKey(U2) && files.containsKey(J2),
        files.keySet().toString());
    assertThat(ProcessorRun.compile(main, List.of(WITH_PHONE), CHECK)).succeededWithoutWarnings();
  }

  private String orphaned() {
    return "[PLN216] " + main.resolve(V2) + " has no journal entry, but it is exactly the migration"
        + " Plinth generates for the schema's pending change (add account phone): its journal "
        + main.resolve(J2) + " was deleted or not committed. Restore the journal from version"
        + " control (`git checkout -- " + main.resolve(J2) + "`); or, if this migration has not been"
        + " applied to any database, delete " + V2 + " and " + U2 + " and recompile to generate it"
        + " again. (Left as it is, the same change would be generated twice.)";
  }

  private static JavaFileObject account(String extraComponents) {
    return JavaFileObjects.forSourceString("app.Account", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email%s) {}
        """.formatted(extraComponents));
  }

  private static void copy(Path from, Path to) throws IOException {
    for (Map.Entry<String, String> file : new TreeMap<>(ProcessorRun.files(from)).entrySet()) {
      Path target = to.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }
}
