package dev.plinth.cli;

import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import picocli.CommandLine.Command;

/** {@code plinth fleet info}: each target's version and pending migrations. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show each target's schema version and how many migrations it has pending.")
final class FleetInfoCommand extends FleetVerbCommand {

  @Override
  FleetReport run(Fleet.Builder fleet) {
    return fleet.build().info();
  }
}
