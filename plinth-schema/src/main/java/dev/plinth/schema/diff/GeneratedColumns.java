package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AlterColumn;
import java.util.List;

/** How a generated column's new expression is given to it, by the oldest target PostgreSQL. */
public final class GeneratedColumns {
  /** The first PostgreSQL with {@code ALTER COLUMN ... SET EXPRESSION AS}. */
  public static final int SET_EXPRESSION_SINCE = 17;

  private GeneratedColumns() {}

  /**
   * {@code changes} with each new expression of a generated column set in place when every target
   * ({@code postgres} and later) can; otherwise they stay as the differ made them: the column is
   * dropped and added again.
   */
  public static List<Change> forTarget(List<Change> changes, int postgres) {
    if (postgres < SET_EXPRESSION_SINCE) {
      return changes;
    }
    return changes.stream()
        .map(c -> c instanceof AlterColumn a && a.changesExpression() ? (Change) a.withSetExpression() : c)
        .toList();
  }
}
