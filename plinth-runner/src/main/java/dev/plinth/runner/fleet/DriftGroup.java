package dev.plinth.runner.fleet;

import java.util.List;
import java.util.Optional;

/**
 * Targets that {@code verify} found alike: at the same version, with the same differences from the
 * committed schema. In a healthy fleet there is one group; a tenant changed by hand is a group of its own.
 *
 * @param version the schema version they are at; empty when none is applied
 * @param differences the differences, one line each ({@code Difference.text()}), sorted; for schema
 *     targets the tenant's schema is written {@code <schema>}, so tenants compare alike
 * @param targets the targets, in the fleet's order
 */
public record DriftGroup(Optional<String> version, List<String> differences, List<FleetTarget> targets) {

  /** How a tenant's own schema is written in {@link #differences()}. */
  public static final String SCHEMA_PLACEHOLDER = "<schema>";

  public DriftGroup {
    differences = List.copyOf(differences);
    targets = List.copyOf(targets);
  }

  public boolean drift() {
    return !differences.isEmpty();
  }
}
