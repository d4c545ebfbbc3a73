package dev.plinth.runner.testing;

import dev.plinth.cli.PlinthCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs the real {@code plinth} command line, in this JVM or as a process of its own (for what a JVM
 * leaves behind when it exits or is killed), and captures what it prints.
 */
public final class Cli {

  private Cli() {}

  public static Result run(Map<String, String> environment, Path workingDirectory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = PlinthCommand.commandLine(environment, workingDirectory);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Runs {@code plinth args} against {@code db} with the migrations a compile wrote to
   * {@code folder} ({@code --url <db> --locations filesystem:<folder>/migration}).
   */
  public static Result onDatabase(Path workingDirectory, SharedPostgres.TestDatabase db, Path folder,
      String... args) {
    return onDatabase(workingDirectory, db, "filesystem:" + folder.resolve("migration"), args);
  }

  /** Runs {@code plinth args --url <db> --locations <location>}. */
  public static Result onDatabase(Path workingDirectory, SharedPostgres.TestDatabase db, String location,
      String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", db.jdbcUrl(), "--locations", location));
    return run(Map.of(), workingDirectory, all.toArray(String[]::new));
  }

  /**
   * Starts {@code plinth args} as a process of its own (this test's class path) in {@code workingDirectory},
   * with no database configured in the environment; its output goes to {@code out} and {@code err}.
   */
  public static Process start(Path workingDirectory, Path out, Path err, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PlinthCommand.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("DATABASE_URL");
    builder.environment().remove("PLINTH_LOCATIONS");
    return builder.start();
  }

  /** Runs {@code plinth args} as a process of its own (see {@link #start}) and waits for it, at most two minutes. */
  public static Result runProcess(Path workingDirectory, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("plinth-out", ".txt");
    Path err = Files.createTempFile("plinth-err", ".txt");
    try {
      Process process = start(workingDirectory, out, err, args);
      return finish(process, out, err);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Waits for a process from {@link #start} (at most two minutes; then kills it) and reads what it printed. */
  public static Result finish(Process process, Path out, Path err) throws IOException, InterruptedException {
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("plinth did not finish in two minutes: " + Files.readString(err));
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Exit code and captured output. */
  public record Result(int exitCode, String out, String err) {
    /** Both streams, for "never printed" checks. */
    public String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
