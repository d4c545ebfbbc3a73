package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile in which no {@code @Table} record is left (every one deleted) still runs the processor:
 * the next migration drops the committed tables, and a schema Plinth created for them.
 */
class LastTableDroppedTest {
  private static final JavaFileObject MAIN = JavaFileObjects.forSourceString("app.Main", """
      package app;
      class Main {}
      """);

  @TempDir Path migrations;

  @Test
  void deletingTheLastRecordDropsItsTable() {
    assertThat(compile(JavaFileObjects.forSourceString("app.Account", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email) {}
        """), MAIN)).succeeded();

    Compilation compilation = compile(MAIN);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN307] The migration drops table public.account");
    String v2 = ProcessorRun.files(migrations).get("migration/V2__drop_account.sql");
    assertTrue(v2 != null && v2.contains(
        "ALTER TABLE \"public\".\"account\" SET SCHEMA \"plinth_backup_v2_public\";"),
        "V2 moves account to the backup schema: " + ProcessorRun.files(migrations).keySet());
  }

  @Test
  void deletingTheLastRecordOfASchemaDropsTheSchemaToo() {
    assertThat(compile(JavaFileObjects.forSourceString("app.Invoice", """
        package app;
        import dev.plinth.annotations.*;
        @Table(schema = "billing")
        record Invoice(@Id long id, long cents) {}
        """), MAIN)).succeeded();

    assertThat(compile(MAIN)).succeeded();

    Map<String, String> files = ProcessorRun.files(migrations);
    String v2 = files.entrySet().stream().filter(e -> e.getKey().startsWith("migration/V2__"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    assertTrue(v2 != null && v2.contains(
        "ALTER TABLE \"billing\".\"invoice\" SET SCHEMA \"plinth_backup_v2_billing\";")
        && v2.contains("DROP SCHEMA \"billing\";"), files.keySet() + "\n" + v2);
  }

  @Test
  void aCompileWithoutRecordsChangesNothingWhenNoneWereDeleted() {
    assertThat(compile(MAIN)).succeeded();
    Compilation compilation = compile(MAIN);

    assertThat(compilation).succeeded();
    assertEquals(List.of(), compilation.warnings());
    assertEquals(Map.of(), ProcessorRun.files(migrations), "nothing to write");
  }

  private Compilation compile(JavaFileObject... sources) {
    return ProcessorRun.compile(migrations, List.of(sources));
  }
}
