package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AddPrimaryKey;
import dev.plinth.schema.diff.Change.AddUnique;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropIndex;
import dev.plinth.schema.diff.Change.DropPrimaryKey;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.diff.Change.DropUnique;
import dev.plinth.schema.diff.Change.RenameColumn;
import dev.plinth.schema.diff.Change.RenameConstraint;
import dev.plinth.schema.diff.Change.RenameIndex;
import dev.plinth.schema.diff.Change.RenameTable;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The strict plan's indexes on tables that existed before the migration: an index is built and
 * dropped {@code CONCURRENTLY} (by the plan's migrations outside a transaction, as an
 * {@code @Index(concurrently = true)} is), and a unique constraint or primary key is added
 * {@code USING INDEX} of a unique index built {@code CONCURRENTLY} just before, so that writes are
 * blocked only for the moment the constraint is attached, not for the whole build. Tables the
 * migration creates, drops or renames (also by renaming their schema) keep everything in its
 * transaction; so does a constraint on
 * columns the migration adds, changes or renames, or whose name it also drops or renames.
 */
public final class ConcurrentIndexes {
  private ConcurrentIndexes() {}

  /** The changes, those that the strict plan runs outside the transaction marked so. */
  static List<Change> mark(List<Change> changes) {
    return mark(Schema.EMPTY, changes);
  }

  /**
   * The changes to {@code before}, those that the strict plan runs outside the transaction marked
   * so. Indexes and keys of partitioned tables stay in it (PostgreSQL cannot build them
   * concurrently); a partition is detached {@code CONCURRENTLY} unless its table has a default
   * partition (which PostgreSQL refuses).
   */
  static List<Change> mark(Schema before, List<Change> changes) {
    InTransaction inTransaction = InTransaction.of(changes);
    Set<QualifiedName> withDefault = new HashSet<>();
    for (Table table : before.tables()) {
      if (table.partitioned()) {
        inTransaction.tables().add(table.name());
        if (table.partitioning().hasDefault()) {
          withDefault.add(table.name());
        }
      }
    }
    return changes.stream().map(change -> mark(change, changes, inTransaction, withDefault)).toList();
  }

  private static Change mark(Change change, List<Change> changes, InTransaction inTransaction,
      Set<QualifiedName> withDefault) {
    if (change instanceof Change.DetachPartition d && !d.concurrent() && !d.partition().isDefault()
        && !withDefault.contains(d.table())
        && !InTransaction.of(changes).contains(d.table())) {
      return d.concurrently();
    } else if (change instanceof AddIndex a && !a.concurrently() && !inTransaction.contains(a.table())) {
      return new AddIndex(a.table(), a.index(), true);
    } else if (change instanceof DropIndex d && !d.concurrently() && !inTransaction.contains(d.table())
        // The index is recorded with the columns' new names; a drop before the transaction would
        // be undone after the rename is.
        && changes.stream().noneMatch(c -> c instanceof Change.RenameColumn r && r.table().equals(d.table()))) {
      return new DropIndex(d.table(), d.index(), true);
    } else if (change instanceof AddUnique u
        && attachable(u.table(), u.unique().name(), u.unique().columns(), changes, inTransaction)) {
      return new AddUnique(u.table(), u.unique(), true);
    } else if (change instanceof AddPrimaryKey p
        && attachable(p.table(), p.key().name(), p.key().columns(), changes, inTransaction)
        && changes.stream().noneMatch(c -> c instanceof DropPrimaryKey d && d.table().equals(p.table()))) {
      return new AddPrimaryKey(p.table(), p.key(), true);
    }
    return change;
  }

  /** Whether a constraint can be attached to an index built before the migration's transaction. */
  private static boolean attachable(QualifiedName table, String name, List<String> columns,
      List<Change> changes, InTransaction inTransaction) {
    return !inTransaction.contains(table)
        && changes.stream().noneMatch(c -> touchesColumn(c, table, columns) || takesName(c, name));
  }

  /** Whether the change adds, changes or renames one of {@code columns} of {@code table}. */
  private static boolean touchesColumn(Change change, QualifiedName table, List<String> columns) {
    if (change instanceof AddColumn a) {
      return a.table().equals(table) && columns.contains(a.column().name());
    } else if (change instanceof AlterColumn a) {
      return a.table().equals(table) && columns.contains(a.after().name());
    } else if (change instanceof RenameColumn r) {
      return r.table().equals(table) && columns.contains(r.to());
    }
    return false;
  }

  /** Whether the change drops or renames an index or constraint called {@code name}. */
  private static boolean takesName(Change change, String name) {
    if (change instanceof DropUnique d) {
      return d.unique().name().equals(name);
    } else if (change instanceof DropPrimaryKey d) {
      return d.key().name().equals(name);
    } else if (change instanceof DropIndex d) {
      return d.index().name().equals(name);
    } else if (change instanceof RenameIndex r) {
      return r.from().equals(name) || r.to().equals(name);
    } else if (change instanceof RenameConstraint r) {
      return r.from().equals(name) || r.to().equals(name);
    }
    return false;
  }

  /**
   * The tables the changes create, drop or rename, and the schemas they rename (a renamed schema's
   * tables have new names, which exist only once the transaction has renamed it): their indexes
   * stay in the transaction.
   */
  private record InTransaction(Set<QualifiedName> tables, Set<String> schemas) {
    static InTransaction of(List<Change> changes) {
      Set<QualifiedName> tables = new HashSet<>();
      Set<String> schemas = new HashSet<>();
      for (Change change : changes) {
        if (change instanceof CreateTable c) {
          tables.add(c.table().name());
        } else if (change instanceof DropTable d) {
          tables.add(d.table().name());
        } else if (change instanceof RenameTable r) {
          tables.add(r.from());
          tables.add(r.to());
        } else if (change instanceof Change.RenameSchema r) {
          schemas.add(r.from());
          schemas.add(r.to());
        }
      }
      return new InTransaction(tables, schemas);
    }

    boolean contains(QualifiedName table) {
      return tables.contains(table) || schemas.contains(table.schema());
    }
  }
}
