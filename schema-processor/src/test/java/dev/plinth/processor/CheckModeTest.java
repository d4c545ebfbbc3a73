package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check mode (CI) and the integrity of committed generated files. */
class CheckModeTest {
  private static final String CHECK = "-Aplinth.check=true";
  private static final String V1 = "migration/V1__create_author_and_book.sql";
  private static final String U1 = "rollback/U1__create_author_and_book.sql";
  private static final String J1 = "schema/V1__create_author_and_book.json";

  @TempDir Path migrations;

  @BeforeEach
  void commitFirstMigration() {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("basic"))).succeeded();
  }

  @Test
  void passesWhenEverythingIsCommitted() {
    Map<String, String> before = ProcessorRun.files(migrations);

    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("basic"), CHECK))
        .succeededWithoutWarnings();
    assertEquals(before, ProcessorRun.files(migrations));
  }

  @Test
  void failsOnASchemaChangeWithoutMigration() {
    Compilation compilation = ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"), CHECK);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN210]");
    assertThat(compilation).hadErrorContaining("generate V2");
    assertEquals(5, ProcessorRun.files(migrations).size(), "check mode writes nothing");
  }

  @Test
  void failsOnAHandEditedMigrationNamingTheFile() throws IOException {
    Path file = migrations.resolve(V1);
    Files.writeString(file, Files.readString(file).replace("\"title\" text", "\"title\" varchar(10)"));

    for (String mode : new String[] {CHECK, "-Aplinth.check=false"}) {
      Compilation compilation = ProcessorRun.compile(migrations, ProcessorRun.schema("basic"), mode);

      assertThat(compilation).failed();
      assertThat(compilation).hadErrorContaining("[PLN211] " + file);
    }
  }

  @Test
  void checkModeFailsOnAMissingReverseAndWriteModeRestoresIt() throws IOException {
    String original = Files.readString(migrations.resolve(U1));
    Files.delete(migrations.resolve(U1));

    Compilation check = ProcessorRun.compile(migrations, ProcessorRun.schema("basic"), CHECK);
    assertThat(check).failed();
    assertThat(check).hadErrorContaining("[PLN212] " + U1);

    Compilation write = ProcessorRun.compile(migrations, ProcessorRun.schema("basic"));
    assertThat(write).succeeded();
    assertThat(write).hadNoteContaining("[PLN202]");
    assertEquals(original, Files.readString(migrations.resolve(U1)));
  }

  @Test
  void filesCheckedOutWithCrlfLineEndingsAreNotEdits() throws IOException {
    for (String file : ProcessorRun.files(migrations).keySet()) {
      Path path = migrations.resolve(file);
      Files.writeString(path, Files.readString(path).replace("\n", "\r\n"));
    }
    Map<String, String> checkedOut = ProcessorRun.files(migrations);

    for (String mode : new String[] {CHECK, "-Aplinth.check=false"}) {
      Compilation compilation = ProcessorRun.compile(migrations, ProcessorRun.schema("basic"), mode);

      assertThat(compilation).succeededWithoutWarnings();
      assertEquals(checkedOut, ProcessorRun.files(migrations), "nothing rewritten");
    }
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"))).succeeded();
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("evolved"), CHECK))
        .succeededWithoutWarnings();
    assertEquals(checkedOut.get(V1), ProcessorRun.files(migrations).get(V1));
  }

  @Test
  void failsOnAnUnreadableJournal() throws IOException {
    Files.writeString(migrations.resolve(J1), "{ not json");

    Compilation compilation = ProcessorRun.compile(migrations, ProcessorRun.schema("basic"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PLN213] Cannot read the schema journal");
    assertThat(compilation).hadErrorContaining(J1);
  }
}
