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
 * Safety checks on a schema change, each compiled against a committed first version: the finding
 * is reported on the line marked {@code // here}, and an {@code @Acknowledge} silences a warning.
 */
class MigrationLintTest {
  private static final String V1 = """
      package app;
      import dev.plinth.annotations.*;
      @Table
      record Account(@Id long id, String email, @Nullable String nickname, String code) {}
      """;
  private static final String PEOPLE = """
      package app;
      import dev.plinth.annotations.*;
      @Table
      record Person(@Id long id, String name, String email) {}
      """;

  @TempDir Path migrations;

  @Test
  void notNullColumnWithoutDefaultOnAnExistingTableIsAnError() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname, String code,
            int credits) {} // here
        """);

    assertThat(compilation).failed();
    assertReported(compilation, "PLN301", true);
    assertEquals(5, ProcessorRun.files(migrations).size(), "no migration is written");
  }

  @Test
  void anAcknowledgedErrorLetsTheMigrationBeWritten() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname, String code,
            @Acknowledge("PLN301") int credits) {}
        """);

    assertThat(compilation).succeeded();
    assertEquals(8, ProcessorRun.files(migrations).size(), "V2 is written");
  }

  @Test
  void aColumnReplacedByACompatibleOneIsAmbiguous() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname,
            String reference) {} // here
        """);

    assertThat(compilation).failed();
    assertReported(compilation, "PLN310", true);
    assertThat(compilation).hadErrorContaining("@RenamedFrom(\"code\")");
    assertThat(compilation).hadErrorContaining("@Dropped(columns = \"code\")");
  }

  @Test
  void statingTheRenameOrTheDropResolvesTheAmbiguity() {
    Compilation renamed = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname,
            @RenamedFrom("code") String reference) {}
        """);
    assertThat(renamed).succeeded();
    String v2 = ProcessorRun.files(migrations).get("migration/V2__rename_account_code.sql");
    assertTrue(v2 != null && v2.contains("RENAME COLUMN \"code\" TO \"reference\""), String.valueOf(v2));
  }

  @Test
  void statedDropIsAWarningNamingTheData() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Dropped(columns = "code") // here
        record Account(@Id long id, String email, @Nullable String nickname,
            @Nullable String reference) {}
        """);

    assertEquals(List.of(), compilation.errors(), "no errors");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN308] The migration drops column 'code' (text)");
  }

  @Test
  void aTableReplacedByASimilarOneIsAmbiguous() {
    Path folder = migrations;
    assertThat(ProcessorRun.compile(folder, List.of(source(PEOPLE)))).succeeded();
    JavaFileObject member = source("""
        package app;
        import dev.plinth.annotations.*;
        @Table // here
        record Member(@Id long id, String name, String email, @Nullable String phone) {}
        """);

    Compilation compilation = ProcessorRun.compile(folder, List.of(member));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN311]").inFile(member).onLine(3);
  }

  @Test
  void anIndexOnAnExistingTableWithoutConcurrentlyIsAWarningUnlessAcknowledged() {
    Compilation warned = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Index(columns = "email") // here
        record Account(@Id long id, String email, @Nullable String nickname, String code) {}
        """);
    assertThat(warned).succeeded();
    assertReported(warned, "PLN304", false);

    Compilation acknowledged = ProcessorRun.compile(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Acknowledge("PLN304")
        @Index(columns = {"email", "code"})
        record Account(@Id long id, String email, @Nullable String nickname, String code) {}
        """)));
    assertThat(acknowledged).succeededWithoutWarnings();
  }

  @Test
  void typeChangesThatRewriteAndNullabilityChangesAreWarnings() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email,
            String nickname, // here
            int code) {}
        """);

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN306", false);
    assertThat(compilation).hadWarningContaining("[PLN303] Changing column 'code' of public.account from text to integer");
    String v2 = ProcessorRun.files(migrations).values().stream().filter(f -> f.contains("SET NOT NULL"))
        .findFirst().orElseThrow();
    assertTrue(v2.contains("ADD CONSTRAINT \"account_nickname_not_null\" CHECK (\"nickname\" IS NOT NULL) NOT VALID;\n"
        + "ALTER TABLE \"public\".\"account\" VALIDATE CONSTRAINT \"account_nickname_not_null\";\n"
        + "ALTER TABLE \"public\".\"account\" ALTER COLUMN \"nickname\" SET NOT NULL;"), v2);
  }

  @Test
  void aTableWithoutPrimaryKeyIsAWarning() {
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Event(String name) {}
        """)));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN312] Table public.event has no primary key");
  }

  @Test
  void aColumnAddedToATableWithoutPrimaryKeyWarnsThatRollingBackDropsItsValues() {
    assertThat(ProcessorRun.compile(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Acknowledge("PLN312")
        record Event(String name) {}
        """)))).succeededWithoutWarnings();
    currentText = """
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Acknowledge("PLN312")
        record Event(String name,
            @Nullable String place) {} // here
        """;
    current = source(currentText);

    Compilation compilation = ProcessorRun.compile(migrations, List.of(current));

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN314", false);
    assertThat(compilation).hadWarningContaining("[PLN314] Rolling this migration back cannot keep the values"
        + " written into column 'place' of public.event since it was added: the table has no primary key");
  }

  @Test
  void aColumnAddedToATableWithAPrimaryKeyIsKeptByRollingBackWithoutWarning() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname, String code,
            @Nullable String city) {}
        """);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void removingAnEnumValueWarnsThatRowsHoldingItMakeTheMigrationFail() {
    assertThat(ProcessorRun.compile(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Job(@Id long id, State state) { enum State { NEW, OLD, DONE } }
        """)))).succeeded();

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Job(@Id long id, State state) { enum State { NEW, DONE } }
        """)));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN313] The migration removes value(s) [OLD] from enum type public.state");
  }

  @Test
  void reorderingEnumValuesWarnsThatItRewritesTheTablesUsingIt() {
    assertThat(ProcessorRun.compile(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Job(@Id long id, State state) { enum State { NEW, OLD, DONE } }
        """)))).succeeded();
    String reordered = """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Job(@Id long id, State state) { enum State { NEW, DONE, OLD } }
        """;

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(reordered)));
    Compilation acknowledged = ProcessorRun.compile(migrations, List.of(source(reordered
        .replace("@Table", "@Table @Acknowledge(\"PLN323\")").replace("DONE, OLD", "OLD, DONE"))));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN323] Enum type public.state is rebuilt to put its"
        + " values in a new order ([NEW, OLD, DONE] becomes [NEW, DONE, OLD])");
    assertThat(acknowledged).succeededWithoutWarnings();
  }

  @Test
  void droppingTheKeyColumnSaysOnlyThatItsValuesAreKept() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Dropped(columns = "id")
        record Account(String email, @Nullable String nickname, String code) {}
        """);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN308] The migration drops column 'id' (bigint)");
    assertTrue(compilation.warnings().stream().noneMatch(w -> w.getMessage(null).contains("PLN309")),
        String.valueOf(compilation.warnings()));
    String v2 = ProcessorRun.files(migrations).entrySet().stream()
        .filter(e -> e.getKey().startsWith("migration/V2__")).map(Map.Entry::getValue)
        .findFirst().orElse(null);
    assertTrue(v2 != null && v2.contains("SELECT \"email\"::text AS \"email\", \"nickname\"::text AS"
        + " \"nickname\", \"code\"::text AS \"code\", \"id\" FROM \"public\".\"account\";"), String.valueOf(v2));
  }

  @Test
  void renamingATableWarnsAtTheRecordThatRunningClientsBreak() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table // here
        @RenamedFrom("account")
        record Customer(@Id long id, String email, @Nullable String nickname, String code) {}
        """);

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN315", false);
    assertThat(compilation).hadWarningContaining("[PLN315] Table public.account is renamed to"
        + " public.customer, so clients still running the old code");
  }

  @Test
  void renamingAColumnWarnsAtTheComponentHowToStageIt() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname,
            @RenamedFrom("code") String reference) {} // here
        """);

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN316", false);
    assertThat(compilation).hadWarningContaining("Stage it (expand, then contract): add 'reference'"
        + " as a new column, write both and backfill, move the readers to it, and drop 'code' in a"
        + " later release");
  }

  @Test
  void anAcknowledgedRenameIsSilent() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname,
            @Acknowledge("PLN316") @RenamedFrom("code") String reference) {}
        """);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aTypeChangeWarnsThatRunningClientsMayBreak() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname,
            @Acknowledge("PLN303") long code) {} // here
        """);

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN317", false);
    assertThat(compilation).hadWarningContaining("[PLN317] Column 'code' of public.account changes type"
        + " from text to bigint");
  }

  @Test
  void droppingNotNullWarnsThatRunningClientsExpectAValue() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, @Nullable String email, // here
            @Nullable String nickname, String code) {}
        """);

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN318", false);
    assertThat(compilation).hadWarningContaining("[PLN318] Column 'email' of public.account becomes"
        + " nullable");

    Compilation acknowledged = ProcessorRun.compile(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, @Nullable String email, @Nullable String nickname,
            @Acknowledge("PLN318") @Nullable String code) {}
        """)));
    assertThat(acknowledged).succeededWithoutWarnings();
  }

  @Test
  void aPrimaryKeyAddedToAnExistingTableWarnsAboutTheLockedIndexBuild() {
    assertThat(ProcessorRun.compile(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Acknowledge("PLN312")
        record Event(String name) {}
        """)))).succeededWithoutWarnings();
    currentText = """
        package app;
        import dev.plinth.annotations.*;
        @Table // here
        record Event(@Id String name) {}
        """;
    current = source(currentText);

    Compilation compilation = ProcessorRun.compile(migrations, List.of(current));

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN319", false);
    assertThat(compilation).hadWarningContaining("[PLN319] Primary key event_pkey on existing table"
        + " public.event builds its unique index while the table is locked");
  }

  @Test
  void columnsAddedToAnExistingTableGetTypeHintsAtTheirComponents() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname, String code,
            @Nullable Integer visits,
            @Nullable java.time.LocalDateTime seenAt,
            @Nullable @Column(length = 40) String city, @Nullable int[] scores) {}
        """);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[PLN320] Column 'scores' of public.account is integer[],"
        + " which holds at most 2147483647").inFile(current).onLineContaining("int[] scores");
    assertThat(compilation).hadNoteContaining("[PLN320] Column 'visits' of public.account is integer,"
        + " which holds at most 2147483647").inFile(current).onLineContaining("Integer visits");
    assertThat(compilation).hadNoteContaining("[PLN321] Column 'seen_at' of public.account is"
        + " timestamp without time zone (LocalDateTime)").inFile(current).onLineContaining("seenAt");
    assertThat(compilation).hadNoteContaining("[PLN322] Column 'city' of public.account is character"
        + " varying(40)").inFile(current).onLineContaining("city");
    assertThat(compilation).hadNoteContaining("@Check(\"char_length(city) <= 40\")");
  }

  @Test
  void typeHintsAreSilencedByAcknowledgeAndLeaveNewTablesAlone() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname, String code,
            @Acknowledge("PLN320") @Nullable Integer visits) {}
        """);
    Compilation created = ProcessorRun.compile(migrations, List.of(current, source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Visit(@Id int id, short floor, java.time.LocalDateTime at, @Column(length = 9) String room) {}
        """)));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(created).succeededWithoutWarnings();
    assertEquals(List.of(), notes(compilation, "[PLN32"), "acknowledged");
    assertEquals(List.of(), notes(created, "[PLN32"), "a new table gets no hints");
  }

  private static List<String> notes(Compilation compilation, String text) {
    return compilation.notes().stream().map(n -> n.getMessage(null)).filter(m -> m.contains(text))
        .toList();
  }

  @Test
  void aUniqueConstraintAttachedToAConcurrentBuildOnlyWarnsOfRepeatedValues() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(source(V1)))).succeeded();
    currentText = """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname,
            @Unique String code) {} // here
        """;
    current = source(currentText);

    Compilation compilation = ProcessorRun.compileWith(migrations, List.of(current));

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN305", false);
    assertThat(compilation).hadWarningContaining("[PLN305] Unique constraint account_code_key on existing"
        + " table public.account fails if existing rows repeat a value. Check the data, or"
        + " @Acknowledge(\"PLN305\").");
  }

  @Test
  void aPrimaryKeyAttachedToAConcurrentBuildOnlyWarnsOfRepeatedValuesAndNulls() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(source("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Event(String name) {}
        """)))).succeeded();
    currentText = """
        package app;
        import dev.plinth.annotations.*;
        @Table // here
        record Event(@Id String name) {}
        """;
    current = source(currentText);

    Compilation compilation = ProcessorRun.compileWith(migrations, List.of(current));

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN319", false);
    assertThat(compilation).hadWarningContaining("[PLN319] Primary key event_pkey on existing table"
        + " public.event fails if rows repeat a value or hold NULL. Check the data, or"
        + " @Acknowledge(\"PLN319\") on the record.");
  }

  @Test
  void aUniqueConstraintBuiltInTheTransactionAlsoWarnsOfTheLock() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, String email, @Nullable String nickname,
            @Unique String code) {} // here
        """);

    assertThat(compilation).succeeded();
    assertReported(compilation, "PLN305", false);
    assertThat(compilation).hadWarningContaining("[PLN305] Unique constraint account_code_key on existing"
        + " table public.account builds its index under a lock that blocks writes, and fails if existing"
        + " rows repeat a value.");
  }

  private Compilation evolve(String v2) {
    assertThat(ProcessorRun.compile(migrations, List.of(source(V1)))).succeeded();
    current = source(v2);
    currentText = v2;
    return ProcessorRun.compile(migrations, List.of(current));
  }

  private JavaFileObject current;
  private String currentText;

  private void assertReported(Compilation compilation, String id, boolean error) {
    String[] lines = currentText.split("\n");
    int line = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// here")) {
        line = i + 1;
      }
    }
    if (error) {
      assertThat(compilation).hadErrorContaining("[" + id + "]").inFile(current).onLine(line);
    } else {
      assertThat(compilation).hadWarningContaining("[" + id + "]").inFile(current).onLine(line);
    }
  }

  private static JavaFileObject source(String text) {
    String name = text.substring(text.indexOf("record ") + 7, text.indexOf('(', text.indexOf("record ")));
    return JavaFileObjects.forSourceString("app." + name, text);
  }
}
