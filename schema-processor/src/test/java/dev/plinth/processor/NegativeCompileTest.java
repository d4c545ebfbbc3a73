package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad schema per diagnostic, under {@code src/test/resources/bad}. The line that must carry
 * the error is marked {@code // expect: PLNxxx}; the compile must fail with exactly that error
 * there, and with no other error. A line {@code // message: <text>} gives the error's exact text.
 */
class NegativeCompileTest {
  private static final Pattern EXPECT = Pattern.compile("// expect: (PLN\\d+)");
  private static final Pattern MESSAGE = Pattern.compile("^\\s*// message: (.*)$");

  @TempDir Path migrations;

  static Stream<Path> badSources() throws IOException {
    return Files.list(Path.of("src/test/resources/bad")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSources")
  void reportsTheErrorOnTheMarkedLine(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int expectedLine = 0;
    String expectedId = null;
    String expectedText = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.find()) {
        expectedLine = i + 1;
        expectedId = m.group(1);
      }
      Matcher text = MESSAGE.matcher(lines.get(i));
      if (text.matches()) {
        expectedText = text.group(1);
      }
    }
    assertTrue(expectedId != null, file + " has no '// expect: PLNxxx' marker");
    JavaFileObject source = ProcessorRun.source(file);

    Compilation compilation = ProcessorRun.compile(migrations, List.of(source));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[" + expectedId + "]").inFile(source).onLine(expectedLine);
    assertEquals(1, compilation.errors().size(), "exactly one error: " + compilation.errors());
    if (expectedText != null) {
      assertEquals(expectedText, compilation.errors().get(0).getMessage(Locale.ROOT));
    }
    assertEquals(List.of(), ProcessorRun.files(migrations).keySet().stream().toList(),
        "nothing is written when there are errors");
  }
}
