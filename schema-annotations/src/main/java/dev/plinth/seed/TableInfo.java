package dev.plinth.seed;

import java.util.List;
import java.util.Objects;

/**
 * What the seeder needs to know about a table: its columns, keys and foreign keys. The processor
 * writes one into each generated builder ({@code UserSeed.TABLE}), from the same model the
 * migrations are generated from.
 *
 * @param schema the PostgreSQL schema, e.g. {@code public}
 * @param name the table name
 * @param columns the columns in table order
 * @param primaryKey the primary key columns; empty when the table has none
 * @param uniqueKeys the column lists of its unique constraints
 * @param foreignKeys its foreign keys
 */
public record TableInfo(String schema, String name, List<ColumnInfo> columns, List<String> primaryKey,
    List<List<String>> uniqueKeys, List<ForeignKeyInfo> foreignKeys) {

  public TableInfo {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** {@code schema.name}, unquoted: the table's identity. */
  public String qualifiedName() {
    return schema + "." + name;
  }

  /** The column named {@code columnName}. */
  public ColumnInfo column(String columnName) {
    for (ColumnInfo column : columns) {
      if (column.name().equals(columnName)) {
        return column;
      }
    }
    throw new IllegalArgumentException("table " + qualifiedName() + " has no column " + columnName);
  }

  /** The position of {@code columnName} in {@link #columns()}. */
  public int indexOf(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    throw new IllegalArgumentException("table " + qualifiedName() + " has no column " + columnName);
  }

  /**
   * A column.
   *
   * @param type the SQL type as PostgreSQL spells it; enum types are quoted and qualified
   * @param defaulted whether it has a default expression
   */
  public record ColumnInfo(String name, String type, boolean nullable, boolean defaulted,
      Generation generation) {
    public ColumnInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      generation = generation == null ? Generation.NONE : generation;
    }

    /** Whether an insert may leave it out: it is nullable, has a default or is an identity. */
    public boolean optional() {
      return nullable || defaulted || generation != Generation.NONE;
    }
  }

  /** Identity generation of a column. */
  public enum Generation {
    NONE,
    BY_DEFAULT,
    ALWAYS
  }

  /** A foreign key to {@code targetSchema.targetTable (targetColumns)}. */
  public record ForeignKeyInfo(List<String> columns, String targetSchema, String targetTable,
      List<String> targetColumns) {
    public ForeignKeyInfo {
      columns = List.copyOf(columns);
      targetColumns = List.copyOf(targetColumns);
    }

    /** {@code schema.table} of the referenced table. */
    public String target() {
      return targetSchema + "." + targetTable;
    }
  }
}
