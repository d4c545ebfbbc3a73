package dev.plinth.schema.render;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.EnumUses;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The index names (those of primary keys and unique constraints included) that a table a migration
 * drops and a table it creates both hold, in the same schema. The migration keeps the dropped table
 * in its backup schema and its rollback keeps the created one there, so each holds those indexes
 * under a name of its own while it is kept ({@code <table>#<index>}), and under its own name again
 * once it is back. The set is the same for a migration and its reverse.
 */
record SharedNames(Set<QualifiedName> names) {
  static final SharedNames NONE = new SharedNames(Set.of());

  /** The names shared by the tables that {@code changes} drop and create. */
  static SharedNames of(List<Change> changes) {
    List<Table> dropped = new ArrayList<>();
    List<Table> created = new ArrayList<>();
    for (Change change : changes) {
      if (change instanceof Change.DropTable d) {
        dropped.add(d.table());
      } else if (change instanceof Change.CreateTable c) {
        created.add(c.table());
      }
    }
    Set<QualifiedName> names = new HashSet<>();
    for (Table drop : dropped) {
      for (Table create : created) {
        if (drop.name().schema().equals(create.name().schema())) {
          List<String> theirs = indexNames(create);
          indexNames(drop).stream().filter(theirs::contains)
              .forEach(n -> names.add(new QualifiedName(drop.name().schema(), n)));
        }
      }
    }
    return names.isEmpty() ? NONE : new SharedNames(Set.copyOf(names));
  }

  /** The names of {@code table}'s indexes, those of its keys included, in the model's order. */
  private static List<String> indexNames(Table table) {
    List<String> out = new ArrayList<>();
    if (table.primaryKey() != null) {
      out.add(table.primaryKey().name());
    }
    table.uniques().stream().map(UniqueConstraint::name).forEach(out::add);
    table.indexes().stream().map(Index::name).forEach(out::add);
    return out;
  }

  /** The shared names among {@code table}'s indexes. */
  private List<String> of(Table table) {
    return indexNames(table).stream()
        .filter(n -> names.contains(new QualifiedName(table.name().schema(), n))).toList();
  }

  /** What an index of {@code table} is called while the table is kept in a backup schema. */
  String kept(Table table, String index) {
    return names.contains(new QualifiedName(table.name().schema(), index))
        ? Names.fit(table.name().name() + "#" + index) : index;
  }

  /** Renames {@code table}'s shared indexes, before it moves to the backup schema. */
  List<String> beforeBackup(Table table) {
    return of(table).stream().map(n -> "ALTER INDEX " + Sql.ident(new QualifiedName(table.name().schema(), n))
        + " RENAME TO " + Sql.ident(kept(table, n)) + ";").toList();
  }

  /**
   * Gives {@code table}'s shared indexes their names back, once it is back from the backup schema;
   * not those that the backup dropped (indexes over enum columns, made again afterwards).
   */
  List<String> afterRestore(Table table) {
    Set<String> remade = new HashSet<>(EnumUses.indexes(table).stream().map(Index::name).toList());
    return of(table).stream().filter(n -> !remade.contains(n))
        .map(n -> "ALTER INDEX " + Sql.ident(new QualifiedName(table.name().schema(), kept(table, n)))
            + " RENAME TO " + Sql.ident(n) + ";").toList();
  }
}
