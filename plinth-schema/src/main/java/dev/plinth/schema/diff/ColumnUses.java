package dev.plinth.schema.diff;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.util.List;

/**
 * What of a table reads one of its columns: dropping the column takes these with it, so a column
 * that is dropped and added again (a generated column given a new expression) makes them again.
 */
public final class ColumnUses {
  private ColumnUses() {}

  /** The indexes with {@code column} as a key, in an expression key, the predicate or INCLUDE. */
  public static List<Index> indexes(Table table, String column) {
    return table.indexes().stream()
        .filter(i -> i.include().contains(column) || Expressions.namesColumn(i.where(), column)
            || i.keys().stream().anyMatch(k -> column.equals(k.column())
                || Expressions.namesColumn(k.expression(), column)))
        .toList();
  }

  /** The check constraints that read {@code column}. */
  public static List<CheckConstraint> checks(Table table, String column) {
    return table.checks().stream().filter(c -> Expressions.namesColumn(c.expression(), column)).toList();
  }

  /** The unique constraints over {@code column}. */
  public static List<UniqueConstraint> uniques(Table table, String column) {
    return table.uniques().stream().filter(u -> u.columns().contains(column)).toList();
  }

  /** The generated columns whose expression reads {@code column}. */
  public static List<dev.plinth.schema.model.Column> generated(Table table, String column) {
    return table.columns().stream()
        .filter(c -> c.isGenerated() && Expressions.namesColumn(c.generated(), column)).toList();
  }
}
