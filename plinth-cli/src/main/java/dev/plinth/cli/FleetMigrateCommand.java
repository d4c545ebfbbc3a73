package dev.plinth.cli;

import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plinth fleet migrate}: apply pending migrations on every target. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Apply pending migrations on every target, several at once.",
        "Targets already at the goal (by their history) are skipped, so running it again continues where a failure"
            + " or Ctrl-C stopped it."})
final class FleetMigrateCommand extends FleetVerbCommand {

  @Option(names = "--target", paramLabel = "VERSION",
      description = "Migrate up to this version only (default: latest).")
  String target;

  @Mixin
  RolloutOptions rollout;

  @Override
  String target() {
    return target;
  }

  @Override
  FleetReport run(Fleet.Builder fleet) {
    return rollout.applyTo(fleet).build().migrate();
  }
}
