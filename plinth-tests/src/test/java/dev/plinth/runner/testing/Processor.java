package dev.plinth.runner.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles records with the real javac and Plinth's processor, as a user's build does. */
public final class Processor {
  private Processor() {}

  /**
   * Compiles every {@code .java} file under {@code sources} into {@code classes}, with the
   * processor on {@code migrations} and the further {@code -A} options; fails the test on any
   * error or warning.
   */
  public static void compile(Path sources, Path classes, Path migrations, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-encoding", "UTF-8",
        "-classpath", System.getProperty("java.class.path"),
        "-processor", "dev.plinth.processor.PlinthProcessor", "-Aplinth.migrations=" + migrations));
    args.addAll(List.of(options));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int code = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    String output = diagnostics.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, output);
    assertFalse(output.contains("warning") || output.contains("error"), output);
  }
}
