package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A unique constraint.
 *
 * @param nullsNotDistinct whether NULLs count as equal ({@code NULLS NOT DISTINCT}, PostgreSQL 15+);
 *     absent (false) from entries written before it existed
 * @param deferrable when a deferrable constraint is checked, or null when it is not deferrable
 */
@JsonPropertyOrder({"name", "columns", "nullsNotDistinct", "deferrable"})
public record UniqueConstraint(
    @JsonProperty("name") String name,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("nullsNotDistinct") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean nullsNotDistinct,
    @JsonProperty("deferrable") @JsonInclude(JsonInclude.Include.NON_NULL) Deferral deferrable)
    implements Named {
  public UniqueConstraint {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  public UniqueConstraint(String name, List<String> columns) {
    this(name, columns, false, null);
  }

  public UniqueConstraint withName(String newName) {
    return new UniqueConstraint(newName, columns, nullsNotDistinct, deferrable);
  }

  public UniqueConstraint withColumns(List<String> newColumns) {
    return new UniqueConstraint(name, newColumns, nullsNotDistinct, deferrable);
  }

  /** The SQL after {@code CONSTRAINT name}: {@code UNIQUE NULLS NOT DISTINCT (a, b) DEFERRABLE}. */
  public String definitionSql(String quotedColumns) {
    return "UNIQUE " + (nullsNotDistinct ? "NULLS NOT DISTINCT " : "") + "(" + quotedColumns + ")"
        + Deferral.clause(deferrable);
  }
}
