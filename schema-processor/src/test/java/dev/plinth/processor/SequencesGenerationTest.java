package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared sequences and extensions (golden files {@code golden/sequences}): created before the
 * table whose defaults and index use them; then changed in place, renamed, and a new one in a new
 * schema; then one dropped (kept in the backup), an owner let go of, and the extension no longer
 * declared. With {@code PLINTH_UPDATE_GOLDEN} set, the golden files are rewritten first (review the
 * difference).
 */
class SequencesGenerationTest {
  @TempDir Path migrations;

  @Test
  void declaredSequencesAndExtensionsWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("sequences"))).succeeded();
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("sequences-evolved"))).succeeded();
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("sequences-dropped"))).succeeded();

    ProcessorRun.assertGolden(migrations, "sequences");
  }

  @Test
  void anUnchangedSchemaWritesNothingMore() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("sequences"))).succeeded();
    Map<String, String> first = ProcessorRun.files(migrations);

    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("sequences"))).succeeded();

    assertEquals(first, ProcessorRun.files(migrations), "the same declarations are no change");
  }
}
