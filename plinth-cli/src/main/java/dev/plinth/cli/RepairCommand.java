package dev.plinth.cli;

import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.RepairResult;
import picocli.CommandLine.Command;

/** {@code plinth repair}: clear what a failed non-transactional migration left, so migrate retries it. */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = {"Clear failed migrations from the history so that migrate runs them again.",
        "Removes the failed rows that migrations run outside a transaction leave, and drops the invalid"
            + " indexes their CREATE INDEX CONCURRENTLY left. Fix the cause of the failure first."})
final class RepairCommand extends DatabaseCommand {

  @Override
  ExitCode run(Plinth plinth, Console console) {
    RepairResult result = plinth.repair();
    if (database.json) {
      console.out(Json.text(JsonResults.repair(result)));
      return ExitCode.OK;
    }
    ResultText.repaired(result).forEach(console::out);
    return ExitCode.OK;
  }
}
