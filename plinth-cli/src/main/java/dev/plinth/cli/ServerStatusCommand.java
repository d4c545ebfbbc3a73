package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.cli.embedded.EmbeddedServer;
import dev.plinth.runner.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code plinth server status}: whether the embedded PostgreSQL of this folder runs, and where. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show whether the embedded PostgreSQL of this folder is running, its port, postmaster pid and"
        + " data directory. Exit code 0 when it runs, 3 when it does not.")
final class ServerStatusCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  ServerCommand server;

  @Option(names = "--json", description = "Print the status as one JSON object (described in docs/JSON.md).")
  boolean json;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), List.of());
    Path data = server.dataDirectory().toAbsolutePath().normalize();
    Optional<EmbeddedServer.Status> status = EmbeddedServer.status(data);
    if (json) {
      console.out(Json.text(json(data, status)));
    } else {
      console.out(status.map(ServerStatusCommand::text).orElseGet(() -> Message.SERVER_NOT_RUNNING.text(data)));
    }
    return (status.isPresent() ? ExitCode.OK : ExitCode.CONNECTION).code();
  }

  private static String text(EmbeddedServer.Status s) {
    Message mode = s.dev() ? Message.SERVER_MODE_DEV : Message.SERVER_MODE_COMMAND;
    return Message.SERVER_STATUS.text(s.port(), s.pid(), s.dataDirectory(), mode.text());
  }

  private static ObjectNode json(Path data, Optional<EmbeddedServer.Status> status) {
    ObjectNode root = Json.object();
    root.put("running", status.isPresent());
    root.put("dataDirectory", data.toString());
    if (status.isPresent()) {
      EmbeddedServer.Status s = status.get();
      root.put("port", s.port());
      root.put("pid", s.pid());
      root.put("mode", s.dev() ? "dev" : "command");
      root.put("passwordFile", s.passwordFile().toString());
    } else {
      root.putNull("port");
      root.putNull("pid");
      root.putNull("mode");
      root.putNull("passwordFile");
    }
    return root;
  }
}
