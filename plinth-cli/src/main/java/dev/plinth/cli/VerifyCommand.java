package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.VerifyResult;
import dev.plinth.runner.internal.catalog.Difference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth verify}: the live schema against the committed schema at the applied version. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Compare the database with the schema the committed migrations give at its applied version.",
        "Exit code 5 when they differ (drift)."})
final class VerifyCommand extends DatabaseCommand {

  @Override
  ExitCode run(Plinth plinth, Console console) {
    VerifyResult result = plinth.verify();
    String version = Session.version(result.schemaVersion());
    if (database.json) {
      ObjectNode node = Json.object();
      Json.put(node, "schemaVersion", result.schemaVersion());
      node.put("drift", result.drift());
      node.put("tables", result.tables());
      node.put("enums", result.enums());
      ArrayNode differences = node.putArray("differences");
      for (Difference d : result.differences()) {
        ObjectNode item = differences.addObject();
        item.put("change", d.change());
        item.put("object", d.object());
        item.put("name", d.name());
        item.put("aspect", d.aspect().isEmpty() ? null : d.aspect());
        item.put("expected", d.expected());
        item.put("actual", d.actual());
        item.put("text", d.text());
      }
      console.out(Json.text(node));
    } else if (!result.drift()) {
      console.out(Message.VERIFY_OK.text(version, result.tables(), result.tables() == 1 ? "" : "s", result.enums(),
          result.enums() == 1 ? "" : "s"));
    } else {
      int n = result.differences().size();
      console.out(Message.VERIFY_DRIFT.text(version, n, n == 1 ? "" : "s"));
      result.differences().forEach(d -> console.out("  " + d.text()));
      console.out(Message.VERIFY_DRIFT_ADVICE.text());
    }
    return result.drift() ? ExitCode.DRIFT : ExitCode.OK;
  }
}
