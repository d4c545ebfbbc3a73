package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.InfoResult;
import dev.plinth.runner.Plinth;
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
    ResultText.info(result, plinth.config().locations()).forEach(console::out);
    return ExitCode.OK;
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
      String installedOn = ResultText.installedOn(row);
      m.put("installedOn", installedOn.isEmpty() ? null : installedOn);
      m.put("script", row.script());
      m.put("checksum", row.checksum().isEmpty() ? null : row.checksum());
    }
    return root;
  }
}
