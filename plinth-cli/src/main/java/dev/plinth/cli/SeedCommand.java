package dev.plinth.cli;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.SeedResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth seed --env NAME}: insert the seed sets of an environment. */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = {"Insert the rows of every seed set of an environment, in one transaction, parents first.",
        "Running it again leaves the same rows (rows already there are kept)."})
final class SeedCommand extends DatabaseCommand {

  @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment: dev, test, ...")
  String env;

  @Option(names = "--fresh", description = "Empty the seeded tables first (TRUNCATE ... CASCADE).")
  boolean fresh;

  @Override
  ExitCode run(Plinth plinth, Console console) {
    SeedResult result = plinth.seed(env, fresh);
    if (database.json) {
      console.out(Json.text(JsonResults.seed(result)));
      return ExitCode.OK;
    }
    result.tables().forEach(t -> console.out(Message.SEED_TABLE.text(t.table(), t.inserted(), t.skipped())));
    console.out(Message.SEED_SUMMARY.text(result.env(), result.seedSets().size(), result.millis(),
        result.inserted(), result.skipped()));
    return ExitCode.OK;
  }
}
