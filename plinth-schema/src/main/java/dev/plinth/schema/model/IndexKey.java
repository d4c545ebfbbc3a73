package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
/**
 * One key of an index: a column or an expression, with an optional operator class and order.
 *
 * @param column the column name, or null for an expression
 * @param expression the SQL expression as written, or null for a column
 * @param opclass the operator class, or null
 * @param descending whether the key is sorted descending
 */
@JsonPropertyOrder({"column", "expression", "opclass", "descending"})
public record IndexKey(
    @JsonProperty("column") String column,
    @JsonProperty("expression") String expression,
    @JsonProperty("opclass") String opclass,
    @JsonProperty("descending") boolean descending) {
  public IndexKey {
    if ((column == null) == (expression == null)) {
      throw new IllegalArgumentException("an index key is a column or an expression");
    }
  }

  public static IndexKey column(String column) {
    return new IndexKey(column, null, null, false);
  }
}
