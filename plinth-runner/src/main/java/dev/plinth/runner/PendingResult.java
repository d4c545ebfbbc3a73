package dev.plinth.runner;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Plinth#migrate()} would apply, with the SQL; produced without changing anything.
 *
 * @param pending in the order they would run
 * @param schemaVersion the current schema version; empty when no migration is applied
 */
public record PendingResult(List<Pending> pending, Optional<String> schemaVersion) {

  public PendingResult {
    pending = List.copyOf(pending);
  }

  /** One pending migration and its script text. */
  public record Pending(String version, String description, String script, String sql) {}
}
