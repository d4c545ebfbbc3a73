package dev.plinth.spring.boot.internal;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a start-up stopped by Plinth (a database that cannot be reached, a failed migration, drift
 * found by {@code plinth.verify-on-start}) as Boot's "APPLICATION FAILED TO START" report with
 * Plinth's message, instead of a stack trace.
 */
public final class PlinthFailureAnalyzer extends AbstractFailureAnalyzer<PlinthException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PlinthException cause) {
    return new FailureAnalysis(cause.getMessage(), action(cause.kind()), cause);
  }

  /** What to do, besides what the message itself says. */
  static String action(Message.Kind kind) {
    String where = switch (kind) {
      case CONNECTION -> "Check spring.datasource.url, spring.datasource.username and spring.datasource.password.";
      case CONFIGURATION -> "Check the plinth.* properties: here they stand for the runner's options named above"
          + " (plinth.locations for --locations, plinth.connect-timeout for --connect-timeout).";
      default -> "Follow the advice above, then start the application again.";
    };
    return where + " Plinth migrates the database at start-up because plinth-spring-boot-starter is on the"
        + " class path; plinth.enabled=false turns that off.";
  }
}
