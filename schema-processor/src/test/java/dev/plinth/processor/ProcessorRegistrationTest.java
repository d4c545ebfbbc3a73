package dev.plinth.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every processor javac finds (via AutoService) is declared to Gradle's incremental compilation. */
class ProcessorRegistrationTest {
  private static final Path SERVICES =
      Path.of("target/classes/META-INF/services/javax.annotation.processing.Processor");
  private static final Path GRADLE =
      Path.of("src/main/resources/META-INF/gradle/incremental.annotation.processors");

  @Test
  void everyProcessorIsDeclaredAggregatingToGradle() throws IOException {
    Set<String> processors = lines(SERVICES);
    Set<String> aggregating = new TreeSet<>();
    processors.forEach(p -> aggregating.add(p + ",aggregating"));

    assertFalse(processors.isEmpty(), SERVICES.toString());
    assertEquals(aggregating, lines(GRADLE));
  }

  private static Set<String> lines(Path file) throws IOException {
    Set<String> lines = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        lines.add(line.strip());
      }
    }
    return lines;
  }
}
