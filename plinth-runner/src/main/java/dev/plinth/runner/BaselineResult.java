package dev.plinth.runner;

import dev.plinth.runner.internal.catalog.Difference;
import java.util.List;

/**
 * What {@link Plinth#baseline} did.
 *
 * @param version the version the database was compared with, and recorded at when baselined
 * @param baselined whether Flyway's history now has the baseline row
 * @param forced whether it was baselined although the database differs from that version
 * @param differences how the database differs from the schema of {@code version}; empty when it
 *     matches
 */
public record BaselineResult(String version, boolean baselined, boolean forced, List<Difference> differences) {

  public BaselineResult {
    differences = List.copyOf(differences);
  }
}
