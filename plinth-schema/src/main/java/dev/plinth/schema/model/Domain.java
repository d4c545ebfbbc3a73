package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PostgreSQL domain: a base type with a default, NOT NULL and named checks over {@code VALUE}.
 * Columns of the domain have its {@linkplain #columnType() quoted name} as their type.
 *
 * @param javaClass the binary name of the type that declares it (empty when read from a database)
 * @param baseType the base type as PostgreSQL spells it ({@code character varying(320)})
 * @param notNull whether NULL is refused
 * @param defaultSql the default expression, or null
 * @param checks the check constraints, by name
 * @param collation the collation, or null for the base type's
 * @param comment the comment, or null
 * @param renamedFrom the previous name stated by {@code renamedFrom}, or null
 */
@JsonPropertyOrder({"name", "javaClass", "baseType", "notNull", "defaultSql", "checks", "collation",
    "comment", "renamedFrom"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Domain(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("javaClass") String javaClass,
    @JsonProperty("baseType") String baseType,
    @JsonProperty("notNull") boolean notNull,
    @JsonProperty("defaultSql") String defaultSql,
    @JsonProperty("checks") List<CheckConstraint> checks,
    @JsonProperty("collation") String collation,
    @JsonProperty("comment") String comment,
    @JsonProperty("renamedFrom") String renamedFrom) {
  public Domain {
    Objects.requireNonNull(name, "name");
    javaClass = javaClass == null ? "" : javaClass;
    Objects.requireNonNull(baseType, "baseType");
    checks = checks == null ? List.of() : checks.stream()
        .sorted(java.util.Comparator.comparing(CheckConstraint::name)).toList();
  }

  /** The type of a column of this domain: its quoted name ({@code "public"."email_address"}). */
  public String columnType() {
    return name.sql();
  }

  /** Whether {@code type} (a column's) is this domain or an array of it. */
  public boolean isTypeOf(String type) {
    return type.equals(columnType()) || type.equals(columnType() + "[]");
  }

  /** The same domain without the rename hint and the declaring class, for comparing definitions. */
  public Domain definition() {
    return new Domain(name, "", baseType, notNull, defaultSql, checks, collation, comment, null);
  }

  public Domain withName(QualifiedName newName) {
    return new Domain(newName, javaClass, baseType, notNull, defaultSql, checks, collation, comment,
        renamedFrom);
  }

  /** The check of that name, or null. */
  public CheckConstraint check(String checkName) {
    return checks.stream().filter(c -> c.name().equals(checkName)).findFirst().orElse(null);
  }

  /**
   * The checks of {@code before} that {@code after} keeps under another name (the same expression,
   * the old name gone, the new name new), each by its old name: {@code ALTER DOMAIN} renames them.
   */
  public static Map<String, CheckConstraint> renamedChecks(Domain before, Domain after) {
    List<CheckConstraint> added = new ArrayList<>(after.checks.stream().filter(c -> !before.checks.contains(c)).toList());
    Map<String, CheckConstraint> renamed = new LinkedHashMap<>();
    for (CheckConstraint old : before.checks) {
      if (after.checks.contains(old) || after.check(old.name()) != null) {
        continue;
      }
      added.stream().filter(c -> c.expression().equals(old.expression()) && before.check(c.name()) == null)
          .findFirst().ifPresent(c -> {
            added.remove(c);
            renamed.put(old.name(), c);
          });
    }
    return renamed;
  }

  /**
   * The checks that turning {@code before} into {@code after} adds: those {@code before} lacks, but
   * for the renamed ones ({@link #renamedChecks}).
   */
  public static List<CheckConstraint> addedChecks(Domain before, Domain after) {
    java.util.Collection<CheckConstraint> renamed = renamedChecks(before, after).values();
    return after.checks.stream().filter(c -> !before.checks.contains(c) && !renamed.contains(c)).toList();
  }
}
