package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plinth.safety=strict} (the default): constraints added to existing tables are added
 * {@code NOT VALID} in one migration and validated by the next, in a transaction of its own with
 * the longer validation timeout; a column becomes NOT NULL through a check validated the same way.
 */
class StrictPlanTest {
  @TempDir Path migrations;

  private static JavaFileObject author() {
    return JavaFileObjects.forSourceString("app.Author", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Author(@Id long id, String name) {}
        """);
  }

  private static JavaFileObject book(String components, String annotations) {
    return JavaFileObjects.forSourceString("app.Book", """
        package app;
        import dev.plinth.annotations.*;
        %s
        @Table
        record Book(@Id long id, %s) {}
        """.formatted(annotations, components));
  }

  private Map<String, String> newFiles(Map<String, String> before) {
    Map<String, String> after = new TreeMap<>(ProcessorRun.files(migrations));
    after.keySet().removeAll(before.keySet());
    after.keySet().removeIf(name -> !name.contains("/"));
    return after;
  }

  @Test
  void constraintsOnAnExistingTableAreValidatedByAMigrationOfTheirOwn() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(author(),
        book("@Nullable String title, long authorId", "")))).succeeded();
    Map<String, String> v1 = ProcessorRun.files(migrations);

    assertThat(ProcessorRun.compileWith(migrations, List.of(author(),
        book("String title, @References(Author.class) long authorId",
            "@Check(name = \"book_title_short\", value = \"char_length(title) < 200\")"))))
        .succeeded();

    assertEquals(EXPECTED, newFiles(v1));
  }

  @Test
  void aTableCreatedInTheSameMigrationKeepsOneTransaction() {
    assertThat(ProcessorRun.compileWith(migrations, List.of(author(),
        book("String title, @References(Author.class) long authorId",
            "@Check(name = \"book_title_short\", value = \"char_length(title) < 200\")"))))
        .succeeded();

    assertEquals(List.of("migration/V1__create_author_and_book.sql"),
        ProcessorRun.files(migrations).keySet().stream().filter(f -> f.startsWith("migration/")).toList());
  }

  private static final Map<String, String> EXPECTED = Map.of();
}
