package dev.plinth.runner.cli;

import dev.plinth.runner.Message;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.seed.SeedResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code plinth seed --env NAME}: insert the seed sets of an environment. */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = {"Insert the rows of every seed set of an environment, in one transaction, parents first.",
        "Running it again leaves the same rows (rows already there are kept)."})
final class SeedCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

  @Mixin
  DatabaseOptions database;

  @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment: dev, test, ...")
  String env;

  @Option(names = "--fresh", description = "Empty the seeded tables first (TRUNCATE ... CASCADE).")
  boolean fresh;

  @Override
  public Integer call() {
    return Session.run(spec, root, database, null, this::seed);
  }

  private ExitCode seed(Plinth plinth, Console console) {
    SeedResult result = plinth.seed(env, fresh);
    result.tables().forEach(t -> console.out(Message.SEED_TABLE.text(t.table(), t.inserted(), t.skipped())));
    console.out(Message.SEED_SUMMARY.text(result.env(), result.seedSets().size(), result.millis(),
        result.inserted(), result.skipped()));
    return ExitCode.OK;
  }
}
