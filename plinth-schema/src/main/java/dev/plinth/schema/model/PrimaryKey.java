package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A primary key constraint.
 *
 * @param deferrable when a deferrable key is checked, or null when it is not deferrable; absent
 *     from entries written before it existed
 */
@JsonPropertyOrder({"name", "columns", "deferrable"})
public record PrimaryKey(
    @JsonProperty("name") String name,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("deferrable") @JsonInclude(JsonInclude.Include.NON_NULL) Deferral deferrable) {
  public PrimaryKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  public PrimaryKey(String name, List<String> columns) {
    this(name, columns, null);
  }

  public PrimaryKey withName(String newName) {
    return new PrimaryKey(newName, columns, deferrable);
  }

  public PrimaryKey withColumns(List<String> newColumns) {
    return new PrimaryKey(name, newColumns, deferrable);
  }
}
