package dev.plinth.runner.testing;

import dev.plinth.cli.PlinthCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real {@code plinth} command line in this JVM and captures what it prints. */
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
