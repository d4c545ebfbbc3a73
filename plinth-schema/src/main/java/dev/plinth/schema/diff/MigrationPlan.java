package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddCheck;
import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AddEnumValue;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one schema change into migrations: work that PostgreSQL cannot do inside a transaction
 * ({@code CREATE/DROP INDEX CONCURRENTLY}) gets migrations of its own, before (drops) and after
 * (creates) the transactional one; so do enum values that are added and used in the same change
 * (a value added in a transaction cannot be used before it commits).
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
    List<Change> usedValues = new ArrayList<>();
    for (Change change : changes) {
      if (change instanceof AddEnumValue added && usedElsewhere(changes, "'" + added.value() + "'")) {
        usedValues.add(change);
      }
    }
    List<Change> concurrentDrops = new ArrayList<>();
    List<Change> transactional = new ArrayList<>();
    List<Change> concurrentAdds = new ArrayList<>();
    for (Change change : changes) {
      if (usedValues.contains(change)) {
        continue;
      } else if (change instanceof DropIndex d && d.index().concurrently()) {
        concurrentDrops.add(change);
      } else if (change instanceof AddIndex a && a.index().concurrently()) {
        concurrentAdds.add(change);
      } else {
        transactional.add(change);
      }
    }
    List<Step> steps = new ArrayList<>();
    if (!usedValues.isEmpty()) {
      steps.add(new Step(usedValues, false));
    }
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

  /** Whether a change other than adding the value writes {@code literal} into the schema. */
  private static boolean usedElsewhere(List<Change> changes, String literal) {
    for (Change change : changes) {
      List<String> expressions = new ArrayList<>();
      if (change instanceof CreateTable c) {
        c.table().columns().forEach(col -> expressions.add(col.defaultSql()));
        c.table().checks().forEach(k -> expressions.add(k.expression()));
      } else if (change instanceof AddColumn c) {
        expressions.add(c.column().defaultSql());
      } else if (change instanceof AlterColumn c) {
        expressions.add(c.after().defaultSql());
      } else if (change instanceof AddCheck c) {
        expressions.add(c.check().expression());
      } else if (change instanceof AddIndex c) {
        expressions.add(c.index().where());
        c.index().keys().forEach(k -> expressions.add(k.expression()));
      }
      if (expressions.stream().anyMatch(e -> e != null && e.contains(literal))) {
        return true;
      }
    }
    return false;
  }
}
