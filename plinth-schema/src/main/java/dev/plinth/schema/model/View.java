package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL view, or materialized view.
 *
 * @param javaClass the binary name of the record it comes from
 * @param sql the query, as written in {@code @View(sql)}
 * @param materialized whether it is a materialized view; absent (false) for a view
 * @param noData for a materialized view, whether it is created {@code WITH NO DATA} (unreadable
 *     until refreshed); absent (false) otherwise
 * @param indexes for a materialized view, its indexes; absent (empty) otherwise
 * @param grants the privileges granted on the view, sorted by role (created with it); absent
 *     (empty) when none
 * @param refresh for a materialized view, how many times a migration was asked to refresh it
 *     ({@code @View(refresh)}): raising it makes the next migration refresh the view; absent (0)
 *     otherwise. It is not part of what the view is: views differing only in it are the same view
 */
@JsonPropertyOrder({"name", "javaClass", "sql", "materialized", "noData", "indexes", "grants", "refresh"})
public record View(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("javaClass") String javaClass,
    @JsonProperty("sql") String sql,
    @JsonProperty("materialized") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean materialized,
    @JsonProperty("noData") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noData,
    @JsonProperty("indexes") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Index> indexes,
    @JsonProperty("grants") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Grant> grants,
    @JsonProperty("refresh") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int refresh) {
  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    Objects.requireNonNull(sql, "sql");
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
    grants = TableSecurity.sortedGrants(grants);
  }

  /** A view, or materialized view, never asked to be refreshed. */
  public View(QualifiedName name, String javaClass, String sql, boolean materialized, boolean noData,
      List<Index> indexes, List<Grant> grants) {
    this(name, javaClass, sql, materialized, noData, indexes, grants, 0);
  }

  /** A (not materialized) view nothing is granted on. */
  public View(QualifiedName name, String javaClass, String sql) {
    this(name, javaClass, sql, false, false, List.of(), List.of());
  }

  /** A view, or materialized view, nothing is granted on. */
  public View(QualifiedName name, String javaClass, String sql, boolean materialized, boolean noData,
      List<Index> indexes) {
    this(name, javaClass, sql, materialized, noData, indexes, List.of());
  }

  /** A (not materialized) view with these grants. */
  public View(QualifiedName name, String javaClass, String sql, List<Grant> grants) {
    this(name, javaClass, sql, false, false, List.of(), grants);
  }

  /** What it is called in statements and messages: {@code VIEW} or {@code MATERIALIZED VIEW}. */
  public String kind() {
    return materialized ? "MATERIALIZED VIEW" : "VIEW";
  }

  /** The same view under another name (its schema renamed, say). */
  public View withName(QualifiedName newName) {
    return new View(newName, javaClass, sql, materialized, noData, indexes, grants, refresh);
  }

  public View withGrants(List<Grant> newGrants) {
    return new View(name, javaClass, sql, materialized, noData, indexes, newGrants, refresh);
  }

  /** The same view with another refresh count ({@code @View(refresh)}). */
  public View withRefresh(int newRefresh) {
    return new View(name, javaClass, sql, materialized, noData, indexes, grants, newRefresh);
  }
}
