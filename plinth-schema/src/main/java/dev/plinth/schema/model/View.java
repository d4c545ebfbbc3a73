package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A PostgreSQL view.
 *
 * @param javaClass the binary name of the record it comes from
 * @param sql the query, as written in {@code @View(sql)}
 */
@JsonPropertyOrder({"name", "javaClass", "sql"})
public record View(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("javaClass") String javaClass,
    @JsonProperty("sql") String sql) {
  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    Objects.requireNonNull(sql, "sql");
  }
}
