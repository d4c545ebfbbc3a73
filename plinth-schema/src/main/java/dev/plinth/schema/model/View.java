package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL view.
 *
 * @param javaClass the binary name of the record it comes from
 * @param sql the query, as written in {@code @View(sql)}
 * @param grants the privileges granted on the view, sorted by role (created with it)
 */
@JsonPropertyOrder({"name", "javaClass", "sql", "grants"})
public record View(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("javaClass") String javaClass,
    @JsonProperty("sql") String sql,
    @JsonProperty("grants") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Grant> grants) {
  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    Objects.requireNonNull(sql, "sql");
    grants = TableSecurity.sortedGrants(grants);
  }

  /** A view nothing is granted on. */
  public View(QualifiedName name, String javaClass, String sql) {
    this(name, javaClass, sql, List.of());
  }

  public View withGrants(List<Grant> newGrants) {
    return new View(name, javaClass, sql, newGrants);
  }
}
