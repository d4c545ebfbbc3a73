package dev.plinth.cli;

import dev.plinth.runner.Plinth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A verb that works on a database: the options every such verb takes, and one run of
 * {@link Session} (database chosen, embedded server started if needed, failures turned into one
 * message and an exit code) around the verb's own work.
 */
abstract class DatabaseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  PlinthCommand root;

  @Mixin
  DatabaseOptions database;

  @Override
  public final Integer call() {
    return Session.run(spec, root, database, target(), this::run);
  }

  /** The version to migrate to, for the verbs that take one. */
  String target() {
    return null;
  }

  /** The verb's work, on a runner for the chosen database. */
  abstract ExitCode run(Plinth plinth, Console console);
}
