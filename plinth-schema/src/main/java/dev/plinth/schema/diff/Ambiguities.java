package dev.plinth.schema.diff;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes that could be a rename as well as a drop and an add: a column disappears from a table
 * while a compatible one appears, or a table disappears while a similar one appears in its
 * schema. Plinth never guesses; the developer states which it is.
 */
public final class Ambiguities {
  /** A column that disappeared next to a compatible new one in the same table. */
  public record ColumnAmbiguity(QualifiedName table, String dropped, String added) {}

  /** A table that disappeared next to a similar new one in the same schema. */
  public record TableAmbiguity(QualifiedName dropped, QualifiedName added) {}

  private Ambiguities() {}

  public static List<ColumnAmbiguity> columns(Schema before, Schema after) {
    Schema renamed = SchemaDiff.withRenames(before, after);
    List<ColumnAmbiguity> result = new ArrayList<>();
    for (Table table : after.tables()) {
      Optional<Table> old = renamed.table(table.name());
      if (old.isEmpty() || sameNames(old.get().columns(), table.columns())) {
        continue; // Nothing dropped, nothing to mistake for a rename (every unchanged table).
      }
      Set<String> names = new HashSet<>();
      table.columns().forEach(c -> names.add(c.name()));
      List<Column> dropped = old.get().columns().stream().filter(c -> !names.contains(c.name())).toList();
      if (dropped.isEmpty()) {
        continue; // Nothing dropped, nothing to mistake for a rename (every unchanged table).
      }
      Set<String> oldNames = new HashSet<>();
      old.get().columns().forEach(c -> oldNames.add(c.name()));
      for (Column added : table.columns()) {
        if (oldNames.contains(added.name())) {
          continue;
        }
        dropped.stream().filter(d -> compatible(d, added)).findFirst()
            .ifPresent(d -> result.add(new ColumnAmbiguity(table.name(), d.name(), added.name())));
      }
    }
    return result;
  }

  /** Whether the two lists name the same columns in the same order, without allocating. */
  private static boolean sameNames(List<Column> a, List<Column> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).name().equals(b.get(i).name())) {
        return false;
      }
    }
    return true;
  }

  public static List<TableAmbiguity> tables(Schema before, Schema after) {
    Schema renamed = SchemaDiff.withRenames(before, after);
    List<TableAmbiguity> result = new ArrayList<>();
    for (Table added : after.tables()) {
      if (renamed.table(added.name()).isPresent()) {
        continue;
      }
      renamed.tables().stream()
          .filter(old -> after.table(old.name()).isEmpty())
          .filter(old -> old.name().schema().equals(added.name().schema()))
          .filter(old -> similar(old, added))
          .findFirst()
          .ifPresent(old -> result.add(new TableAmbiguity(old.name(), added.name())));
    }
    return result;
  }

  private static boolean compatible(Column a, Column b) {
    return TypeChanges.isLossless(a.type(), b.type()) || TypeChanges.isLossless(b.type(), a.type());
  }

  /** At least half of the old table's columns live on, by name and compatible type. */
  private static boolean similar(Table old, Table added) {
    long shared = old.columns().stream()
        .filter(c -> added.column(c.name()).map(n -> compatible(c, n)).orElse(false)).count();
    return shared > 0 && shared * 2 >= old.columns().size();
  }
}
