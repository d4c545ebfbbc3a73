package dev.plinth.maven;

import dev.plinth.cli.session.RunnerSession;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The Maven log of one goal, which blanks out the passwords given or found: messages are built
 * without them, but a server error could still echo one.
 */
final class BuildLog {

  private final Log log;
  private final List<String> secrets;

  BuildLog(Log log, List<String> secrets) {
    this.log = log;
    this.secrets = List.copyOf(secrets);
  }

  /** This log, also blanking out {@code more}. */
  BuildLog hiding(List<String> more) {
    return new BuildLog(log, Stream.concat(secrets.stream(), more.stream()).toList());
  }

  void info(String line) {
    log.info(redact(line));
  }

  void info(List<String> lines) {
    lines.forEach(this::info);
  }

  /** A build failure whose message is {@code lines}, as Maven shows it at the end of the build. */
  MojoFailureException failure(List<String> lines) {
    return new MojoFailureException(redact(String.join("\n", lines)));
  }

  String redact(String text) {
    return RunnerSession.redact(text, secrets);
  }
}
