package dev.plinth.runner.fleet;

/**
 * Where a fleet run is, as {@link FleetListener#progress} reports it.
 *
 * @param command {@code migrate}, {@code rollback}, {@code info} or {@code verify}
 * @param total targets in the fleet
 * @param done targets finished without failure (skipped ones included)
 * @param failed targets that failed
 * @param running targets being worked on
 * @param elapsedMillis since the run started
 */
public record FleetProgress(String command, int total, int done, int failed, int running, long elapsedMillis) {

  /** Targets neither finished nor running (also those a stop left out). */
  public int pending() {
    return total - done - failed - running;
  }

  /** Finished targets per second so far. */
  public double rate() {
    return elapsedMillis <= 0 ? 0 : (done + failed) * 1000.0 / elapsedMillis;
  }
}
