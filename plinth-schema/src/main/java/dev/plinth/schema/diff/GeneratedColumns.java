package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddPartition;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DetachPartition;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** How a generated column's expression is changed or dropped, by the oldest target PostgreSQL. */
public final class GeneratedColumns {
  /** The first PostgreSQL with {@code ALTER COLUMN ... SET EXPRESSION AS}. */
  public static final int SET_EXPRESSION_SINCE = 17;

  /**
   * The first PostgreSQL whose {@code ALTER COLUMN ... DROP EXPRESSION} lets go of what the
   * expression named. Before it the now plain column keeps depending (automatically) on each type,
   * function and collation the expression used, other than the built-in ones, so that dropping one
   * of those (an enum type rebuilt to lose a value, say) silently drops the column with it.
   */
  public static final int DROP_EXPRESSION_LETS_GO_SINCE = 15;

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

  /**
   * The same, and for targets before {@link #DROP_EXPRESSION_LETS_GO_SINCE}: a generated column
   * whose expression {@link #keepsDependencies keeps dependencies} becomes plain (or, in the
   * inverse, is made plain) by a copy ({@link AlterColumn#withPlainByCopy()}), and a table or
   * partition that a backup keeps leaves out such columns meanwhile (its enum and domain columns
   * are kept as text there, the types free to change), taking back adding them again.
   *
   * @param before the schema before {@code changes}
   */
  public static List<Change> forTarget(Schema before, List<Change> changes, int postgres) {
    List<Change> set = forTarget(changes, postgres);
    if (postgres >= DROP_EXPRESSION_LETS_GO_SINCE) {
      return set;
    }
    List<Change> out = new ArrayList<>();
    Schema state = before;
    for (Change change : set) {
      out.add(beforeLettingGo(state, change));
      state = change.applyTo(state);
    }
    return out;
  }

  private static Change beforeLettingGo(Schema state, Change change) {
    if (change instanceof AlterColumn a && mayCopyPlain(state, a)) {
      return a.withPlainByCopy();
    }
    if (change instanceof CreateTable c && c.restore() && keptWithGenerated(c.table())) {
      return c.withDropsGenerated();
    }
    if (change instanceof DropTable c && c.backup() && keptWithGenerated(c.table())) {
      return c.withDropsGenerated();
    }
    if (change instanceof AddPartition c && c.restore()
        && state.table(c.table()).filter(t -> keptWithGenerated(t)).isPresent()) {
      return c.withDropsGenerated();
    }
    if (change instanceof DetachPartition c && c.backup()
        && state.table(c.table()).filter(t -> keptWithGenerated(t)).isPresent()) {
      return c.withDropsGenerated();
    }
    return change;
  }

  /**
   * Whether {@code change} (on {@code state}) makes a column generated or plain whose expression
   * {@link #keepsDependencies keeps dependencies}: for targets before
   * {@link #DROP_EXPRESSION_LETS_GO_SINCE}, the column is then made plain by a copy, which drops it,
   * so that what reads it (views, policies) lets go of it first, whatever the target.
   */
  public static boolean mayCopyPlain(Schema state, AlterColumn change) {
    if (!change.switchesGeneration()) {
      return false;
    }
    Column generated = change.before().isGenerated() ? change.before() : change.after();
    return state.table(change.table()).filter(t -> keepsDependencies(state, t, generated)).isPresent();
  }

  /** Whether a backup of {@code table} would keep generated columns that read an enum type or domain. */
  private static boolean keptWithGenerated(Table table) {
    return !EnumUses.generated(table).isEmpty();
  }

  /**
   * Whether the expression of {@code generated} (a column of {@code table}, or one it is to have)
   * leaves a dependency behind on PostgreSQL before {@link #DROP_EXPRESSION_LETS_GO_SINCE} once
   * dropped: it reads a column of an enum type or domain (comparing it with a label makes a
   * constant of the type), or names one of the schema's enum types, domains or functions. Built-in
   * types, functions and operators are pinned and leave none; the table's own columns none either.
   */
  public static boolean keepsDependencies(Schema schema, Table table, Column generated) {
    String sql = generated.generated();
    if (sql == null) {
      return false;
    }
    if (EnumUses.readsKeptAsText(table, sql)) {
      return true;
    }
    return Stream.of(schema.enums().stream().map(e -> e.name().name()),
            schema.domains().stream().map(d -> d.name().name()),
            schema.functions().stream().map(f -> f.name().name()))
        .flatMap(s -> s)
        .anyMatch(name -> Expressions.namesObject(sql, name));
  }
}
