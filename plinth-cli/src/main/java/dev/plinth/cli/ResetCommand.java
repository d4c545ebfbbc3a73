package dev.plinth.cli;

import dev.plinth.runner.ResetResult;
import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth reset}: drop what the migrations created and migrate again, on disposable databases. */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = {"Drop everything the migrations created and migrate again.",
        "Drops their tables, types, schemas, backups and the history. Only on a local database whose name says"
            + " it is disposable (test, dev, tmp, scratch, ...), unless --force."})
final class ResetCommand extends DatabaseCommand {

  @Option(names = "--force", description = "Reset even a remote database or one not named as disposable.")
  boolean force;

  @Override
  ExitCode run(Plinth plinth, Console console) {
    ResetResult result = plinth.reset(force);
    if (database.json) {
      console.out(Json.text(JsonResults.reset(result)));
      return ExitCode.OK;
    }
    ResultText.reset(result).forEach(console::out);
    return ExitCode.OK;
  }
}
