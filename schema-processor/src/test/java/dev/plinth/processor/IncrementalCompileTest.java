package dev.plinth.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IDEs recompile only changed files: records that are not in the compilation but exist as class
 * files are unchanged tables, not dropped ones. Only a deleted class is a dropped table.
 */
class IncrementalCompileTest {
  private static final Path BASIC = Path.of("src/test/resources/schemas/basic/app");

  @TempDir Path work;

  @Test
  void recompilingOneRecordAgainstTheOthersClassFilesChangesNothing() throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path migrations = work.resolve("db");
    javac(classes, migrations, BASIC.resolve("Author.java"), BASIC.resolve("Book.java"));
    Map<String, String> first = ProcessorRun.files(migrations);
    assertEquals(5, first.size(), "V1, its reverse, its journal, the sum and HEAD: " + first.keySet());

    javac(classes, migrations, BASIC.resolve("Book.java"));
    javac(classes, migrations, BASIC.resolve("Author.java"));

    assertEquals(first, ProcessorRun.files(migrations));
  }

  @Test
  void aDeletedRecordClassIsADroppedTable() throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path migrations = work.resolve("db");
    javac(classes, migrations, BASIC.resolve("Author.java"), BASIC.resolve("Book.java"));
    Files.delete(classes.resolve("app/Book.class"));

    javac(classes, migrations, BASIC.resolve("Author.java"));

    String v2 = ProcessorRun.files(migrations).get("migration/V2__drop_book.sql");
    assertTrue(v2 != null && v2.contains("ALTER TABLE \"public\".\"book\" SET SCHEMA \"plinth_backup_v2_public\";"),
        "V2 moves book to the backup schema: " + ProcessorRun.files(migrations).keySet());
  }

  @Test
  void anEnumTypeOfItsOwnIsKeptWhileItsClassExists() throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path migrations = work.resolve("db");
    Path sources = Files.createDirectories(work.resolve("src/app"));
    Path priority = Files.writeString(sources.resolve("Priority.java"), """
        package app;
        @dev.plinth.annotations.EnumType(standalone = true)
        public enum Priority { LOW, HIGH }
        """);
    javac(classes, migrations, BASIC.resolve("Author.java"), BASIC.resolve("Book.java"), priority);
    Map<String, String> first = ProcessorRun.files(migrations);
    assertTrue(first.get("migration/V1__create_author_and_book.sql")
        .contains("CREATE TYPE \"public\".\"priority\" AS ENUM ('LOW', 'HIGH');"), first.keySet().toString());

    javac(classes, migrations, BASIC.resolve("Book.java"));
    assertEquals(first, ProcessorRun.files(migrations), "kept: its class exists");

    Files.delete(classes.resolve("app/Priority.class"));
    javac(classes, migrations, BASIC.resolve("Book.java"));
    String v2 = ProcessorRun.files(migrations).get("migration/V2__drop_type_priority.sql");
    assertTrue(v2 != null && v2.contains("DROP TYPE \"public\".\"priority\";"),
        "a deleted enum is a dropped type: " + ProcessorRun.files(migrations).keySet());
  }

  private static void javac(Path classes, Path migrations, Path... sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      List<String> options = new ArrayList<>(List.of(
          "-d", classes.toString(),
          "-classpath", classes + File.pathSeparator + System.getProperty("java.class.path"),
          "-implicit:none",
          "-Aplinth.migrations=" + migrations));
      JavaCompiler.CompilationTask task = compiler.getTask(output, files, null, options, null,
          files.getJavaFileObjects(sources));
      task.setProcessors(List.of(new PlinthProcessor()));
      assertTrue(task.call(), "compiles: " + output);
    }
  }
}
