package dev.plinth.schema.model;

import java.util.Objects;

/** A check constraint over an SQL boolean expression, kept as written. */
public record CheckConstraint(String name, String expression) implements Named {
  public CheckConstraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }
}
