package dev.plinth.cli;

import dev.plinth.cli.session.RunnerSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The command's output and error streams, which blank out secrets as a last line of defence:
 * messages are built without passwords, but a server error could still echo one.
 */
final class Console {

  private final PrintWriter out;
  private final PrintWriter err;
  private final List<String> secrets;

  Console(PrintWriter out, PrintWriter err, List<String> secrets) {
    this.out = out;
    this.err = err;
    this.secrets = List.copyOf(secrets);
  }

  void out(String line) {
    out.println(redact(line));
    out.flush();
  }

  void err(String line) {
    err.println(redact(line));
    err.flush();
  }

  /**
   * {@code line} on the error stream in place of the previous one (a terminal's live status line);
   * {@code last} ends it with a newline.
   */
  void errInPlace(String line, boolean last) {
    err.print("\r" + redact(line) + "\u001B[K" + (last ? System.lineSeparator() : ""));
    err.flush();
  }

  void stackTrace(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    err.print(redact(trace.toString()));
    err.flush();
  }

  private String redact(String text) {
    return RunnerSession.redact(text, secrets);
  }
}
