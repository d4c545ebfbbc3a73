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
 * @param securityBarrier whether it is created {@code WITH (security_barrier=true)}; absent (false)
 *     otherwise, and for a materialized view
 * @param checkOption {@code "local"} or {@code "cascaded"} for a view created {@code WITH LOCAL
 *     | CASCADED CHECK OPTION}, as PostgreSQL stores it in its options; absent (null) otherwise
 * @param securityInvoker whether it is created {@code WITH (security_invoker=true)} (PostgreSQL
 *     15); absent (false) otherwise
 * @param comment its comment ({@code COMMENT ON VIEW}); absent (null) when it has none
 */
@JsonPropertyOrder({"name", "javaClass", "sql", "materialized", "noData", "indexes", "grants", "refresh",
    "securityBarrier", "checkOption", "securityInvoker", "comment"})
public record View(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("javaClass") String javaClass,
    @JsonProperty("sql") String sql,
    @JsonProperty("materialized") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean materialized,
    @JsonProperty("noData") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noData,
    @JsonProperty("indexes") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Index> indexes,
    @JsonProperty("grants") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Grant> grants,
    @JsonProperty("refresh") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int refresh,
    @JsonProperty("securityBarrier") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean securityBarrier,
    @JsonProperty("checkOption") @JsonInclude(JsonInclude.Include.NON_NULL) String checkOption,
    @JsonProperty("securityInvoker") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean securityInvoker,
    @JsonProperty("comment") @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {
  /** The check options a view can have, as PostgreSQL stores them. */
  public static final List<String> CHECK_OPTIONS = List.of("local", "cascaded");

  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    Objects.requireNonNull(sql, "sql");
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
    grants = TableSecurity.sortedGrants(grants);
    if (checkOption != null && !CHECK_OPTIONS.contains(checkOption)) {
      throw new IllegalArgumentException("check option " + checkOption + " of view " + name
          + " is not one of " + CHECK_OPTIONS);
    }
  }

  /** A view, or materialized view, without options or comment. */
  public View(QualifiedName name, String javaClass, String sql, boolean materialized, boolean noData,
      List<Index> indexes, List<Grant> grants, int refresh) {
    this(name, javaClass, sql, materialized, noData, indexes, grants, refresh, false, null, false, null);
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
    return new View(newName, javaClass, sql, materialized, noData, indexes, grants, refresh,
        securityBarrier, checkOption, securityInvoker, comment);
  }

  public View withGrants(List<Grant> newGrants) {
    return new View(name, javaClass, sql, materialized, noData, indexes, newGrants, refresh,
        securityBarrier, checkOption, securityInvoker, comment);
  }

  /** The same view with another refresh count ({@code @View(refresh)}). */
  public View withRefresh(int newRefresh) {
    return new View(name, javaClass, sql, materialized, noData, indexes, grants, newRefresh,
        securityBarrier, checkOption, securityInvoker, comment);
  }

  /**
   * The same view with these options ({@code security_barrier}, {@code check_option} as
   * {@code "local"}, {@code "cascaded"} or null, {@code security_invoker}) and comment (null for
   * none).
   */
  public View withOptions(boolean newSecurityBarrier, String newCheckOption,
      boolean newSecurityInvoker, String newComment) {
    return new View(name, javaClass, sql, materialized, noData, indexes, grants, refresh,
        newSecurityBarrier, newCheckOption, newSecurityInvoker, newComment);
  }

  /** The same view without options and comment: what {@code ALTER VIEW} and a comment cannot change. */
  public View withoutOptions() {
    return withOptions(false, null, false, null);
  }

  /**
   * Its options as PostgreSQL lists them in {@code pg_class.reloptions}, in name order, each
   * {@code name=value}: those set only ({@code check_option=cascaded}, {@code security_barrier=true},
   * {@code security_invoker=true}).
   */
  public List<String> options() {
    List<String> out = new java.util.ArrayList<>();
    if (checkOption != null) {
      out.add("check_option=" + checkOption);
    }
    if (securityBarrier) {
      out.add("security_barrier=true");
    }
    if (securityInvoker) {
      out.add("security_invoker=true");
    }
    return List.copyOf(out);
  }
}
