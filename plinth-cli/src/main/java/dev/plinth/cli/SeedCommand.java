package dev.plinth.cli;

import dev.plinth.runner.SeedResult;
import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
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
    ResultText.seeded(result).forEach(console::out);
    return ExitCode.OK;
  }
}
