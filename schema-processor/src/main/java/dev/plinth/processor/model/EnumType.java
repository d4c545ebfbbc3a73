package dev.plinth.processor.model;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL enum type.
 *
 * @param javaClass the binary name of the Java enum it comes from
 * @param values the labels in declaration order
 */
public record EnumType(QualifiedName name, String javaClass, List<String> values) {
  public EnumType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    values = List.copyOf(values);
  }
}
