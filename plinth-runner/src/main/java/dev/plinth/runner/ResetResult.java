package dev.plinth.runner;

import java.util.List;

/**
 * What {@link Plinth#reset(boolean)} dropped, and the migrate that followed.
 *
 * @param droppedTables tables, {@code schema.name}
 * @param droppedTypes enum types, {@code schema.name}
 * @param droppedSchemas schemas (the model's own, backups, Plinth's bookkeeping)
 */
public record ResetResult(List<String> droppedTables, List<String> droppedTypes, List<String> droppedSchemas,
    MigrateResult migrate) {

  public ResetResult {
    droppedTables = List.copyOf(droppedTables);
    droppedTypes = List.copyOf(droppedTypes);
    droppedSchemas = List.copyOf(droppedSchemas);
  }
}
