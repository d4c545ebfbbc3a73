package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Message;
import dev.plinth.runner.MigrateResult;
import dev.plinth.runner.PendingResult;
import dev.plinth.runner.Plinth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth migrate}: apply pending migrations, or show their SQL with {@code --dry-run}. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Apply pending migrations, each in its own transaction.")
final class MigrateCommand extends DatabaseCommand {

  @Option(names = "--target", paramLabel = "VERSION", description = "Migrate up to this version only (default: latest).")
  String target;

  @Option(names = "--dry-run", description = "Print the SQL of pending migrations in order; change nothing.")
  boolean dryRun;

  @Override
  String target() {
    return target;
  }

  @Override
  ExitCode run(Plinth plinth, Console console) {
    return dryRun ? dryRun(plinth, console) : migrate(plinth, console);
  }

  private ExitCode migrate(Plinth plinth, Console console) {
    // One line per migration as soon as it is committed, and one when a migration has been running
    // for a while, so long runs show where they are (on stderr with --json).
    MigrateResult result;
    try (Progress progress = Progress.ofMigrate(console, database.json)) {
      result = plinth.migrate(progress);
    }
    if (database.json) {
      console.out(Json.text(JsonResults.migrate(result)));
      return ExitCode.OK;
    }
    console.out(ResultText.migrated(result));
    return ExitCode.OK;
  }

  private ExitCode dryRun(Plinth plinth, Console console) {
    PendingResult result = plinth.pending();
    if (database.json) {
      console.out(Json.text(JsonResults.pending(result)));
      return ExitCode.OK;
    }
    String version = ResultText.version(result.schemaVersion());
    int count = result.pending().size();
    if (count == 0) {
      console.out(Message.DRY_RUN_NOTHING.text(version));
      return ExitCode.OK;
    }
    console.out(Message.DRY_RUN_HEADER.text(count, ResultText.plural(count), version));
    for (PendingResult.Pending m : result.pending()) {
      console.out("");
      console.out(Message.DRY_RUN_SCRIPT.text(m.script(), m.version(), m.description()));
      console.out(m.sql().stripTrailing());
    }
    return ExitCode.OK;
  }
}
