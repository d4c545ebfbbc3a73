package dev.plinth.cli;

import dev.plinth.cli.embedded.EmbeddedServer;
import dev.plinth.runner.Message;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code plinth server start}: starts the dev server (or keeps the running one) and returns; it runs on. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start the embedded PostgreSQL of this folder and leave it running; commands run here use it"
        + " until plinth server stop.")
final class ServerStartCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  ServerCommand server;

  @Option(names = {"--port", "--embedded-port"}, paramLabel = "PORT",
      description = "Port to listen on (loopback only); 0: any free port. Default: ${DEFAULT-VALUE}.")
  int port = EmbeddedServer.DEFAULT_PORT;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), List.of());
    try {
      EmbeddedServer.Status status = EmbeddedServer.startDev(server.dataDirectory(), port);
      if (status.wasRunning() && status.dev()) {
        console.out(Message.SERVER_ALREADY_RUNNING.text(status.port(), status.pid(), status.dataDirectory()));
      } else {
        console.out(Message.SERVER_STARTED.text(status.port(), status.pid(), status.dataDirectory(),
            "jdbc:postgresql://localhost:" + status.port() + "/" + EmbeddedServer.DATABASE + "?user="
                + EmbeddedServer.SUPERUSER, status.passwordFile(), status.passwordFile(), status.port()));
      }
      return ExitCode.OK.code();
    } catch (RuntimeException e) {
      return Session.failed(console, false, verbose, e);
    }
  }
}
