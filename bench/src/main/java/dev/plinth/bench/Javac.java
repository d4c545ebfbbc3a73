package dev.plinth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** One in-process javac run (javax.tools), as a build tool runs it. */
final class Javac {
  private Javac() {}

  /**
   * Compiles {@code sources} into a fresh directory under {@code work}; {@code processor} null
   * means {@code -proc:none}. Fails on any error. What the compile wrote stays until the run ends
   * (the harness deletes {@code work} then): deleting it here was timed with the compile, so a
   * compile that writes more files was charged for removing them too, and on this machine's file
   * system (ext4 without a journal) a file created soon after many were deleted costs about ten
   * times as much, so each compile also paid for the deletions before it.
   */
  static void compile(List<JavaFileObject> sources, Processor processor, Path migrations, Path work,
      String... extraOptions) {
    compileKeeping(sources, processor, migrations, work, null, extraOptions);
  }

  /** As {@link #compile}, generated sources kept in {@code keep} when it is not null. */
  static void compileKeeping(List<JavaFileObject> sources, Processor processor, Path migrations, Path work,
      Path keep, String... extraOptions) {
    try {
      Path out = Files.createTempDirectory(work, "classes");
      Path generated = keep != null ? keep : Files.createTempDirectory(work, "generated");
      compileInto(sources, processor, migrations, out, generated, null, extraOptions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles {@code sources} into {@code out}, generated sources into {@code generated}, with
   * {@code classes} (when not null) on the classpath after the harness's own: an IDE compiling one
   * changed file against the classes of the rest. Fails on any error.
   */
  static void compileInto(List<JavaFileObject> sources, Processor processor, Path migrations, Path out,
      Path generated, Path classes, String... extraOptions) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("java.class.path")
        + (classes == null ? "" : java.io.File.pathSeparator + classes);
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", generated.toString(),
        "-classpath", classpath, "--release", "17", "-nowarn", "-Xlint:none", "-encoding", "UTF-8"));
    if (processor == null) {
      options.add("-proc:none");
    }
    if (migrations != null) {
      options.add("-Aplinth.migrations=" + migrations);
    }
    options.addAll(List.of(extraOptions));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, sources);
      if (processor != null) {
        task.setProcessors(List.of(processor));
      }
      if (!task.call()) {
        StringBuilder errors = new StringBuilder("javac failed:");
        diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).limit(5)
            .forEach(d -> errors.append('\n').append(d.getSource() == null ? "" : d.getSource().getName())
                .append(':').append(d.getLineNumber()).append(' ').append(d.getMessage(Locale.ROOT)));
        throw new IllegalStateException(errors.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
