package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-level security, policies, grants and roles through javac: the golden migrations of a schema
 * and of its evolution (a policy renamed, one altered in place, one dropped and created, a column
 * a policy reads renamed, grants changed, a role no longer declared), and the warnings.
 */
class SecurityGenerationTest {
  @TempDir Path migrations;

  @Test
  void policiesGrantsAndRolesWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("security"))).succeeded();
    Compilation evolved = ProcessorRun.compile(migrations, ProcessorRun.schema("security-evolved"));

    assertThat(evolved).succeeded();
    assertThat(evolved).hadWarningContaining("[PLN396] Role 'app_old' is no longer declared");
    assertGolden("security");
  }

  @Test
  void grantsOnASequenceWriteTheGoldenMigrations() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("sequence-grants")))
        .succeeded();
    Compilation evolved = ProcessorRun.compile(migrations,
        ProcessorRun.schema("sequence-grants-evolved"));

    assertThat(evolved).succeeded();
    assertGolden("sequence-grants");
  }

  @Test
  void compilingTheSameSchemaAgainWritesNothingNew() throws IOException {
    assertThat(ProcessorRun.compile(migrations, ProcessorRun.schema("security"))).succeeded();
    Map<String, String> first = ProcessorRun.files(migrations);

    Compilation again = ProcessorRun.compile(migrations, ProcessorRun.schema("security"),
        "-Aplinth.check=true");

    assertThat(again).succeeded();
    assertEquals(first, ProcessorRun.files(migrations));
  }

  @Test
  void aPolicyWithoutRowLevelSecurityIsAWarningOnTheTable() throws IOException {
    assertWarning("PolicyWithoutRls.java", "[PLN394] Table public.policy_without_rls has policies"
        + " (positive) but no @RowLevelSecurity");
  }

  @Test
  void rowLevelSecurityWithoutAPolicyIsAWarningOnTheTable() throws IOException {
    assertWarning("RlsWithoutPolicy.java", "[PLN395] Table public.rls_without_policy has"
        + " @RowLevelSecurity but no @Policy");
  }

  private void assertWarning(String file, String text) throws IOException {
    Path path = Path.of("src/test/resources/security-lint", file);
    JavaFileObject source = ProcessorRun.source(path);
    List<String> lines = Files.readAllLines(path);
    int line = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// expect:")) {
        line = i + 1;
      }
    }
    assertTrue(line > 0, file + " marks the line of the warning");

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(text).inFile(source).onLine(line);
  }

  private void assertGolden(String name) throws IOException {
    ProcessorRun.assertGolden(migrations, name);
  }
}
