package dev.plinth.runner;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Plinth#rollback(RollbackTarget)} did, or {@link Plinth#rollbackPlan(RollbackTarget)}
 * would do.
 *
 * @param steps the migrations rolled back, newest first
 * @param schemaVersion the schema version afterwards; empty when no migration is left applied
 * @param dryRun whether nothing was changed
 * @param totalMillis how long the run took
 */
public record RollbackResult(List<Step> steps, Optional<String> schemaVersion, boolean dryRun, long totalMillis) {

  public RollbackResult {
    steps = List.copyOf(steps);
  }

  /**
   * One migration rolled back.
   *
   * @param script the forward script, e.g. {@code V3__add_x.sql}
   * @param reverse the reverse script that undid it, e.g. {@code rollback/U3__add_x.sql}
   * @param sql the reverse script's text
   * @param transactional whether the reverse ran in one transaction with the history update
   */
  public record Step(String version, String description, String script, String reverse, String sql,
      boolean transactional, long millis) {}
}
