package dev.plinth.cli;

import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A {@code plinth fleet} verb: the options every such verb takes, and one {@link FleetSession}
 * (targets found, progress shown, report printed, exit code chosen) around the verb's own work.
 */
abstract class FleetVerbCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  FleetCommand fleet;

  @Mixin
  FleetOptions options;

  @Override
  public final Integer call() {
    return FleetSession.run(spec, fleet.root, options, target(), this::run);
  }

  /** The version to migrate to, for the verbs that take one. */
  String target() {
    return null;
  }

  /** The verb's work on the fleet. */
  abstract FleetReport run(Fleet.Builder fleet);
}
