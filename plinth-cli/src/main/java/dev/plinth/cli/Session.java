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
    } catch (PlinthException e) {
      console.err(e.getMessage());
      if (options.json) {
        console.out(Json.text(JsonResults.error(e, e.getMessage())));
      }
      if (options.verbose) {
        console.stackTrace(e);
      }
      return ExitCode.of(e.kind()).code();
    } catch (RuntimeException e) {
      console.err(Message.UNEXPECTED.format(e.getClass().getSimpleName() + ": " + e.getMessage()));
      if (options.json) {
        console.out(Json.text(JsonResults.error(Message.UNEXPECTED.id(), Message.UNEXPECTED.kind().name(),
            Message.UNEXPECTED.format(e.getClass().getSimpleName() + ": " + e.getMessage()))));
      }
      if (options.verbose) {
        console.stackTrace(e);
      }
      return ExitCode.ERROR.code();
    }
  }
}
