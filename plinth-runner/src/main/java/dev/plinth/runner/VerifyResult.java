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
 * @param external the objects {@code plinth.external} declares as made by hand-written migrations,
 *     as {@code <kind> <name>} in file order: verify did not report them (not drift)
 */
public record VerifyResult(Optional<String> schemaVersion, int tables, int enums, List<Difference> differences,
    List<String> external) {

  public VerifyResult {
    differences = List.copyOf(differences);
    external = List.copyOf(external);
  }

  public VerifyResult(Optional<String> schemaVersion, int tables, int enums, List<Difference> differences) {
    this(schemaVersion, tables, enums, differences, List.of());
  }

  public boolean drift() {
    return !differences.isEmpty();
  }
}
