package dev.plinth.schema.model;

import java.util.List;
import java.util.Objects;

/** A unique constraint. */
public record UniqueConstraint(String name, List<String> columns) implements Named {
  public UniqueConstraint {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }
}
