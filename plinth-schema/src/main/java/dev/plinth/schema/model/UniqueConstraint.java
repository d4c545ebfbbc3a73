package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/** A unique constraint. */
@JsonPropertyOrder({"name", "columns"})
public record UniqueConstraint(
    @JsonProperty("name") String name,
    @JsonProperty("columns") List<String> columns) implements Named {
  public UniqueConstraint {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
