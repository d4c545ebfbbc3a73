package dev.plinth.processor.diff;

import dev.plinth.processor.diff.Change.AddIndex;
import dev.plinth.processor.diff.Change.DropIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one schema change into migrations: work that PostgreSQL cannot do inside a transaction
 * ({@code CREATE/DROP INDEX CONCURRENTLY}) gets migrations of its own, before (drops) and after
 * (creates) the transactional one.
 */
public final class MigrationPlan {
  /** The changes of one migration and whether it runs in a transaction. */
  public record Step(List<Change> changes, boolean transactional) {
    public Step {
      changes = List.copyOf(changes);
    }
  }

  private MigrationPlan() {}

  public static List<Step> split(List<Change> changes) {
    List<Change> concurrentDrops = new ArrayList<>();
    List<Change> transactional = new ArrayList<>();
    List<Change> concurrentAdds = new ArrayList<>();
    for (Change change : changes) {
      if (change instanceof DropIndex d && d.index().concurrently()) {
        concurrentDrops.add(change);
      } else if (change instanceof AddIndex a && a.index().concurrently()) {
        concurrentAdds.add(change);
      } else {
        transactional.add(change);
      }
    }
    List<Step> steps = new ArrayList<>();
    if (!concurrentDrops.isEmpty()) {
      steps.add(new Step(concurrentDrops, false));
    }
    if (!transactional.isEmpty()) {
      steps.add(new Step(transactional, true));
    }
    if (!concurrentAdds.isEmpty()) {
      steps.add(new Step(concurrentAdds, false));
    }
    return steps;
  }
}
