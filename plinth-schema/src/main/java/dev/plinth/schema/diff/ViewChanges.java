package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddEnumValue;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.AlterView;
import dev.plinth.schema.diff.Change.CreateView;
import dev.plinth.schema.diff.Change.DropColumn;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.diff.Change.DropView;
import dev.plinth.schema.diff.Change.RebuildEnum;
import dev.plinth.schema.diff.Change.RefreshView;
import dev.plinth.schema.diff.Change.RenameColumn;
import dev.plinth.schema.diff.Change.RenameTable;
import dev.plinth.schema.diff.Change.ReplaceView;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.View;
import dev.plinth.schema.pull.SqlWords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The view changes around the other changes of a migration: views that go, change, or read
 * something the migration retypes, renames or drops are dropped first (dependents before what they
 * read) and created again last (what they read first), so the reversed list of inverses does the
 * same in the reverse.
 *
 * <p>What a view reads is found conservatively from its query's identifiers: a view reads every
 * column of each table, and each view, whose name appears in it (a column or alias that happens to
 * share a table's name makes a needless drop and create, never a missed one).
 */
final class ViewChanges {
  private ViewChanges() {}

  /**
   * {@code changes} (from {@code before} to {@code after}) with the view changes around them. A
   * view whose query changes compatibly ({@link #replaceable}), and reads nothing the changes touch
   * or drop, is replaced in place after them, and the views reading it stay.
   */
  static List<Change> around(Schema before, Schema after, List<Change> changes) {
    if (before.views().isEmpty() && after.views().isEmpty()) {
      return changes;
    }
    Set<String> touched = touchedTables(before, changes);
    Set<QualifiedName> dropped = new HashSet<>();
    Map<QualifiedName, View> replaced = new HashMap<>();
    Map<QualifiedName, View> altered = new HashMap<>();
    for (View view : before.views()) {
      if (reads(view).stream().anyMatch(touched::contains)) {
        dropped.add(view.name());
      } else if (after.views().stream().noneMatch(v -> sameView(v, view))) {
        View next = after.view(view.name()).orElse(null);
        if (next != null && alterable(view, next)) {
          altered.put(view.name(), next);
        } else if (next != null && replaceable(view, next)) {
          replaced.put(view.name(), next);
        } else {
          dropped.add(view.name());
        }
      }
    }
    // A view that reads a replaced one through a * keeps the columns the * gave when it was
    // created: it is created again, to get those it would get now.
    for (View view : before.views()) {
      if (replaced.keySet().stream().anyMatch(r -> before.view(r).filter(read -> readsView(view, read))
          .isPresent()) && !ViewQueries.fixedColumns(view.sql())) {
        dropped.add(view.name());
      }
    }
    closeOverReaders(before.views(), dropped);
    replaced.keySet().removeAll(dropped);
    altered.keySet().removeAll(dropped);
    List<Change> out = new ArrayList<>();
    List<View> dropOrder = new ArrayList<>(readFirst(before.views()));
    Collections.reverse(dropOrder);
    dropOrder.stream().filter(v -> dropped.contains(v.name())).forEach(v -> out.add(new DropView(v)));
    out.addAll(changes);
    for (View view : readFirst(after.views())) {
      if (dropped.contains(view.name()) || before.view(view.name()).isEmpty()) {
        out.add(new CreateView(view));
      } else if (replaced.containsKey(view.name())) {
        out.add(new ReplaceView(before.view(view.name()).orElseThrow(), view));
      } else if (altered.containsKey(view.name())) {
        out.add(new AlterView(before.view(view.name()).orElseThrow(), view));
      }
    }
    // Last, when the tables hold what the migration leaves in them. A view just created WITH DATA
    // holds its rows already.
    for (View view : readFirst(after.views())) {
      View was = before.view(view.name()).orElse(null);
      boolean created = was == null || dropped.contains(view.name());
      if (was != null && was.refresh() != view.refresh() && view.materialized()
          && !(created && !view.noData())) {
        out.add(new RefreshView(was, view));
      }
    }
    return List.copyOf(out);
  }

  /** Whether two views are the same but for {@link View#refresh()}, which asks for a refresh only. */
  static boolean sameView(View a, View b) {
    return a.withRefresh(0).equals(b.withRefresh(0));
  }

  /**
   * Whether {@code ALTER VIEW ... SET | RESET (...)} and {@code COMMENT ON VIEW} take {@code before}
   * to {@code after}: they differ only in their options and comment (and refresh count).
   */
  static boolean alterable(View before, View after) {
    return sameView(before.withoutOptions(), after.withoutOptions());
  }

  /**
   * Whether {@code CREATE OR REPLACE VIEW} takes {@code before} to {@code after}: both are views
   * (a materialized view has no such statement) with the same grants, and the new query keeps the
   * old one's columns ({@link ViewQueries#appends}).
   */
  static boolean replaceable(View before, View after) {
    return !before.materialized() && !after.materialized() && before.name().equals(after.name())
        && before.grants().equals(after.grants()) && ViewQueries.appends(before.sql(), after.sql());
  }

  /**
   * The views of {@code views} that read {@code view}, directly or through others, each after the
   * views it reads.
   */
  static List<View> readersOf(List<View> views, View view) {
    Set<QualifiedName> readers = new HashSet<>(Set.of(view.name()));
    closeOverReaders(views, readers);
    readers.remove(view.name());
    return readFirst(views).stream().filter(v -> readers.contains(v.name())).toList();
  }

  /** The names a view's query mentions, in lower case (quoted ones as written). */
  static Set<String> reads(View view) {
    return new HashSet<>(SqlWords.identifiers(view.sql()));
  }

  /** Adds to {@code dropped} every view that reads one in it, until none is left out. */
  private static void closeOverReaders(List<View> views, Set<QualifiedName> dropped) {
    boolean grew = true;
    while (grew) {
      grew = false;
      for (View view : views) {
        if (!dropped.contains(view.name()) && views.stream().anyMatch(other ->
            dropped.contains(other.name()) && readsView(view, other))) {
          dropped.add(view.name());
          grew = true;
        }
      }
    }
  }

  private static boolean readsView(View reader, View read) {
    return !reader.equals(read) && reads(reader).contains(read.name().name());
  }

  /** The views ordered so that each comes after the views it reads; by name otherwise. */
  static List<View> readFirst(List<View> views) {
    Set<View> placed = new LinkedHashSet<>();
    List<View> left = new ArrayList<>(views);
    while (!left.isEmpty()) {
      View next = left.stream()
          .filter(v -> left.stream().noneMatch(other -> readsView(v, other)))
          .findFirst().orElse(left.get(0)); // a cycle PostgreSQL would refuse anyway
      placed.add(next);
      left.remove(next);
    }
    return List.copyOf(placed);
  }

  /**
   * The names (as of {@code before}) of the tables whose columns the changes retype, rename or
   * drop, or which they rename or drop, and of the enum types they rebuild or add a value to (the
   * reverse rebuilds them): a view reading them cannot stay in place.
   */
  static Set<String> touchedTables(Schema before, List<Change> changes) {
    Map<QualifiedName, QualifiedName> formerNames = new HashMap<>();
    Set<QualifiedName> touched = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Change change : changes) {
      if (change instanceof RenameTable c) {
        formerNames.put(c.to(), formerNames.getOrDefault(c.from(), c.from()));
        touched.add(c.to());
      } else if (change instanceof RenameColumn c) {
        touched.add(c.table());
      } else if (change instanceof DropColumn c) {
        touched.add(c.table());
      } else if (change instanceof AlterColumn c && (c.reshapes() || GeneratedColumns.mayCopyPlain(before, c))) {
        touched.add(c.table());
      } else if (change instanceof DropTable c) {
        touched.add(c.table().name());
      } else if (change instanceof AddEnumValue c) {
        // Its reverse takes the value away by rebuilding the type, which retypes the columns.
        touched.addAll(tablesUsing(before, new HashSet<>(List.of(c.before().name(), c.after().name()))));
        names.add(c.before().name().name());
      } else if (change instanceof RebuildEnum c) {
        touched.addAll(tablesUsing(before, new HashSet<>(List.of(c.before().name(), c.after().name()))));
        names.add(c.before().name().name()); // a view that casts to the type
      }
    }
    touched.forEach(t -> names.add(formerNames.getOrDefault(t, t).name()));
    return names;
  }

  private static List<QualifiedName> tablesUsing(Schema schema, Set<QualifiedName> enumTypes) {
    return schema.tables().stream()
        .filter(t -> t.columns().stream().anyMatch(c -> enumTypes.contains(c.enumType())))
        .map(Table::name).toList();
  }
}
