package dev.plinth.runner;

import dev.plinth.runner.internal.catalog.Difference;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Plinth#verify()} found: the live database compared with the schema the committed
 * journal gives at the applied version.
 *
 * @param schemaVersion the applied version the database was compared at; empty when none is applied
 * @param tables how many tables the expected schema has
 * @param enums how many enum types the expected schema has
 * @param differences empty when there is no drift
 */
public record VerifyResult(Optional<String> schemaVersion, int tables, int enums, List<Difference> differences) {

  public VerifyResult {
    differences = List.copyOf(differences);
  }

  public boolean drift() {
    return !differences.isEmpty();
  }
}
