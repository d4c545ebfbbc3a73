package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.runner.BaselineResult;
import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth baseline}: records an existing database as being at a version of the migrations. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = {"Record an existing database as being at a migration version, without running migrations.",
        "Writes Flyway's history with a baseline row, only when the database has exactly the schema of that version"
            + " (as verify compares); exit code 5 with the differences otherwise."})
final class BaselineCommand extends DatabaseCommand {

  @Option(names = "--version", paramLabel = "VERSION",
      description = "The version the database is at. Default: the newest migration.")
  String version;

  @Option(names = "--force",
      description = "Baseline even when the database differs from that version (printed as a warning and"
          + " recorded in the baseline row).")
  boolean force;

  @Override
  ExitCode run(Plinth plinth, Console console) {
    BaselineResult result = plinth.baseline(Optional.ofNullable(version), force);
    int n = result.differences().size();
    if (database.json) {
      console.out(Json.text(json(result)));
    } else if (!result.baselined()) {
      console.out(Message.BASELINE_REFUSED.text(result.version(), n, n == 1 ? "" : "s"));
      result.differences().forEach(d -> console.out("  " + d.text()));
      console.out(Message.BASELINE_REFUSED_ADVICE.text());
    } else {
      if (result.forced()) {
        console.err(Message.BASELINE_FORCED.text(result.version(), n, n == 1 ? "" : "s"));
        result.differences().forEach(d -> console.err("  " + d.text()));
      }
      console.out(Message.BASELINE_DONE.text(result.version()));
    }
    return result.baselined() ? ExitCode.OK : ExitCode.DRIFT;
  }

  private static ObjectNode json(BaselineResult result) {
    ObjectNode node = Json.object();
    node.put("version", result.version());
    node.put("baselined", result.baselined());
    node.put("forced", result.forced());
    JsonResults.differences(node.putArray("differences"), result.differences());
    return node;
  }
}
