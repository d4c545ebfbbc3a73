package dev.plinth.cli;

import dev.plinth.runner.fleet.Fleet;
import dev.plinth.runner.fleet.FleetReport;
import picocli.CommandLine.Command;

/** {@code plinth fleet verify}: drift on every target, targets grouped by what differs. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Compare every target with the committed schema at its version, and group the targets by the"
        + " differences found: a target changed by hand stands out from the rest.",
        "Exit code 5 when a target has drift."})
final class FleetVerifyCommand extends FleetVerbCommand {

  @Override
  FleetReport run(Fleet.Builder fleet) {
    return fleet.build().verify();
  }
}
