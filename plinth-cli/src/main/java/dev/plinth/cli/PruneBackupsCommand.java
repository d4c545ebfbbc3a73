package dev.plinth.cli;

import dev.plinth.runner.Message;
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
    List<String> dropped = plinth.pruneBackups(Optional.ofNullable(before));
    if (database.json) {
      console.out(Json.text(JsonResults.pruned(dropped)));
      return ExitCode.OK;
    }
    if (dropped.isEmpty()) {
      console.out(Message.PRUNE_NOTHING.text(before == null ? "" : " older than version " + before));
      return ExitCode.OK;
    }
    dropped.forEach(schema -> console.out(Message.PRUNE_DROPPED.text(schema)));
    console.out(Message.PRUNE_SUMMARY.text(dropped.size(), dropped.size() == 1 ? "" : "s"));
    return ExitCode.OK;
  }
}
