package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/** A primary key constraint. */
@JsonPropertyOrder({"name", "columns"})
public record PrimaryKey(
    @JsonProperty("name") String name,
    @JsonProperty("columns") List<String> columns) {
  public PrimaryKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
