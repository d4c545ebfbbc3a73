package dev.plinth.runner;

/**
 * Told about each migration while {@link Plinth#migrate(MigrateListener)} runs: when it starts and
 * when it is committed, so that long runs can show where they are. (For the committed ones only,
 * {@link Plinth#migrate(java.util.function.Consumer)} takes a lambda.)
 */
public interface MigrateListener {

  /** {@code script} (version {@code version}) starts now. */
  void starting(String version, String description, String script);

  /** A migration was applied (and, if transactional, committed). */
  void applied(MigrateResult.Applied applied);
}
