package dev.plinth.schema.model;

/**
 * One key of an index: a column or an expression, with an optional operator class and order.
 *
 * @param column the column name, or null for an expression
 * @param expression the SQL expression as written, or null for a column
 * @param opclass the operator class, or null
 * @param descending whether the key is sorted descending
 */
public record IndexKey(String column, String expression, String opclass, boolean descending) {
  public IndexKey {
    if ((column == null) == (expression == null)) {
      throw new IllegalArgumentException("an index key is a column or an expression");
    }
  }

  public static IndexKey column(String column) {
    return new IndexKey(column, null, null, false);
  }
}
