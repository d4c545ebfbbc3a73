package dev.plinth.schema.diff;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Table;
import java.util.List;

/**
 * The expressions of a table that read columns of an enum type: PostgreSQL keeps their labels as
 * constants of the type, so rebuilding the type means dropping them before the swap and making
 * them again after it.
 */
public final class EnumUses {
  private EnumUses() {}

  /** The indexes whose predicate or expression keys read a column of {@code type}. */
  public static List<Index> indexes(Table table, QualifiedName type) {
    return indexes(table, columns(table, type));
  }

  /** The indexes whose predicate or expression keys read a column of any enum type or domain. */
  public static List<Index> indexes(Table table) {
    return indexes(table, columns(table, null));
  }

  /** The check constraints that read a column of {@code type}. */
  public static List<CheckConstraint> checks(Table table, QualifiedName type) {
    return checks(table, columns(table, type));
  }

  /** The check constraints that read a column of any enum type or domain. */
  public static List<CheckConstraint> checks(Table table) {
    return checks(table, columns(table, null));
  }

  /** The generated columns whose expression reads a column of any enum type or domain. */
  public static List<Column> generated(Table table) {
    List<String> columns = columns(table, null);
    return table.columns().stream().filter(c -> c.isGenerated() && reads(c.generated(), columns)).toList();
  }

  /** Whether {@code sql} (an expression on {@code table}) reads a column of an enum type or domain. */
  public static boolean readsKeptAsText(Table table, String sql) {
    return reads(sql, columns(table, null));
  }

  private static List<Index> indexes(Table table, List<String> columns) {
    return table.indexes().stream()
        .filter(i -> reads(i.where(), columns)
            || i.keys().stream().anyMatch(k -> reads(k.expression(), columns)))
        .toList();
  }

  private static List<CheckConstraint> checks(Table table, List<String> columns) {
    return table.checks().stream().filter(c -> reads(c.expression(), columns)).toList();
  }

  /**
   * Whether a backup keeps the column's values as text: a column of an enum type or of a domain
   * (a type named by its quoted name), so that the backup never holds on to a type that a later
   * migration changes or drops.
   */
  public static boolean keptAsText(Column column) {
    return column.enumType() != null || column.type().startsWith("\"");
  }

  /** The columns of {@code type}, or of any enum type or domain (null). */
  private static List<String> columns(Table table, QualifiedName type) {
    return table.columns().stream()
        .filter(c -> type == null ? keptAsText(c) : type.equals(c.enumType()))
        .map(Column::name).toList();
  }

  private static boolean reads(String sql, List<String> columns) {
    return sql != null && columns.stream().anyMatch(c -> Expressions.namesColumn(sql, c));
  }
}
