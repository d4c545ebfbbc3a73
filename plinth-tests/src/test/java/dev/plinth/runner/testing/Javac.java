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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles records with the real javac and Plinth's processor on a migrations folder, as a build does. */
public final class Javac {
  private Javac() {}

  private static final Pattern WARNING = Pattern.compile("warning: \\[(PLN\\d+)]");

  /**
   * Compiles every {@code .java} file under {@code sources} into a new folder under {@code scratch};
   * fails the test on any error or warning.
   */
  public static void compile(Path scratch, Path sources, Path migrations, boolean check) throws IOException {
    compile(scratch, sources, migrations, check, null, List.of());
  }

  /**
   * The same for PostgreSQL {@code postgres} (the processor's default when null), expecting the
   * processor's warnings {@code warnings} (ids, distinct, sorted) and nothing else.
   */
  public static void compile(Path scratch, Path sources, Path migrations, boolean check, Integer postgres,
      List<String> warnings) throws IOException {
    List<String> options = new ArrayList<>(List.of("-Aplinth.check=" + check));
    if (postgres != null) {
      options.add("-Aplinth.postgres=" + postgres);
    }
    compile(scratch, sources, migrations, options, warnings);
  }

  /** The same with the processor options {@code options} ({@code -Aname=value}). */
  public static void compile(Path scratch, Path sources, Path migrations, List<String> options,
      List<String> warnings) throws IOException {
    assertEquals(warnings, warnings(scratch, sources, migrations, options));
  }

  /**
   * The same, returning the processor's warnings (ids, distinct, sorted) instead of expecting some;
   * fails the test on any error or other warning.
   */
  public static List<String> warnings(Path scratch, Path sources, Path migrations, List<String> options)
      throws IOException {
    Path classes = Files.createTempDirectory(scratch, "classes");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-encoding", "UTF-8",
        "-classpath", System.getProperty("java.class.path"),
        "-processor", "dev.plinth.processor.PlinthProcessor", "-Aplinth.migrations=" + migrations));
    args.addAll(options);
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int code = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    String output = diagnostics.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, output);
    assertFalse(output.contains("error") || output.lines().anyMatch(l -> l.contains("warning:") && !l.contains("[PLN")),
        output);
    return WARNING.matcher(output).results().map(r -> r.group(1)).distinct().sorted().toList();
  }

  /** Every file under {@code root}, by path relative to it with {@code /}, and its content. */
  public static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        result.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return result;
  }
}
