package dev.plinth.runner;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Plinth#migrate()} did.
 *
 * @param applied the migrations applied by this run, in order
 * @param schemaVersion the schema version afterwards; empty when no migration has ever been applied
 * @param totalMillis how long the run took
 */
public record MigrateResult(List<Applied> applied, Optional<String> schemaVersion, long totalMillis) {

  public MigrateResult {
    applied = List.copyOf(applied);
  }

  /** One applied migration. */
  public record Applied(String version, String description, String script, long millis) {}
}
