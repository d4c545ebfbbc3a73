package dev.plinth.schema.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.schema.journal.History;
import dev.plinth.schema.journal.MigrationsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Migrations committed with earlier Plinth versions render again byte for byte: users' check mode
 * compares committed files with re-rendered ones. {@code src/test/resources/committed} keeps
 * migrations exactly as earlier versions generated them (copies of the processor's golden files
 * of the time); new behaviour is selected by what new journal entries record, never by a change to
 * how these render.
 */
class CommittedMigrationsTest {
  private static final Path EXAMPLE = Path.of("../migrations-app/src/main/resources/db");
  private static final Path COMMITTED = Path.of("src/test/resources/committed");

  @TestFactory
  Stream<DynamicTest> everyCommittedMigrationRendersAsItWasCommitted() throws IOException {
    List<Path> folders = new ArrayList<>(List.of(EXAMPLE));
    try (Stream<Path> list = Files.list(COMMITTED)) {
      list.filter(Files::isDirectory).sorted().forEach(folders::add);
    }
    assertTrue(folders.size() >= 3, "expected the committed folders, found " + folders);
    return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.toString(), () -> {
      MigrationsFolder migrations = new MigrationsFolder(folder);
      assertTrue(migrations.scan().stream().anyMatch(MigrationsFolder.MigrationFiles::generated),
          folder + " holds generated migrations");
      assertEquals(List.of(), History.load(migrations).problems(), folder.toString());
    }));
  }
}
