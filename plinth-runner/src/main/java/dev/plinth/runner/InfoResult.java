package dev.plinth.runner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every migration known to the files or to the database, with its state.
 *
 * @param migrations in version order
 * @param schemaVersion the current schema version; empty when no migration is applied
 */
public record InfoResult(List<Row> migrations, Optional<String> schemaVersion) {

  public InfoResult {
    migrations = List.copyOf(migrations);
  }

  /**
   * One migration.
   *
   * @param version e.g. {@code 3}; empty for repeatable migrations
   * @param type e.g. {@code sql}
   * @param state {@code applied}, {@code pending}, {@code rolled back}, {@code failed}, {@code above target}, {@code missing}, ...
   * @param installedOn when it was applied (or rolled back), if it was
   * @param checksum {@code ok} when the applied migration's file is unchanged, {@code CHANGED} when
   *     it was edited after it was applied, empty when there is nothing to compare
   */
  public record Row(String version, String description, String type, String state, Optional<Instant> installedOn,
      String script, String checksum) {}
}
