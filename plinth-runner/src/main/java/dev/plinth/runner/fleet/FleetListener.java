package dev.plinth.runner.fleet;

/**
 * Told about a fleet run as it goes, from the fleet's worker threads (one call at a time).
 * Every method does nothing by default.
 */
public interface FleetListener {

  /** {@code target} has started. */
  default void started(FleetTarget target) {}

  /** {@code result} is in. */
  default void finished(TargetResult result) {}

  /** The counts changed: after every start and finish. */
  default void progress(FleetProgress progress) {}
}
