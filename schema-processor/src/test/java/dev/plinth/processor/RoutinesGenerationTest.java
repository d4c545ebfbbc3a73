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
 * Functions (bodies in resource files next to the migrations folder) and triggers: the golden
 * migrations of creating them, and of a changed body, a changed return type, a retyped column under
 * a trigger's condition and a renamed table; and the errors of their annotations.
 */
class RoutinesGenerationTest {
  @TempDir Path project;

  /** The migrations folder at {@code db} under a resources folder, as in a Maven project. */
  private Path migrations() {
    return project.resolve("resources/db");
  }

  @Test
  void functionsAndTriggersWriteTheGoldenMigrations() throws IOException {
    ProcessorRun.copyResources(project, "routines");
    assertThat(ProcessorRun.compile(migrations(), ProcessorRun.schema("routines"))).succeeded();
    ProcessorRun.copyResources(project, "routines-evolved");
    Compilation evolved = ProcessorRun.compile(migrations(), ProcessorRun.schema("routines-evolved"));

    assertThat(evolved).succeeded();
    ProcessorRun.assertGolden(migrations(), "routines");
  }

  @Test
  void anUnchangedBodyWrittenWithOtherLineEndingsMakesNoMigration() throws IOException {
    ProcessorRun.copyResources(project, "routines");
    assertThat(ProcessorRun.compile(migrations(), ProcessorRun.schema("routines"))).succeeded();
    Path body = project.resolve("resources/fn/touch_updated_at.sql");
    Files.writeString(body, "\n\n" + Files.readString(body).replace("\n", "  \r\n") + "\r\n\r\n");
    Map<String, String> before = ProcessorRun.files(migrations());

    assertThat(ProcessorRun.compile(migrations(), ProcessorRun.schema("routines"))).succeeded();
    assertEquals(before, ProcessorRun.files(migrations()));
  }

  @Test
  void aMissingBodyFileIsReportedOnTheResource() {
    Compilation compilation = ProcessorRun.compile(migrations(), List.of(source("shop.Touch", """
        package shop;

        import dev.plinth.annotations.Function;

        @Function(name = "touch",
            resource = "fn/missing.sql")
        public final class Touch {}
        """)));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN380] @Function public.touch names the resource"
        + " 'fn/missing.sql', which is not found").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("resource = \"fn/missing.sql\"");
  }

  @Test
  void aTriggerOfAnUndeclaredFunctionIsReported() {
    Compilation compilation = ProcessorRun.compile(migrations(), List.of(source("shop.Item", """
        package shop;

        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;
        import dev.plinth.annotations.Trigger;
        import dev.plinth.annotations.TriggerEvent;

        @Trigger(name = "item_touch", events = TriggerEvent.UPDATE,
            function = "touch")
        @Table
        public record Item(@Id long id) {}
        """)));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN386] @Trigger 'item_touch' on public.item"
        + " executes public.touch, which no @Function declares")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("function = \"touch\"");
  }

  @Test
  void aTruncateTriggerForEachRowIsReported() {
    Compilation compilation = ProcessorRun.compile(migrations(), List.of(source("shop.Item", """
        package shop;

        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;
        import dev.plinth.annotations.Trigger;
        import dev.plinth.annotations.TriggerEvent;

        @Trigger(name = "item_wipe", function = "pg_catalog.suppress_redundant_updates_trigger",
            events = {TriggerEvent.TRUNCATE})
        @Table
        public record Item(@Id long id) {}
        """)));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN387] @Trigger 'item_wipe' on public.item fires"
        + " on TRUNCATE for each row").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("events = {TriggerEvent.TRUNCATE}");
  }

  @Test
  void aViewsQueryMayComeFromAResourceFile() throws IOException {
    Path query = project.resolve("resources/views/open_items.sql");
    Files.createDirectories(query.getParent());
    Files.writeString(query, "SELECT id\nFROM item\nWHERE id > 0;\n");
    Compilation compilation = ProcessorRun.compile(migrations(), List.of(source("shop.Item", """
        package shop;

        import dev.plinth.annotations.Id;
        import dev.plinth.annotations.Table;

        @Table
        public record Item(@Id long id) {}
        """), source("shop.OpenItem", """
        package shop;

        import dev.plinth.annotations.View;

        @View(resource = "views/open_items.sql")
        public record OpenItem(long id) {}
        """)));

    assertThat(compilation).succeeded();
    String forward = ProcessorRun.files(migrations()).get("migration/V1__create_item.sql");
    assertTrue(forward.endsWith("""
        CREATE VIEW "public"."open_item" AS
        SELECT id
        FROM item
        WHERE id > 0;
        """), forward);
  }

  @Test
  void aViewWithAMissingQueryFileIsReportedOnTheResource() {
    Compilation compilation = ProcessorRun.compile(migrations(), List.of(source("shop.OpenItem", """
        package shop;

        import dev.plinth.annotations.View;

        @View(
            resource = "views/none.sql")
        public record OpenItem(long id) {}
        """)));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN388] @View on OpenItem names the resource"
        + " 'views/none.sql', which is not found").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("resource = \"views/none.sql\"");
  }

  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }

}
