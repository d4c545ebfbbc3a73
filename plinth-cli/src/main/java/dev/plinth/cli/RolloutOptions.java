package dev.plinth.cli;

import dev.plinth.runner.fleet.Fleet;
import picocli.CommandLine.Option;

/** How {@code fleet migrate} and {@code fleet rollback} roll out: a canary, waves, stop or go on at a failure. */
final class RolloutOptions {

  @Option(names = "--canary", paramLabel = "N",
      description = "Run the first N targets before any other; if one of them fails, start no other.")
  Integer canary;

  @Option(names = "--wave", paramLabel = "SIZE",
      description = "After the canary, start SIZE targets at a time, each wave finished before the next starts.")
  Integer wave;

  @Option(names = "--stop-on-failure",
      description = "Start no further target once one has failed. Default: go on, and report the failures.")
  boolean stopOnFailure;

  Fleet.Builder applyTo(Fleet.Builder fleet) {
    if (canary != null) {
      fleet.canary(canary);
    }
    if (wave != null) {
      fleet.wave(wave);
    }
    return fleet.stopOnFailure(stopOnFailure);
  }
}
