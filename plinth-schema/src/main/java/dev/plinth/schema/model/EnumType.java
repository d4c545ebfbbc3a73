package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A PostgreSQL enum type.
 *
 * @param javaClass the binary name of the Java enum it comes from
 * @param values the labels in declaration order
 * @param renamedFrom the previous name stated by {@code @RenamedFrom} on the enum, or null
 * @param renamedValues previous labels stated by {@code @RenamedFrom} on constants (new to old),
 *     or null for none
 */
@JsonPropertyOrder({"name", "javaClass", "values", "renamedFrom", "renamedValues"})
public record EnumType(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("javaClass") String javaClass,
    @JsonProperty("values") List<String> values,
    @JsonProperty("renamedFrom") String renamedFrom,
    @JsonProperty("renamedValues") Map<String, String> renamedValues) {
  public EnumType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    values = List.copyOf(values);
    renamedValues = renamedValues == null || renamedValues.isEmpty() ? null
        : new TreeMap<>(renamedValues);
  }

  public EnumType(QualifiedName name, String javaClass, List<String> values) {
    this(name, javaClass, values, null, null);
  }

  /** The same type without rename hints, for comparing and recording definitions. */
  public EnumType definition() {
    return new EnumType(name, javaClass, values);
  }

  public EnumType withName(QualifiedName newName) {
    return new EnumType(newName, javaClass, values, renamedFrom, renamedValues);
  }

  public EnumType withValues(List<String> newValues) {
    return new EnumType(name, javaClass, newValues, renamedFrom, renamedValues);
  }
}
