package dev.plinth.cli;

import dev.plinth.runner.RollbackTarget;
import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plinth fleet rollback --to V}: roll every target back to a version. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Roll every target back to a version with the reverse scripts, several at once.",
        "Targets already at or below it are skipped, so running it again continues where it stopped."})
final class FleetRollbackCommand extends FleetVerbCommand {

  @Option(names = "--to", required = true, paramLabel = "VERSION",
      description = "Roll back every migration newer than this version (0 for all of them).")
  String to;

  @Mixin
  RolloutOptions rollout;

  @Override
  FleetReport run(Fleet.Builder fleet) {
    return rollout.applyTo(fleet).build().rollback(RollbackTarget.to(to));
  }
}
