package dev.plinth.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Runs javac with the Plinth processor over test sources and a migrations folder. */
final class ProcessorRun {
  private ProcessorRun() {}

  /**
   * The options the tests written before strict plans and statement timeouts compile with, so that
   * what they generate stays as their expectations (and golden files) say; a test gives its own
   * after them to override.
   */
  static final List<String> RELAXED = List.of("-Aplinth.safety=relaxed",
      "-Aplinth.statementTimeout=off", "-Aplinth.validationTimeout=off");

  /** Compiles with {@link #RELAXED} options, then {@code options}. */
  static Compilation compile(Path migrations, List<JavaFileObject> sources, String... options) {
    List<String> all = new ArrayList<>(RELAXED);
    all.addAll(List.of(options));
    return compileWith(migrations, sources, all.toArray(String[]::new));
  }

  /** Compiles with the processor's defaults (strict, with statement timeouts), then {@code options}. */
  static Compilation compileWith(Path migrations, List<JavaFileObject> sources, String... options) {
    List<String> all = new ArrayList<>();
    if (migrations != null) {
      all.add("-Aplinth.migrations=" + migrations);
    }
    all.addAll(List.of(options));
    return javac().withProcessors(new PlinthProcessor()).withOptions(all).compile(sources);
  }

  /** The Java sources of a test schema under {@code src/test/resources/schemas/<name>}. */
  static List<JavaFileObject> schema(String name) {
    Path root = Path.of("src/test/resources/schemas", name);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted()
          .map(ProcessorRun::source).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JavaFileObject source(Path file) {
    try {
      return JavaFileObjects.forSourceString(
          file.getFileName().toString().replace(".java", ""), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the {@code .sql} files of a test schema (function bodies, view queries) to the
   * {@code resources} folder of {@code project} (replacing them), where the processor finds them.
   */
  static void copyResources(Path project, String schema) throws IOException {
    Path from = Path.of("src/test/resources/schemas", schema);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        Path to = project.resolve("resources").resolve(from.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.writeString(to, Files.readString(file));
      }
    }
  }

  /**
   * {@code migrations} holds exactly the golden files {@code name} (under
   * {@code src/test/resources/golden}). With the environment variable {@code PLINTH_UPDATE_GOLDEN}
   * set, they are rewritten first (review the difference). Migrations committed by earlier versions
   * must keep rendering as they were: the golden files of the time are kept in plinth-schema's
   * {@code src/test/resources/committed}.
   */
  static void assertGolden(Path migrations, String name) throws IOException {
    Path golden = Path.of("src/test/resources/golden", name);
    if (System.getenv("PLINTH_UPDATE_GOLDEN") != null) {
      for (String file : files(golden).keySet()) {
        Files.delete(golden.resolve(file));
      }
      for (Map.Entry<String, String> file : files(migrations).entrySet()) {
        Files.createDirectories(golden.resolve(file.getKey()).getParent());
        Files.writeString(golden.resolve(file.getKey()), file.getValue());
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(files(golden), files(migrations));
  }

  /** Every file under {@code folder}, by relative path, with its content. */
  static Map<String, String> files(Path folder) {
    Map<String, String> result = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return result;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        result.put(folder.relativize(file).toString().replace('\\', '/'),
            Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }
}
