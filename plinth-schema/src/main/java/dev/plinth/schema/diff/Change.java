package dev.plinth.schema.diff;

import static dev.plinth.schema.model.Table.minus;
import static dev.plinth.schema.model.Table.plus;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One step of a migration. Every change knows its exact inverse and how it transforms a schema
 * model, so that {@code apply(before, diff(before, after)) == after} and a migration's reverse is
 * the reversed list of inverses.
 */
public sealed interface Change {

  /** The change that undoes this one. */
  Change inverse();

  /** The schema after this change. */
  Schema applyTo(Schema schema);

  /** Creates a PostgreSQL schema (namespace). */
  record CreateSchema(String name) implements Change {
    public Change inverse() {
      return new DropSchema(name);
    }

    public Schema applyTo(Schema schema) {
      return schema;
    }
  }

  /** Drops an empty PostgreSQL schema (namespace). */
  record DropSchema(String name) implements Change {
    public Change inverse() {
      return new CreateSchema(name);
    }

    public Schema applyTo(Schema schema) {
      return schema;
    }
  }

  /** Creates an extension, such as {@code vector}. */
  record CreateExtension(String name) implements Change {
    public Change inverse() {
      return new DropExtension(name);
    }

    public Schema applyTo(Schema schema) {
      return schema;
    }
  }

  /** Drops an extension that no column needs any more. */
  record DropExtension(String name) implements Change {
    public Change inverse() {
      return new CreateExtension(name);
    }

    public Schema applyTo(Schema schema) {
      return schema;
    }
  }

  /** Creates an enum type. */
  record CreateEnum(EnumType type) implements Change {
    public Change inverse() {
      return new DropEnum(type);
    }

    public Schema applyTo(Schema schema) {
      return schema.withEnum(type);
    }
  }

  /** Drops an enum type no column uses any more. */
  record DropEnum(EnumType type) implements Change {
    public Change inverse() {
      return new CreateEnum(type);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutEnum(type.name());
    }
  }

  /**
   * Creates a table with its columns, primary key, unique and check constraints; with
   * {@code restore}, moves it back from where a lossless drop kept it, rows and all.
   */
  record CreateTable(Table table, boolean restore) implements Change {
    public CreateTable {
      table = table.bare();
    }

    public CreateTable(Table table) {
      this(table, false);
    }

    public Change inverse() {
      return new DropTable(table, restore);
    }

    public Schema applyTo(Schema schema) {
      return schema.withTable(table);
    }
  }

  /**
   * Drops a table whose indexes and foreign keys were dropped before; with {@code backup}, moves it
   * to the migration's backup schema instead, so that the reverse can restore it with its rows.
   */
  record DropTable(Table table, boolean backup) implements Change {
    public DropTable {
      table = table.bare();
    }

    public Change inverse() {
      return new CreateTable(table, backup);
    }

    public Schema applyTo(Schema schema) {
      return schema.withoutTable(table.name());
    }
  }

  /** Renames a table and/or moves it to another schema. */
  record RenameTable(QualifiedName from, QualifiedName to) implements Change {
    public Change inverse() {
      return new RenameTable(to, from);
    }

    public Schema applyTo(Schema schema) {
      Table table = schema.table(from).orElseThrow();
      Schema renamed = schema.withoutTable(from).withTable(table.withName(to));
      // Foreign keys elsewhere follow the table, as they do in PostgreSQL.
      for (Table other : renamed.tables()) {
        if (other.foreignKeys().stream().anyMatch(fk -> fk.target().equals(from))) {
          renamed = renamed.withTable(other.withForeignKeys(other.foreignKeys().stream()
              .map(fk -> fk.target().equals(from) ? fk.withTarget(to) : fk).toList()));
        }
      }
      return renamed;
    }
  }

  /**
   * Adds a column. With a {@code restoreKey} (the row key its lossless drop kept the values by),
   * fills it from that backup.
   */
  record AddColumn(QualifiedName table, Column column, List<String> restoreKey) implements Change {
    public AddColumn {
      restoreKey = restoreKey == null ? List.of() : List.copyOf(restoreKey);
    }

    public AddColumn(QualifiedName table, Column column) {
      this(table, column, List.of());
    }

    public Change inverse() {
      return new DropColumn(table, column, restoreKey);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withColumns(plus(t.columns(), column)));
    }
  }

  /**
   * Drops a column. With a {@code backupKey} (the table's primary key columns), first copies its
   * values with their row keys to the migration's backup schema.
   */
  record DropColumn(QualifiedName table, Column column, List<String> backupKey) implements Change {
    public DropColumn {
      backupKey = backupKey == null ? List.of() : List.copyOf(backupKey);
    }

    public Change inverse() {
      return new AddColumn(table, column, backupKey);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withColumns(minus(t.columns(), c -> c.name().equals(column.name()))));
    }
  }

  /** Renames a column. */
  record RenameColumn(QualifiedName table, String from, String to) implements Change {
    public Change inverse() {
      return new RenameColumn(table, to, from);
    }

    /**
     * Keys, indexes, checks and foreign keys (also those of other tables that reference the
     * column) follow the column, as they do in PostgreSQL.
     */
    public Schema applyTo(Schema schema) {
      UnaryOperator<List<String>> rename = names -> names.stream().map(n -> n.equals(from) ? to : n).toList();
      UnaryOperator<String> sql = text -> Expressions.renameColumn(text, from, to);
      Schema result = schema.editTable(table, t -> t
          .withColumns(t.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList())
          .withChecks(t.checks().stream()
              .map(c -> new CheckConstraint(c.name(), sql.apply(c.expression()))).toList())
          .withPrimaryKey(t.primaryKey() == null ? null
              : new PrimaryKey(t.primaryKey().name(), rename.apply(t.primaryKey().columns())))
          .withUniques(t.uniques().stream()
              .map(u -> new UniqueConstraint(u.name(), rename.apply(u.columns()))).toList())
          .withIndexes(t.indexes().stream().map(i -> new Index(i.name(),
              i.keys().stream().map(k -> from.equals(k.column())
                  ? new IndexKey(to, null, k.opclass(), k.descending())
                  : k.expression() != null
                      ? new IndexKey(null, sql.apply(k.expression()), k.opclass(), k.descending()) : k)
                  .toList(),
              i.unique(), i.method(), sql.apply(i.where()), rename.apply(i.include()), i.concurrently()))
              .toList())
          .withForeignKeys(t.foreignKeys().stream().map(f -> new ForeignKey(f.name(),
              rename.apply(f.columns()), f.target(), f.targetColumns(), f.onDelete(), f.onUpdate()))
              .toList()));
      for (Table other : result.tables()) {
        if (other.foreignKeys().stream().anyMatch(f -> f.target().equals(table))) {
          result = result.withTable(other.withForeignKeys(other.foreignKeys().stream()
              .map(f -> f.target().equals(table) ? new ForeignKey(f.name(), f.columns(), f.target(),
                  rename.apply(f.targetColumns()), f.onDelete(), f.onUpdate()) : f)
              .toList()));
        }
      }
      return result;
    }
  }

  /**
   * Changes a column's type, nullability, default, identity or comment (same name). With a
   * {@code backupKey}, a type change that can lose values first copies them aside by row key;
   * with a {@code restoreKey}, they are put back after the change.
   */
  record AlterColumn(QualifiedName table, Column before, Column after, List<String> backupKey,
      List<String> restoreKey) implements Change {
    public AlterColumn {
      if (!before.name().equals(after.name())) {
        throw new IllegalArgumentException("AlterColumn keeps the name: " + before.name());
      }
      backupKey = backupKey == null ? List.of() : List.copyOf(backupKey);
      restoreKey = restoreKey == null ? List.of() : List.copyOf(restoreKey);
    }

    public AlterColumn(QualifiedName table, Column before, Column after) {
      this(table, before, after, List.of(), List.of());
    }

    public Change inverse() {
      return new AlterColumn(table, after, before, restoreKey, backupKey);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withColumns(t.columns().stream()
          .map(c -> c.name().equals(after.name()) ? after : c).toList()));
    }
  }

  /** Adds a primary key. */
  record AddPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
    public Change inverse() {
      return new DropPrimaryKey(table, key);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withPrimaryKey(key));
    }
  }

  /** Drops a primary key. */
  record DropPrimaryKey(QualifiedName table, PrimaryKey key) implements Change {
    public Change inverse() {
      return new AddPrimaryKey(table, key);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withPrimaryKey(null));
    }
  }

  /** Adds a unique constraint. */
  record AddUnique(QualifiedName table, UniqueConstraint unique) implements Change {
    public Change inverse() {
      return new DropUnique(table, unique);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withUniques(plus(t.uniques(), unique)));
    }
  }

  /** Drops a unique constraint. */
  record DropUnique(QualifiedName table, UniqueConstraint unique) implements Change {
    public Change inverse() {
      return new AddUnique(table, unique);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withUniques(minus(t.uniques(), u -> u.name().equals(unique.name()))));
    }
  }

  /** Adds a check constraint. */
  record AddCheck(QualifiedName table, CheckConstraint check) implements Change {
    public Change inverse() {
      return new DropCheck(table, check);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withChecks(plus(t.checks(), check)));
    }
  }

  /** Drops a check constraint. */
  record DropCheck(QualifiedName table, CheckConstraint check) implements Change {
    public Change inverse() {
      return new AddCheck(table, check);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withChecks(minus(t.checks(), c -> c.name().equals(check.name()))));
    }
  }

  /** Creates an index. */
  record AddIndex(QualifiedName table, Index index) implements Change {
    public Change inverse() {
      return new DropIndex(table, index);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withIndexes(plus(t.indexes(), index)));
    }
  }

  /** Drops an index. */
  record DropIndex(QualifiedName table, Index index) implements Change {
    public Change inverse() {
      return new AddIndex(table, index);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withIndexes(minus(t.indexes(), i -> i.name().equals(index.name()))));
    }
  }

  /** Adds a foreign key. */
  record AddForeignKey(QualifiedName table, ForeignKey key) implements Change {
    public Change inverse() {
      return new DropForeignKey(table, key);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withForeignKeys(plus(t.foreignKeys(), key)));
    }
  }

  /** Drops a foreign key. */
  record DropForeignKey(QualifiedName table, ForeignKey key) implements Change {
    public Change inverse() {
      return new AddForeignKey(table, key);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table,
          t -> t.withForeignKeys(minus(t.foreignKeys(), k -> k.name().equals(key.name()))));
    }
  }

  /** Sets, changes or removes (null) a table's comment. */
  record SetTableComment(QualifiedName table, String before, String after) implements Change {
    public Change inverse() {
      return new SetTableComment(table, after, before);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withComment(after));
    }
  }

  /**
   * Adds one value to an enum type, before or after an existing one ({@code ALTER TYPE ... ADD
   * VALUE}). PostgreSQL cannot remove a value, so the inverse rebuilds the type.
   */
  record AddEnumValue(EnumType before, EnumType after, String value, String beforeValue,
      String afterValue) implements Change {
    /** Rows holding the value after the migration make the inverse fail: nothing can hold them. */
    public Change inverse() {
      return new RebuildEnum(after, before, false, false);
    }

    public Schema applyTo(Schema schema) {
      return schema.withEnum(after);
    }
  }

  /**
   * Replaces an enum type's values (removed or reordered values): the type is renamed away, created
   * anew, and every column that uses it is converted through its text value. With {@code backup},
   * rows holding a removed value keep it in the backup and are set to NULL (or the column default);
   * with {@code restore}, those values are put back after the rebuild.
   */
  record RebuildEnum(EnumType before, EnumType after, boolean backup, boolean restore)
      implements Change {
    public RebuildEnum(EnumType before, EnumType after) {
      this(before, after, true, false);
    }

    /** The values the rebuild takes away. */
    public List<String> removedValues() {
      return before.values().stream().filter(v -> !after.values().contains(v)).toList();
    }

    public Change inverse() {
      return new RebuildEnum(after, before, restore, backup);
    }

    public Schema applyTo(Schema schema) {
      return schema.withEnum(after);
    }
  }

  /** Renames an enum type and/or moves it to another schema; the columns keep using it. */
  record RenameEnum(QualifiedName from, QualifiedName to) implements Change {
    public Change inverse() {
      return new RenameEnum(to, from);
    }

    public Schema applyTo(Schema schema) {
      EnumType type = schema.enumType(from).orElseThrow();
      Schema result = schema.withoutEnum(from).withEnum(type.withName(to));
      for (Table table : result.tables()) {
        result = result.withTable(table.withColumns(table.columns().stream()
            .map(c -> from.equals(c.enumType())
                ? new Column(c.name(), c.type().replace(from.sql(), to.sql()), to, c.nullable(),
                    c.defaultSql(), c.identity(), c.comment(), c.renamedFrom())
                : c)
            .toList()));
      }
      return result;
    }
  }

  /** Renames one value of an enum type, in place: rows holding it hold the new name. */
  record RenameEnumValue(QualifiedName type, String from, String to) implements Change {
    public Change inverse() {
      return new RenameEnumValue(type, to, from);
    }

    public Schema applyTo(Schema schema) {
      EnumType current = schema.enumType(type).orElseThrow();
      return schema.withEnum(current.withValues(current.values().stream()
          .map(v -> v.equals(from) ? to : v).toList()));
    }
  }

  /** Renames an index (when only its name changed, e.g. after its table was renamed). */
  record RenameIndex(QualifiedName table, String from, String to) implements Change {
    public Change inverse() {
      return new RenameIndex(table, to, from);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t.withIndexes(t.indexes().stream()
          .map(i -> i.name().equals(from) ? i.withName(to) : i).toList()));
    }
  }

  /**
   * Renames a primary key, unique, check or foreign key constraint (when only its name changed);
   * PostgreSQL renames a key's index with it.
   */
  record RenameConstraint(QualifiedName table, String from, String to) implements Change {
    public Change inverse() {
      return new RenameConstraint(table, to, from);
    }

    public Schema applyTo(Schema schema) {
      return schema.editTable(table, t -> t
          .withPrimaryKey(t.primaryKey() != null && t.primaryKey().name().equals(from)
              ? new PrimaryKey(to, t.primaryKey().columns()) : t.primaryKey())
          .withUniques(t.uniques().stream()
              .map(u -> u.name().equals(from) ? new UniqueConstraint(to, u.columns()) : u).toList())
          .withChecks(t.checks().stream()
              .map(c -> c.name().equals(from) ? new CheckConstraint(to, c.expression()) : c).toList())
          .withForeignKeys(t.foreignKeys().stream()
              .map(f -> f.name().equals(from) ? f.withName(to) : f).toList()));
    }
  }
}
