package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.runner.InfoResult;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth info}: every migration with its state and checksum status, and the schema version. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "List migrations with their state (applied, pending, rolled back, failed, ...),"
        + " whether applied files are unchanged, and the schema version.")
final class InfoCommand extends DatabaseCommand {

  @Override
  ExitCode run(Plinth plinth, Console console) {
    InfoResult result = plinth.info();
    if (database.json) {
      console.out(Json.text(json(result)));
      return ExitCode.OK;
    }
    if (result.migrations().isEmpty()) {
      console.out(Message.INFO_NO_MIGRATIONS.text(String.join(", ", plinth.config().locations())));
    } else {
      TextTable table = new TextTable("Version", "Description", "Type", "State", "Installed on (UTC)", "Checksum");
      for (InfoResult.Row row : result.migrations()) {
        table.add(row.version(), row.description(), row.type(), row.state(), instant(row), row.checksum());
      }
      table.lines().forEach(console::out);
    }
    console.out(Message.INFO_SCHEMA_VERSION.text(Session.version(result.schemaVersion())));
    return ExitCode.OK;
  }

  /** ISO_INSTANT always prints UTC with a Z, whatever the machine's zone and locale. */
  private static String instant(InfoResult.Row row) {
    return row.installedOn().map(t -> DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS)))
        .orElse("");
  }

  private static ObjectNode json(InfoResult result) {
    ObjectNode root = Json.object();
    Json.put(root, "schemaVersion", result.schemaVersion());
    ArrayNode migrations = root.putArray("migrations");
    for (InfoResult.Row row : result.migrations()) {
      ObjectNode m = migrations.addObject();
      m.put("version", row.version().isEmpty() ? null : row.version());
      m.put("description", row.description());
      m.put("type", row.type());
      m.put("state", row.state());
      m.put("installedOn", instant(row).isEmpty() ? null : instant(row));
      m.put("script", row.script());
      m.put("checksum", row.checksum().isEmpty() ? null : row.checksum());
    }
    return root;
  }
}
