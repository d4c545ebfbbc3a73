package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plinth check} on a copy of the example's committed migrations: no javac, no database. */
class CheckCommandTest {
  private static final Path EXAMPLE = Path.of("../migrations-app/src/main/resources/db");
  private static final String V1 = "V1__create_audit_event_and_6_more.sql";

  @TempDir
  Path project;

  private Path db;

  @BeforeEach
  void copyTheExample() throws IOException {
    db = project.resolve("src/main/resources/db");
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = db.resolve(EXAMPLE.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  @Test
  void committedFilesAsGeneratedPass() {
    Cli.Result result = Cli.run(Map.of(), project, "check");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("Committed migrations in " + db + " are exactly what their journal generates (1 generated,"
        + " 0 hand-written); plinth.sum and HEAD are up to date.\n", result.out());
  }

  @Test
  void aHandEditIsCaughtWithoutACompiler() throws IOException {
    Files.writeString(db.resolve("migration/" + V1), "-- tuned by hand\n", StandardOpenOption.APPEND);

    Cli.Result result = Cli.run(Map.of(), project, "check", "--migrations", "src/main/resources/db");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN675] " + db.resolve("migration/" + V1) + " is not what its journal"
        + " schema/V1__create_audit_event_and_6_more.json generates: it was edited by hand"), result::toString);
    assertTrue(result.err().contains("[PLN676] " + db.resolve("plinth.sum") + " is out of date (migration/" + V1),
        result::toString);
  }

  @Test
  void aMissingReverseScriptIsCaught() throws IOException {
    Files.delete(db.resolve("rollback/U1__create_audit_event_and_6_more.sql"));

    Cli.Result result = Cli.run(Map.of(), project, "check");

    assertEquals(6, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN674] " + db.resolve("rollback/U1__create_audit_event_and_6_more.sql")
        + " is missing"), result::toString);
  }

  @Test
  void noFolderIsAUsageError() {
    Cli.Result result = Cli.run(Map.of(), project, "check", "--migrations", "nowhere");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("[PLN616] There is no migrations folder at " + project.resolve("nowhere")),
        result::toString);
  }
}
