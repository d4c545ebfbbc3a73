package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.RollbackResult;
import dev.plinth.runner.RollbackTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth rollback}: run reverse scripts, newest first, or show them with {@code --dry-run}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Roll back applied migrations with their reverse scripts, newest first.",
        "Each reverse script and the removal of its history row commit together, under the lock migrate takes."})
final class RollbackCommand extends DatabaseCommand {

  @ArgGroup(exclusive = true, multiplicity = "1")
  How how;

  static final class How {
    @Option(names = "--steps", paramLabel = "N", required = true, description = "Roll back the newest N migrations.")
    Integer steps;

    @Option(names = "--to", paramLabel = "VERSION", required = true,
        description = "Roll back every migration newer than VERSION (0 for all).")
    String to;
  }

  @Option(names = "--dry-run", description = "Print the reverse scripts that would run, in order; change nothing.")
  boolean dryRun;

  @Override
  ExitCode run(Plinth plinth, Console console) {
    RollbackTarget target = how.steps != null ? RollbackTarget.steps(how.steps) : RollbackTarget.to(how.to);
    if (dryRun) {
      return dryRun(plinth.rollbackPlan(target), plinth, console);
    }
    // One line per version as soon as it is rolled back, and one when a reverse script has been
    // running for a while (on stderr with --json).
    RollbackResult result;
    try (Progress progress = Progress.ofRollback(console, database.json)) {
      result = plinth.rollback(target, progress);
    }
    if (database.json) {
      console.out(Json.text(JsonResults.rollback(result)));
      return ExitCode.OK;
    }
    console.out(ResultText.rolledBackSummary(result));
    return ExitCode.OK;
  }

  private ExitCode dryRun(RollbackResult result, Plinth plinth, Console console) {
    if (database.json) {
      console.out(Json.text(JsonResults.rollback(result)));
      return ExitCode.OK;
    }
    if (result.steps().isEmpty()) {
      console.out("-- " + Message.ROLLBACK_NOTHING.text(ResultText.version(result.schemaVersion())));
      return ExitCode.OK;
    }
    int count = result.steps().size();
    console.out(Message.ROLLBACK_DRY_RUN_HEADER.text(count, ResultText.plural(count), result.steps().get(0).version(),
        ResultText.version(result.schemaVersion())));
    for (RollbackResult.Step step : result.steps()) {
      console.out("");
      console.out(Message.ROLLBACK_DRY_RUN_SCRIPT.text(step.reverse(), step.version(), step.description(),
          step.transactional() ? "" : ", outside a transaction"));
      console.out(step.sql().stripTrailing());
    }
    return ExitCode.OK;
  }
}
