package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A check constraint over an SQL boolean expression, kept as written. */
@JsonPropertyOrder({"name", "expression"})
public record CheckConstraint(
    @JsonProperty("name") String name,
    @JsonProperty("expression") String expression) implements Named {
  public CheckConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }
}
