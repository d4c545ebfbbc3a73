package dev.plinth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The command's output and error streams, which blank out secrets as a last line of defence:
 * messages are built without passwords, but a server error could still echo one.
 */
final class Console {

  private static final String MASK = "****";

  private final PrintWriter out;
  private final PrintWriter err;
  private final List<String> secrets;

  Console(PrintWriter out, PrintWriter err, List<String> secrets) {
    this.out = out;
    this.err = err;
    this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
  }

  void out(String line) {
    out.println(redact(line));
    out.flush();
  }

  void err(String line) {
    err.println(redact(line));
    err.flush();
  }

  void stackTrace(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    err.print(redact(trace.toString()));
    err.flush();
  }

  private String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
