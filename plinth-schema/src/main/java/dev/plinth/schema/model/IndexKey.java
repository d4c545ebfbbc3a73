package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
/**
 * One key of an index: a column or an expression, with an optional operator class and order.
 *
 * @param column the column name, or null for an expression
 * @param expression the SQL expression as written, or null for a column
 * @param opclass the operator class, or null
 * @param descending whether the key is sorted descending
 * @param nullsFirst whether NULLs sort first ({@code NULLS FIRST}) or last; null for the order's
 *     default (last ascending, first descending), which a stated default also becomes. Absent from
 *     entries written before it existed
 * @param collation the collation the key sorts and compares by ({@code COLLATE "C"}), or null for
 *     the column's or expression's own
 */
@JsonPropertyOrder({"column", "expression", "opclass", "descending", "nullsFirst", "collation"})
public record IndexKey(
    @JsonProperty("column") String column,
    @JsonProperty("expression") String expression,
    @JsonProperty("opclass") String opclass,
    @JsonProperty("descending") boolean descending,
    @JsonProperty("nullsFirst") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean nullsFirst,
    @JsonProperty("collation") @JsonInclude(JsonInclude.Include.NON_NULL) String collation) {
  public IndexKey {
    if ((column == null) == (expression == null)) {
      throw new IllegalArgumentException("an index key is a column or an expression");
    }
    if (nullsFirst != null && nullsFirst == descending) {
      nullsFirst = null;
    }
  }

  public IndexKey(String column, String expression, String opclass, boolean descending) {
    this(column, expression, opclass, descending, null, null);
  }

  public IndexKey(String column, String expression, String opclass, boolean descending,
      Boolean nullsFirst) {
    this(column, expression, opclass, descending, nullsFirst, null);
  }

  public static IndexKey column(String column) {
    return new IndexKey(column, null, null, false);
  }

  /** The same key on another column. */
  public IndexKey withColumn(String name) {
    return new IndexKey(name, null, opclass, descending, nullsFirst, collation);
  }

  /** The same key on another expression. */
  public IndexKey withExpression(String sql) {
    return new IndexKey(null, sql, opclass, descending, nullsFirst, collation);
  }

  /** The order's SQL after the column or expression (and operator class): {@code " DESC NULLS LAST"}. */
  public String orderSql() {
    return (descending ? " DESC" : "") + (nullsFirst == null ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
