package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * One partition of a partitioned table: a table of that name in the parent's schema, and the
 * values it holds. Exactly one kind of bound is set: {@code from}/{@code to} (RANGE, SQL literals
 * separated by commas), {@code values} (LIST), {@code modulus}/{@code remainder} (HASH), or
 * {@code isDefault}.
 */
@JsonPropertyOrder({"name", "from", "to", "values", "modulus", "remainder", "isDefault"})
public record Partition(
    @JsonProperty("name") String name,
    @JsonProperty("from") @JsonInclude(JsonInclude.Include.NON_NULL) String from,
    @JsonProperty("to") @JsonInclude(JsonInclude.Include.NON_NULL) String to,
    @JsonProperty("values") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> values,
    @JsonProperty("modulus") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int modulus,
    @JsonProperty("remainder") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int remainder,
    @JsonProperty("isDefault") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean isDefault)
    implements Named {

  public Partition {
    Objects.requireNonNull(name, "name");
    values = values == null ? List.of() : List.copyOf(values);
  }

  public static Partition range(String name, String from, String to) {
    return new Partition(name, from, to, List.of(), 0, 0, false);
  }

  public static Partition list(String name, List<String> values) {
    return new Partition(name, null, null, values, 0, 0, false);
  }

  public static Partition hash(String name, int modulus, int remainder) {
    return new Partition(name, null, null, List.of(), modulus, remainder, false);
  }

  public static Partition defaultPartition(String name) {
    return new Partition(name, null, null, List.of(), 0, 0, true);
  }

  /** The bound as PostgreSQL writes it: {@code FOR VALUES ...} or {@code DEFAULT}. */
  public String boundSql() {
    if (isDefault) {
      return "DEFAULT";
    } else if (from != null) {
      return "FOR VALUES FROM (" + from + ") TO (" + to + ")";
    } else if (!values.isEmpty()) {
      return "FOR VALUES IN (" + String.join(", ", values) + ")";
    }
    return "FOR VALUES WITH (MODULUS " + modulus + ", REMAINDER " + remainder + ")";
  }

  public Partition withName(String newName) {
    return new Partition(newName, from, to, values, modulus, remainder, isDefault);
  }
}
