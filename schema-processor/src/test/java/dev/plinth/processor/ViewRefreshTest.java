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
 * {@code @View(refresh)}: the refresh a raise asks for, the lint on one that locks readers out, and
 * refresh where it cannot be; each compiled by javac against a committed first version.
 */
class ViewRefreshTest {
  private static final String SALE = """
      package app;
      import dev.plinth.annotations.*;
      @Table
      record Sale(@Id long id, String region, long amount) {}
      """;

  @TempDir Path migrations;

  @Test
  void aRefreshWithoutAUniqueIndexWarnsThatReadersWaitAndSaysHowToFixIt() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, sql = "SELECT region, count(*) AS sales FROM sale GROUP BY region")
        record RegionCount(String region, long sales) {}
        """, """
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, refresh = 1,
            sql = "SELECT region, count(*) AS sales FROM sale GROUP BY region")
        record RegionCount(String region, long sales) {}
        """);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[PLN410] Materialized view public.region_count is"
        + " refreshed without CONCURRENTLY: REFRESH MATERIALIZED VIEW holds an ACCESS EXCLUSIVE lock")
        .inFile(current).onLineContaining("@View");
    assertThat(compilation).hadWarningContaining("Give the view a unique index on plain columns");
    assertTrue(migration("V2").contains("REFRESH MATERIALIZED VIEW \"public\".\"region_count\";\n"),
        migration("V2"));
  }

  @Test
  void aUniqueIndexOnPlainColumnsMakesTheRefreshConcurrentAndSilencesTheLint() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, sql = "SELECT region, count(*) AS sales FROM sale GROUP BY region")
        @Index(columns = "region", unique = true)
        record RegionCount(String region, long sales) {}
        """, """
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, refresh = 1,
            sql = "SELECT region, count(*) AS sales FROM sale GROUP BY region")
        @Index(columns = "region", unique = true)
        record RegionCount(String region, long sales) {}
        """);

    assertThat(compilation).succeeded();
    assertEquals(List.of(), compilation.warnings().stream()
        .filter(w -> w.getMessage(null).contains("PLN410")).toList());
    assertEquals("REFRESH MATERIALIZED VIEW CONCURRENTLY \"public\".\"region_count\";\n",
        body(migration("V2")));
    assertEquals("REFRESH MATERIALIZED VIEW CONCURRENTLY \"public\".\"region_count\";\n",
        body(migration("U2")));
  }

  @Test
  void anExpressionIndexDoesNotAllowConcurrentlyAndAnAcknowledgementSilencesTheLint() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, sql = "SELECT region, count(*) AS sales FROM sale GROUP BY region")
        @Index(columns = "lower(region)", unique = true)
        record RegionCount(String region, long sales) {}
        """, """
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, refresh = 1,
            sql = "SELECT region, count(*) AS sales FROM sale GROUP BY region")
        @Index(columns = "lower(region)", unique = true)
        @Acknowledge("PLN410")
        record RegionCount(String region, long sales) {}
        """);

    assertThat(compilation).succeeded();
    assertEquals(List.of(), compilation.warnings().stream()
        .filter(w -> w.getMessage(null).contains("PLN410")).toList());
    assertEquals("REFRESH MATERIALIZED VIEW \"public\".\"region_count\";\n", body(migration("V2")));
  }

  @Test
  void aViewCreatedAgainWithDataIsNotRefreshedAsWell() {
    Compilation compilation = evolve("""
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, sql = "SELECT region, count(*) AS sales FROM sale GROUP BY region")
        record RegionCount(String region, long sales) {}
        """, """
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, refresh = 1,
            sql = "SELECT region, count(*) AS sales FROM sale WHERE amount > 0 GROUP BY region")
        record RegionCount(String region, long sales) {}
        """);

    assertThat(compilation).succeeded();
    String v2 = migration("V2");
    assertTrue(v2.contains("CREATE MATERIALIZED VIEW \"public\".\"region_count\""), v2);
    assertTrue(!v2.contains("REFRESH"), v2);
  }

  @Test
  void refreshOnAViewThatIsNotMaterializedIsAnErrorThatSaysWhatToDo() {
    current = source("""
        package app;
        import dev.plinth.annotations.*;
        @View(refresh = 1, sql = "SELECT region FROM sale")
        record Region(String region) {}
        """);
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(SALE), current));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN411] @View(refresh = 1) on Region asks to refresh"
        + " a view that is not materialized").inFile(current).onLineContaining("refresh = 1");
    assertThat(compilation).hadErrorContaining("Remove refresh, or add materialized = true.");
    assertEquals(Map.of(), ProcessorRun.files(migrations), "nothing is written");
  }

  @Test
  void aNegativeRefreshIsAnError() {
    current = source("""
        package app;
        import dev.plinth.annotations.*;
        @View(materialized = true, refresh = -1, sql = "SELECT region FROM sale")
        record Region(String region) {}
        """);
    Compilation compilation = ProcessorRun.compile(migrations, List.of(source(SALE), current));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN412] @View(refresh = -1) on Region is negative")
        .inFile(current).onLineContaining("refresh = -1");
  }

  private JavaFileObject current;

  private Compilation evolve(String v1, String v2) {
    assertThat(ProcessorRun.compile(migrations, List.of(source(SALE), source(v1)))).succeeded();
    current = source(v2);
    return ProcessorRun.compile(migrations, List.of(source(SALE), current));
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
