package dev.plinth.cli;

import dev.plinth.cli.embedded.EmbeddedServer;
import dev.plinth.runner.Message;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code plinth server stop}: fast shutdown of the embedded PostgreSQL of this folder, if it runs. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop the embedded PostgreSQL of this folder (fast shutdown: open sessions are ended). Its data"
        + " stays.")
final class ServerStopCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  ServerCommand server;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), List.of());
    try {
      Optional<EmbeddedServer.Status> stopped = EmbeddedServer.stop(server.dataDirectory());
      console.out(stopped
          .map(s -> Message.SERVER_STOPPED.text(s.port(), s.pid(), s.dataDirectory()))
          .orElseGet(() -> Message.SERVER_NOT_RUNNING.text(server.dataDirectory().toAbsolutePath().normalize())));
      return ExitCode.OK.code();
    } catch (RuntimeException e) {
      return Session.failed(console, false, verbose, e);
    }
  }
}
