package dev.plinth.runner.cli;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code plinth prune-backups}: drop the data kept so that rollback loses nothing. */
@Command(name = "prune-backups", mixinStandardHelpOptions = true,
    description = {"Drop the backup schemas (plinth_backup_v*) where migrations keep the tables, columns and"
        + " values they remove,", "so that rollback can restore them. Rolling back past a pruned version then"
        + " loses that data."})
final class PruneBackupsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--before", paramLabel = "VERSION", description = "Only backups of versions older than VERSION.")
  String before;

  @Override
  public Integer call() {
    return Session.run(spec, root, database, null, this::prune);
  }

  private ExitCode prune(Plinth plinth, Console console) {
    List<String> dropped = plinth.pruneBackups(Optional.ofNullable(before));
    if (dropped.isEmpty()) {
      console.out(Message.PRUNE_NOTHING.text(before == null ? "" : " older than version " + before));
      return ExitCode.OK;
    }
    dropped.forEach(schema -> console.out(Message.PRUNE_DROPPED.text(schema)));
    console.out(Message.PRUNE_SUMMARY.text(dropped.size(), dropped.size() == 1 ? "" : "s"));
    return ExitCode.OK;
  }
}
