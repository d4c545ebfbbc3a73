package dev.plinth.runner;

/**
 * Told about each reverse script while {@link Plinth#rollback(RollbackTarget, RollbackListener)}
 * runs: when it starts and when it is committed with the removal of its history row, so that long
 * runs show where they are, and a run that is stopped has said what it finished.
 */
public interface RollbackListener {

  /** Listens to nothing. */
  RollbackListener NONE = new RollbackListener() {
    @Override
    public void starting(String version, String description, String reverse) {
      // nothing
    }

    @Override
    public void rolledBack(RollbackResult.Step step) {
      // nothing
    }
  };

  /** The reverse script {@code reverse} of version {@code version} starts now. */
  void starting(String version, String description, String reverse);

  /** A version was rolled back: its reverse script and the removal of its history row are committed. */
  void rolledBack(RollbackResult.Step step);
}
