package dev.plinth.cli;

import dev.plinth.cli.session.RunnerSession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code plinth server}: the embedded PostgreSQL of the working directory kept running between
 * commands (a dev server): {@code start}, {@code stop}, {@code status}.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = {"Keep the embedded PostgreSQL of this folder running between commands (a dev server),"
        + " so that they connect to it at once instead of starting it each time.",
        "Its data is in .plinth/postgres; the superuser's password is in .plinth/postgres/plinth-password."},
    subcommands = {ServerStartCommand.class, ServerStopCommand.class, ServerStatusCommand.class})
final class ServerCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

  /** {@code plinth server} without a command is a usage error: show the usage. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE.code();
  }

  /** The embedded server's data directory for the working directory. */
  Path dataDirectory() {
    return root.workingDirectory().resolve(RunnerSession.EMBEDDED_DATA);
  }
}
