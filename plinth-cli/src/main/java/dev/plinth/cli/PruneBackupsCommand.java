package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth prune-backups}: drop the data kept so that rollback loses nothing. */
@Command(name = "prune-backups", mixinStandardHelpOptions = true,
    description = {"Drop the backup schemas (plinth_backup_v*) that keep removed data for rollback.",
        "Migrations keep the tables, columns and values they remove there, so that rollback can restore them."
        + " Rolling back past a pruned version then loses that data."})
final class PruneBackupsCommand extends DatabaseCommand {

  @Option(names = "--before", paramLabel = "VERSION", description = "Only backups of versions older than VERSION.")
  String before;

  @Override
  ExitCode run(Plinth plinth, Console console) {
    Optional<String> olderThan = Optional.ofNullable(before);
    List<String> dropped = plinth.pruneBackups(olderThan);
    if (database.json) {
      console.out(Json.text(JsonResults.pruned(dropped)));
      return ExitCode.OK;
    }
    ResultText.pruned(dropped, olderThan).forEach(console::out);
    return ExitCode.OK;
  }
}
