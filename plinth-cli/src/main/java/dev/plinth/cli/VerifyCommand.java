package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.VerifyResult;
import picocli.CommandLine.Command;

/** {@code plinth verify}: the live schema against the committed schema at the applied version. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Compare the database with the schema the committed migrations give at its applied version.",
        "Exit code 5 when they differ (drift)."})
final class VerifyCommand extends DatabaseCommand {

  @Override
  ExitCode run(Plinth plinth, Console console) {
    VerifyResult result = plinth.verify();
    if (database.json) {
      ObjectNode node = Json.object();
      Json.put(node, "schemaVersion", result.schemaVersion());
      node.put("drift", result.drift());
      node.put("tables", result.tables());
      node.put("enums", result.enums());
      JsonResults.differences(node.putArray("differences"), result.differences());
      if (!result.external().isEmpty()) {
        result.external().forEach(node.putArray("external")::add);
      }
      console.out(Json.text(node));
    } else {
      ResultText.verified(result).forEach(console::out);
    }
    return result.drift() ? ExitCode.DRIFT : ExitCode.OK;
  }
}
