package dev.plinth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code plinth fleet}: one command on many databases, or on many schemas of a database (one per
 * tenant): {@code migrate}, {@code rollback}, {@code info}, {@code verify}.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
    description = {"Run migrate, rollback, info or verify on many databases, or on many schemas of a database"
        + " (one per tenant), several at once, with one report at the end.",
        "Running a command again after a failure or Ctrl-C continues where it stopped."},
    subcommands = {FleetMigrateCommand.class, FleetRollbackCommand.class, FleetInfoCommand.class,
        FleetVerifyCommand.class})
final class FleetCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

  /** {@code plinth fleet} without a command is a usage error: show the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE.code();
  }
}
