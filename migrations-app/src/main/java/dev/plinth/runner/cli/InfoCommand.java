package dev.plinth.runner.cli;

import dev.plinth.runner.InfoResult;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code plinth info}: every migration with its state, and the schema version. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "List migrations with their state (applied, pending, failed, ...) and the schema version.")
final class InfoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

  @Mixin
  DatabaseOptions database;

  @Override
  public Integer call() {
    return Session.run(spec, root, database, null, this::info);
  }

  private ExitCode info(Plinth plinth, Console console) {
    InfoResult result = plinth.info();
    if (result.migrations().isEmpty()) {
      console.out(Message.INFO_NO_MIGRATIONS.text(String.join(", ", plinth.config().locations())));
    } else {
      TextTable table = new TextTable("Version", "Description", "Type", "State", "Installed on (UTC)");
      for (InfoResult.Row row : result.migrations()) {
        // ISO_INSTANT always prints UTC with a Z, whatever the machine's zone and locale.
        String installed = row.installedOn()
            .map(t -> DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS))).orElse("");
        table.add(row.version(), row.description(), row.type(), row.state(), installed);
      }
      table.lines().forEach(console::out);
    }
    console.out(Message.INFO_SCHEMA_VERSION.text(Session.version(result.schemaVersion())));
    return ExitCode.OK;
  }
}
