package dev.plinth.runner;

import java.util.List;

/**
 * What {@link Plinth#repair()} cleaned up after failed migrations that ran outside a transaction.
 *
 * @param removedFailures the failed history rows removed, as {@code V4__add_index.sql}; the next
 *     migrate runs those migrations again
 * @param droppedIndexes the invalid indexes their failed {@code CREATE INDEX CONCURRENTLY} left
 *     behind, {@code schema.name}
 * @param keptInvalidIndexes invalid indexes that no failed migration names (possibly being built
 *     right now by someone else), left alone
 */
public record RepairResult(List<String> removedFailures, List<String> droppedIndexes, List<String> keptInvalidIndexes) {

  public RepairResult {
    removedFailures = List.copyOf(removedFailures);
    droppedIndexes = List.copyOf(droppedIndexes);
    keptInvalidIndexes = List.copyOf(keptInvalidIndexes);
  }

  public boolean nothingToDo() {
    return removedFailures.isEmpty() && droppedIndexes.isEmpty();
  }
}
