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
 * Diagnostics that the one-file negative tests cannot show: warnings (the compile succeeds),
 * processor options, and annotations judged against the committed schema.
 */
class DiagnosticsTest {
  private static final String RENAMED_FROM_UNMATCHED_FIX = " matches nothing in the committed"
      + " schema, so it is ignored and %s is created as new. Write the previous name there, or"
      + " remove the annotation.";

  @TempDir Path migrations;

  @Test
  void setNullOnDeleteOfANotNullColumnIsAWarning() {
    JavaFileObject source = source("app.Member", """
        package app;
        import dev.plinth.annotations.*;
        class Member {
          @Table record Org(@Id long id) {}
          @Table record Person(@Id long id,
              @References(value = Org.class, onDelete = ReferentialAction.SET_NULL) long orgId) {}
        }
        """);

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN141] @References on 'orgId' has onDelete ="
        + " SET_NULL, but column 'org_id' is NOT NULL, so deleting a referenced row fails instead of"
        + " setting it to NULL. Make the column @Nullable, or choose another action (CASCADE,"
        + " RESTRICT or NO_ACTION).").inFile(source).onLine(6);
    assertEquals(1, compilation.warnings().size(), compilation.warnings().toString());
  }

  @Test
  void plinthAnnotationsOutsideATableRecordAreReportedAsIgnored() {
    JavaFileObject draft = source("app.Draft", """
        package app;
        import dev.plinth.annotations.*;
        @Index(columns = "name")
        record Draft(@Id long id, @Column(length = 20) String name) {}
        """);
    JavaFileObject entity = source("app.Entity", """
        package app;
        import dev.plinth.annotations.*;
        class Entity {
          @Column(name = "e_mail") String email;
        }
        """);
    JavaFileObject table = source("app.Account", """
        package app;
        import dev.plinth.annotations.*;
        @Table record Account(@Id long id) {}
        """);

    Compilation compilation = ProcessorRun.compile(migrations, List.of(draft, entity, table));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN150] Record app.Draft has @Index, @Id and"
        + " @Column but no @Table, so Plinth ignores them. Add @Table to make it a table, or remove"
        + " them.").inFile(draft).onLine(4);
    assertThat(compilation).hadWarningContaining("[PLN150] Class app.Entity has @Column but no"
        + " @Table, so Plinth ignores it. Plinth reads tables from records annotated @Table:"
        + " declare the table as one, or remove the annotation.").inFile(entity).onLine(3);
    assertEquals(2, compilation.warnings().size(), compilation.warnings().toString());
  }

  @Test
  void aRecordWithoutTableIsReportedEvenWhenNoRecordHasOne() {
    JavaFileObject draft = source("app.Draft", """
        package app;
        import dev.plinth.annotations.*;
        record Draft(@Id long id) {}
        """);

    Compilation compilation = ProcessorRun.compile(migrations, List.of(draft));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN150] Record app.Draft has @Id but no @Table,"
        + " so Plinth ignores it. Add @Table to make it a table, or remove it.").inFile(draft).onLine(3);
  }

  @Test
  void unknownAcknowledgedIdsAreReported() {
    JavaFileObject source = source("app.Account", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        @Acknowledge({"PLN304", "PLN999"})
        record Account(@Id long id,
            @Acknowledge("PLN210") String email) {}
        """);

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source));

    assertThat(compilation).succeeded();
    String acknowledgeable = "PLN301, PLN302, PLN303, PLN304, PLN305, PLN306, PLN307, PLN308,"
        + " PLN309, PLN312, PLN313, PLN315, PLN316, PLN317, PLN318, PLN319, PLN320, PLN321, PLN322, PLN323, PLN324, PLN325,"
        + " PLN340, PLN351, PLN352, PLN353, PLN354, PLN361, PLN394, PLN395, PLN408, PLN409, PLN410, PLN414";
    assertThat(compilation).hadWarningContaining("[PLN151] @Acknowledge names PLN999, which is not"
        + " a warning that can be acknowledged, so it has no effect. Acknowledge one of "
        + acknowledgeable + ", or remove it.").inFile(source).onLine(4);
    assertThat(compilation).hadWarningContaining("[PLN151] @Acknowledge names PLN210, which is not"
        + " a warning that can be acknowledged").inFile(source).onLine(6);
    assertEquals(2, compilation.warnings().size(), compilation.warnings().toString());
  }

  @Test
  void renamedFromTakesTheJavaNameOfTheOldComponent() {
    assertThat(ProcessorRun.compile(migrations, List.of(account("String displayName")))).succeeded();

    Compilation compilation = ProcessorRun.compile(migrations,
        List.of(account("@Acknowledge(\"PLN316\") @RenamedFrom(\"displayName\") String fullName")));

    assertThat(compilation).succeededWithoutWarnings();
    String v2 = v2();
    assertTrue(v2.contains("ALTER TABLE \"public\".\"account\" RENAME COLUMN \"display_name\" TO"
        + " \"full_name\";"), v2);
  }

  @Test
  void renamedFromThatMatchesNothingIsReported() {
    assertThat(ProcessorRun.compile(migrations, List.of(account("String email")))).succeeded();
    JavaFileObject source = account("String email,\n    @Nullable @RenamedFrom(\"nick\") String nickname");

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN152] @RenamedFrom(\"nick\") on column"
        + " 'nickname' of table public.account" + RENAMED_FROM_UNMATCHED_FIX.formatted("the column"))
        .inFile(source).onLine(5);
    assertEquals(1, compilation.warnings().size(), compilation.warnings().toString());
    assertTrue(v2().contains("ADD COLUMN \"nickname\" text;"), v2());
    assertThat(ProcessorRun.compile(migrations, List.of(source))).succeededWithoutWarnings();
  }

  @Test
  void renamedFromOnANewTableThatMatchesNothingIsReported() {
    assertThat(ProcessorRun.compile(migrations, List.of(account("String email")))).succeeded();
    JavaFileObject client = source("app.Client", """
        package app;
        import dev.plinth.annotations.*;
        @Table @RenamedFrom("customer")
        record Client(@Id long id) {}
        """);

    Compilation compilation = ProcessorRun.compile(migrations, List.of(account("String email"), client));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN152] @RenamedFrom(\"customer\") on table"
        + " public.client" + RENAMED_FROM_UNMATCHED_FIX.formatted("the table"))
        .inFile(client).onLine(3);
  }

  @Test
  void anInvalidLockTimeoutIsAnErrorNamingTheOption() {
    Compilation compilation = ProcessorRun.compile(migrations, List.of(account("String email")),
        "-Aplinth.lockTimeout=5 seconds");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN230] -Aplinth.lockTimeout=5 seconds is not"
        + " valid: a lock timeout is a whole number with an optional unit (us, ms, s, min, h or d;"
        + " without one it is milliseconds), or off for none. Example: -Aplinth.lockTimeout=5s.");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    assertEquals(Map.of(), ProcessorRun.files(migrations));
  }

  @Test
  void anInvalidStatementTimeoutIsAnErrorNamingTheOption() {
    Compilation compilation = ProcessorRun.compile(migrations, List.of(account("String email")),
        "-Aplinth.statementTimeout=a minute");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN230] -Aplinth.statementTimeout=a minute is not"
        + " valid: a statement timeout is a whole number with an optional unit (us, ms, s, min, h or d;"
        + " without one it is milliseconds), or off for none. Example: -Aplinth.statementTimeout=1min.");
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    assertEquals(Map.of(), ProcessorRun.files(migrations));
  }

  @Test
  void aSafetyThatIsNeitherStrictNorRelaxedIsAnError() {
    Compilation compilation = ProcessorRun.compile(migrations, List.of(account("String email")),
        "-Aplinth.safety=loose");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN230] -Aplinth.safety=loose is not valid: it is"
        + " strict (constraints added to existing tables are validated by a migration of their own, so"
        + " that writes are blocked only briefly) or relaxed (one transaction, for small tables)."
        + " Example: -Aplinth.safety=relaxed.");
    assertEquals(Map.of(), ProcessorRun.files(migrations));
  }

  @Test
  void aBooleanOptionThatIsNeitherTrueNorFalseIsAnError() {
    Compilation compilation = ProcessorRun.compile(migrations, List.of(account("String email")),
        "-Aplinth.check=yes");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN230] -Aplinth.check=yes is not valid: it is"
        + " true or false. Example: -Aplinth.check=true.");
    assertEquals(Map.of(), ProcessorRun.files(migrations));
  }

  @Test
  void aTargetPostgresOlderThanPlinthSupportsIsAnError() {
    Compilation compilation = ProcessorRun.compile(migrations, List.of(account("String email")),
        "-Aplinth.postgres=13");

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN230] -Aplinth.postgres=13 is not valid: it is"
        + " the oldest PostgreSQL major version the migrations run on, 14 or later."
        + " Example: -Aplinth.postgres=16.");
    assertEquals(Map.of(), ProcessorRun.files(migrations));
  }

  @Test
  void namedNotNullConstraintsCompileForPostgres18() {
    Compilation compilation = ProcessorRun.compile(migrations,
        List.of(account("@Column(notNullName = \"account_email_present\") String email")),
        "-Aplinth.postgres=18");

    assertThat(compilation).succeeded();
    assertTrue(v1().contains("\"email\" text CONSTRAINT \"account_email_present\" NOT NULL,"), v1());
  }

  private String v1() {
    return ProcessorRun.files(migrations).entrySet().stream()
        .filter(e -> e.getKey().startsWith("migration/V1__")).map(Map.Entry::getValue)
        .findFirst().orElseThrow();
  }

  private String v2() {
    return ProcessorRun.files(migrations).entrySet().stream()
        .filter(e -> e.getKey().startsWith("migration/V2__")).map(Map.Entry::getValue)
        .findFirst().orElseThrow();
  }

  private static JavaFileObject account(String components) {
    return source("app.Account", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Account(@Id long id, %s) {}
        """.formatted(components));
  }

  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }
}
