package dev.plinth.cli;

import dev.plinth.cli.session.RunnerSession;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.PlinthException;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every database command does around its own work: open a {@link RunnerSession} (database
 * from flags, environment, {@code .env}, else embedded), and turn failures into one message and an
 * exit code.
 */
final class Session {

  /** A command's own work. */
  interface Work {
    ExitCode run(Plinth plinth, Console console);
  }

  private Session() {}

  static int run(CommandSpec spec, PlinthCommand root, DatabaseOptions options, String target, Work work) {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Console console = new Console(out, err, Stream.ofNullable(options.password).toList());
    RunnerSession.Options given = new RunnerSession.Options(options.url, "--url", options.user, options.password,
        options.locations, options.connectTimeout, options.embeddedPort, target);
    try {
      RunnerSession.Plan plan = RunnerSession.plan(root.environment(), root.workingDirectory(), given);
      Console shown = new Console(out, err, plan.secrets());
      console = shown;
      try (RunnerSession session = plan.start(PlinthCommand.class.getClassLoader(), shown::err)) {
        return work.run(session.plinth(), shown).code();
      }
    } catch (RuntimeException e) {
      return failed(console, options.json, options.verbose, e);
    }
  }

  /**
   * A command's failure shown as one message (also as JSON with {@code json}), a stack trace only
   * with {@code verbose}; returns the exit code for it.
   */
  static int failed(Console console, boolean json, boolean verbose, RuntimeException e) {
    if (e instanceof PlinthException plinth) {
      console.err(plinth.getMessage());
      if (json) {
        console.out(Json.text(JsonResults.error(plinth, plinth.getMessage())));
      }
      if (verbose) {
        console.stackTrace(plinth);
      }
      return ExitCode.of(plinth.kind()).code();
    }
    String text = Message.UNEXPECTED.format(e.getClass().getSimpleName() + ": " + e.getMessage());
    console.err(text);
    if (json) {
      console.out(Json.text(JsonResults.error(Message.UNEXPECTED.id(), Message.UNEXPECTED.kind().name(), text)));
    }
    if (verbose) {
      console.stackTrace(e);
    }
    return ExitCode.ERROR.code();
  }
}
