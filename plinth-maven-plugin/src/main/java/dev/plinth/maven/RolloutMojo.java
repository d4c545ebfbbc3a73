package dev.plinth.maven;

import dev.plinth.runner.fleet.Fleet;
import org.apache.maven.plugins.annotations.Parameter;

/** A fleet goal that changes the targets ({@code fleet-migrate}, {@code fleet-rollback}): canary, waves, stop or go on. */
public abstract class RolloutMojo extends AbstractFleetMojo {

  /** Run the first N targets before any other; if one of them fails, start no other. */
  @Parameter(property = "plinth.canary")
  Integer canary;

  /** After the canary, start this many targets at a time, each wave finished before the next starts. */
  @Parameter(property = "plinth.wave")
  Integer wave;

  /** Start no further target once one has failed. Default: go on, and report the failures. */
  @Parameter(property = "plinth.stopOnFailure", defaultValue = "false")
  boolean stopOnFailure;

  /** {@code fleet} with this goal's rollout. */
  Fleet rollout(Fleet.Builder fleet) {
    if (canary != null) {
      fleet.canary(canary);
    }
    if (wave != null) {
      fleet.wave(wave);
    }
    return fleet.stopOnFailure(stopOnFailure).build();
  }
}
