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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Backfill}: a column that becomes NOT NULL fills its NULL rows first, in batches, keeping
 * their keys so that the reverse empties exactly them (golden files under
 * {@code src/test/resources/golden/backfill}); misuse is reported on the line marked {@code // here}.
 */
class BackfillTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/backfill");
  private static final String V1 = """
      package app;
      import dev.plinth.annotations.*;
      @Table
      record Account(@Id long id, String email, @Nullable String nickname, String code) {}
      """;

  @TempDir Path migrations;

  private JavaFileObject current;
  private String currentText;

  @Test
  void aBackfilledColumnIsFilledBeforeItBecomesNotNullAndEmptiedAgainByTheReverse() throws IOException {
    Compilation compilation = evolve(V1, """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Backfill("'anonymous'") String nickname, String code) {}
        """);

    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> files = ProcessorRun.files(migrations);
    assertEquals(Files.readString(GOLDEN.resolve("V2.sql")), file(files, "migration/V2__"));
    assertEquals(Files.readString(GOLDEN.resolve("U2.sql")), file(files, "rollback/U2__"));
    String journal = file(files, "schema/V2__");
    assertTrue(journal.contains("      \"backfill\" : {\n"
        + "        \"expression\" : \"'anonymous'\",\n"
        + "        \"key\" : [\n"
        + "          \"id\"\n"
        + "        ]\n"
        + "      }\n"), journal);
    assertTrue(!file(files, "schema/V1__").contains("backfill"), "entries without it do not name it");

    Compilation check = ProcessorRun.compile(migrations, List.of(current), "-Aplinth.check=true");
    assertThat(check).succeeded();
    assertThat(check).hadWarningContaining("[PLN153]");
    assertEquals(files, ProcessorRun.files(migrations), "the journal renders the same files again");
  }

  @Test
  void withoutBackfillTheNotNullWarningNamesIt() {
    Compilation compilation = evolve(V1, """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email,
            String nickname, // here
            String code) {}
        """);

    assertThat(compilation).succeeded();
    assertReported(compilation, "[PLN306] Column 'nickname' of public.account becomes NOT NULL: the"
        + " migration fails if any row holds NULL (it is checked with a NOT VALID constraint first, so"
        + " writes are blocked only briefly). State the value for those rows with"
        + " @Backfill(\"expression\") on the component", false);
  }

  @Test
  void aBlankBackfillIsAnError() {
    Compilation compilation = evolve(V1, """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email,
            @Backfill(" ") String nickname, // here
            String code) {}
        """);

    assertThat(compilation).failed();
    assertReported(compilation, "[PLN109] @Backfill must not be blank. Write the SQL expression that"
        + " rows holding NULL get, e.g. @Backfill(\"'unknown'\"), or remove the annotation.", true);
    assertEquals(5, ProcessorRun.files(migrations).size(), "no migration is written");
  }

  @Test
  void aBackfillOnAColumnThatDoesNotBecomeNotNullIsIgnoredWithAWarning() {
    Compilation compilation = evolve(V1, """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email,
            @Backfill("'anonymous'") @Nullable String nickname, // here
            String code, @Nullable String city) {}
        """);

    assertThat(compilation).succeeded();
    assertReported(compilation, "[PLN153] @Backfill on column 'nickname' of public.account does nothing:"
        + " the column does not become NOT NULL in this compile (it is @Nullable). Remove the"
        + " annotation", false);
    assertTrue(!file(ProcessorRun.files(migrations), "migration/V2__").contains("backfilled"),
        "nothing is filled");
  }

  @Test
  void aBackfillOnATableWithoutPrimaryKeyIsAnError() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Event(String name, @Nullable String place) {}
        """, """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Event(String name,
            @Backfill("'nowhere'") String place) {} // here
        """);

    assertThat(compilation).failed();
    assertReported(compilation, "[PLN154] @Backfill on column 'place' of public.event cannot be undone:"
        + " the table has no primary key", true);
    assertEquals(5, ProcessorRun.files(migrations).size(), "no migration is written");
  }

  private Compilation evolve(String v1, String v2) {
    assertThat(ProcessorRun.compile(migrations, List.of(source(v1)))).succeeded();
    currentText = v2;
    current = source(v2);
    return ProcessorRun.compile(migrations, List.of(current));
  }

  private static JavaFileObject source(String text) {
    String name = text.contains("record Event") ? "app.Event" : "app.Account";
    return JavaFileObjects.forSourceString(name, text);
  }

  /** The one file whose path starts with {@code prefix}. */
  private static String file(Map<String, String> files, String prefix) {
    List<String> found = files.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .map(Map.Entry::getValue).toList();
    assertEquals(1, found.size(), prefix + " in " + files.keySet());
    return found.get(0);
  }

  private void assertReported(Compilation compilation, String text, boolean error) {
    String[] lines = currentText.split("\n");
    int line = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// here")) {
        line = i + 1;
      }
    }
    if (error) {
      assertThat(compilation).hadErrorContaining(text).inFile(current).onLine(line);
    } else {
      assertThat(compilation).hadWarningContaining(text).inFile(current).onLine(line);
    }
  }
}
