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
 * A view's options ({@code securityBarrier}, {@code checkOption}, {@code securityInvoker}) and
 * comment, where they cannot be, and the warning when a view is created again without what
 * {@code plinth.external} says a hand-written migration gave it; compiled by javac.
 */
class ViewOptionsTest {
  private static final String USER = """
      package app;
      import dev.plinth.annotations.*;
      @Table
      record AppUser(@Id long id, String email, String team) {}
      """;
  private static final String USER_RENAMED = """
      package app;
      import dev.plinth.annotations.*;
      @Table
      record AppUser(@Id long id, String email, @RenamedFrom("team") String squad) {}
      """;

  @TempDir Path migrations;

  private JavaFileObject current;

  @Test
  void optionsAndCommentAreCreatedWithTheView() {
    current = source("""
        package app;
        import dev.plinth.annotations.*;
        @View(sql = "SELECT id, email FROM app_user WHERE team <> 'banned'", securityBarrier = true,
            checkOption = CheckOption.CASCADED, comment = "Users not banned")
        record ActiveUser(long id, String email) {}
        """);
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(USER), current));

    assertThat(compilation).succeeded();
    assertTrue(migration("V1").contains("CREATE VIEW \"public\".\"active_user\" WITH (security_barrier=true) AS\n"
        + "SELECT id, email FROM app_user WHERE team <> 'banned'\nWITH CASCADED CHECK OPTION;\n"
        + "COMMENT ON VIEW \"public\".\"active_user\" IS 'Users not banned';\n"), migration("V1"));
  }

  @Test
  void aRenamedColumnUnderAViewWithOptionsCreatesItAgainWithThemBothWays() {
    String view = """
        package app;
        import dev.plinth.annotations.*;
        @View(sql = "SELECT id, email, %s FROM app_user", securityBarrier = true,
            checkOption = CheckOption.LOCAL, comment = "Users")
        record ActiveUser(long id, String email, String %s) {}
        """;
    assertThat(ProcessorRun.compile(migrations, List.of(source(USER),
        source(view.formatted("team", "team"))))).succeeded();
    current = source(view.formatted("squad", "squad"));
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(USER_RENAMED), current));

    assertThat(compilation).succeeded();
    String created = "CREATE VIEW \"public\".\"active_user\" WITH (security_barrier=true) AS\n"
        + "SELECT id, email, %s FROM app_user\nWITH LOCAL CHECK OPTION;\n"
        + "COMMENT ON VIEW \"public\".\"active_user\" IS 'Users';\n";
    assertTrue(migration("V2").contains(created.formatted("squad")), migration("V2"));
    assertTrue(migration("U2").contains(created.formatted("team")), migration("U2"));
  }

  @Test
  void optionsChangedAloneAreAlteredInPlaceAndTheReverseRestoresThem() {
    assertThat(ProcessorRun.compile(migrations, List.of(source(USER), source("""
        package app;
        import dev.plinth.annotations.*;
        @View(sql = "SELECT id, email FROM app_user", checkOption = CheckOption.CASCADED,
            comment = "Old")
        record ActiveUser(long id, String email) {}
        """)))).succeeded();
    current = source("""
        package app;
        import dev.plinth.annotations.*;
        @View(sql = "SELECT id, email FROM app_user", securityBarrier = true)
        record ActiveUser(long id, String email) {}
        """);
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(USER), current));

    assertThat(compilation).succeeded();
    assertEquals("ALTER VIEW \"public\".\"active_user\" RESET (check_option);\n"
        + "ALTER VIEW \"public\".\"active_user\" SET (security_barrier=true);\n"
        + "COMMENT ON VIEW \"public\".\"active_user\" IS NULL;\n", body(migration("V2")));
    assertEquals("ALTER VIEW \"public\".\"active_user\" RESET (security_barrier);\n"
        + "ALTER VIEW \"public\".\"active_user\" SET (check_option=cascaded);\n"
        + "COMMENT ON VIEW \"public\".\"active_user\" IS 'Old';\n", body(migration("U2")));
  }

  @Test
  void securityInvokerNeedsPostgres15() {
    current = source("""
        package app;
        import dev.plinth.annotations.*;
        @View(sql = "SELECT id, email FROM app_user",
            securityInvoker = true)
        record ActiveUser(long id, String email) {}
        """);
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(USER), current));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN119] @View(securityInvoker = true) (a view WITH"
        + " (security_invoker=true)) needs PostgreSQL 15 or later, but the migrations target PostgreSQL 14")
        .inFile(current).onLineContaining("securityInvoker = true");

    Compilation on15 = ProcessorRun.compile(migrations, List.of(source(USER), current),
        "-Aplinth.postgres=15");
    assertThat(on15).succeeded();
    assertTrue(migration("V1").contains("CREATE VIEW \"public\".\"active_user\" WITH (security_invoker=true) AS\n"),
        migration("V1"));
  }

  @Test
  void anOptionOfAViewOnAMaterializedViewIsAnError() {
    current = source("""
        package app;
        import dev.plinth.annotations.*;
        @View(sql = "SELECT id, email FROM app_user", materialized = true,
            checkOption = CheckOption.LOCAL)
        record UserCopy(long id, String email) {}
        """);
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(USER), current));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN413] @View(checkOption) on UserCopy is an option of"
        + " a view, and UserCopy is materialized").inFile(current).onLineContaining("checkOption =");
  }

  @Test
  void aViewCreatedAgainWithoutWhatPlinthExternalListsForItWarnsAtItsRecord() throws IOException {
    String view = """
        package app;
        import dev.plinth.annotations.*;
        %s
        @View(sql = "SELECT id, email, %s FROM app_user", securityBarrier = true)
        record ActiveUser(long id, String email, String %s) {}
        """;
    assertThat(ProcessorRun.compile(migrations, List.of(source(USER),
        source(view.formatted("", "team", "team"))))).succeeded();
    Files.writeString(migrations.resolve("plinth.external"), """
        # V2__not_modelled.sql
        format 1
        view-options public.active_user
        comment public.active_user
        trigger public.active_user.active_user_insert
        rule public.active_user.active_user_upd
        trigger public.app_user.user_audit
        view public.legacy
        """);
    current = source(view.formatted("", "squad", "squad"));
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(USER_RENAMED), current));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN414] Migration V2 or its rollback drops view"
        + " public.active_user and creates it again from its record, but plinth.external lists what a hand-written"
        + " migration gave it and the record does not declare (comment public.active_user, rule"
        + " public.active_user.active_user_upd, trigger public.active_user.active_user_insert)")
        .inFile(current).onLineContaining("@View");
    assertThat(compilation).hadWarningContaining("write the hand-written migration"
        + " V2_1__restore_active_user.sql (and its reverse rollback/U2_1__restore_active_user.sql)");
  }

  @Test
  void theWarningIsAcknowledgedOnTheRecordAndSilentWithoutPlinthExternal() throws IOException {
    String view = """
        package app;
        import dev.plinth.annotations.*;
        %s
        @View(sql = "SELECT id, email, %s FROM app_user")
        record ActiveUser(long id, String email, String %s) {}
        """;
    assertThat(ProcessorRun.compile(migrations, List.of(source(USER),
        source(view.formatted("", "team", "team"))))).succeeded();
    Compilation silent = ProcessorRun.compile(migrations, List.of(source(USER_RENAMED),
        source(view.formatted("", "squad", "squad"))));
    assertThat(silent).succeeded();
    assertEquals(List.of(), silent.warnings().stream()
        .filter(w -> w.getMessage(null).contains("PLN414")).toList());

    Files.walk(migrations).filter(Files::isRegularFile).filter(f -> f.toString().contains("V2__")
        || f.toString().contains("U2__")).toList().forEach(f -> f.toFile().delete());
    Files.writeString(migrations.resolve("plinth.external"), "format 1\nview-options public.active_user\n");
    Compilation acknowledged = ProcessorRun.compile(migrations, List.of(source(USER_RENAMED),
        source(view.formatted("@Acknowledge(\"PLN414\")", "squad", "squad"))));
    assertThat(acknowledged).succeeded();
    assertEquals(List.of(), acknowledged.warnings().stream()
        .filter(w -> w.getMessage(null).contains("PLN414")).toList());
  }

  private String migration(String prefix) {
    return ProcessorRun.files(migrations).entrySet().stream()
        .filter(e -> Path.of(e.getKey()).getFileName().toString().startsWith(prefix + "__")
            && e.getKey().endsWith(".sql"))
        .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(
            "no " + prefix + " in " + ProcessorRun.files(migrations).keySet()));
  }

  /** The statements of a script, without its comment lines and settings. */
  private static String body(String script) {
    StringBuilder out = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.isBlank() && !line.startsWith("--") && !line.startsWith("SET ")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static JavaFileObject source(String text) {
    String name = text.substring(text.indexOf("record ") + 7, text.indexOf('(', text.indexOf("record ")));
    return JavaFileObjects.forSourceString("app." + name, text);
  }
}
