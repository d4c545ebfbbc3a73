package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A table and everything that belongs to it. Columns keep declaration order; constraints and
 * indexes are sorted by name, so equal tables are equal records.
 *
 * @param javaClass the binary name of the record it was read from
 * @param primaryKey the primary key, or null
 * @param comment the table comment, or null
 * @param renamedFrom the previous name stated by {@code @RenamedFrom}, or null
 * @param security row-level security, policies and grants; null for none (and left out of the
 *     journal, where a table is written bare: they are changes of their own)
 * @param partitioning how it is partitioned, or null for a plain table; absent from the journal then
 */
@JsonPropertyOrder({"name", "javaClass", "comment", "columns", "primaryKey", "uniques", "checks",
    "indexes", "foreignKeys", "renamedFrom", "security", "partitioning"})
public record Table(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("javaClass") String javaClass,
    @JsonProperty("comment") String comment,
    @JsonProperty("columns") List<Column> columns,
    @JsonProperty("primaryKey") PrimaryKey primaryKey,
    @JsonProperty("uniques") List<UniqueConstraint> uniques,
    @JsonProperty("checks") List<CheckConstraint> checks,
    @JsonProperty("indexes") List<Index> indexes,
    @JsonProperty("foreignKeys") List<ForeignKey> foreignKeys,
    @JsonProperty("renamedFrom") String renamedFrom,
    @JsonProperty("security") @JsonInclude(JsonInclude.Include.NON_NULL) TableSecurity security,
    @JsonProperty("partitioning") @JsonInclude(JsonInclude.Include.NON_NULL) Partitioning partitioning) {

  public Table {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    columns = List.copyOf(columns);
    uniques = sorted(uniques);
    checks = sorted(checks);
    indexes = sorted(indexes);
    foreignKeys = sorted(foreignKeys);
    security = security == null || security.isNone() ? null : security;
  }

  /** A plain (not partitioned) table without row-level security, policies or grants. */
  public Table(QualifiedName name, String javaClass, String comment, List<Column> columns,
      PrimaryKey primaryKey, List<UniqueConstraint> uniques, List<CheckConstraint> checks,
      List<Index> indexes, List<ForeignKey> foreignKeys, String renamedFrom) {
    this(name, javaClass, comment, columns, primaryKey, uniques, checks, indexes, foreignKeys,
        renamedFrom, null, null);
  }

  /** Row-level security, policies and grants; {@link TableSecurity#NONE} when there are none. */
  public TableSecurity access() {
    return security == null ? TableSecurity.NONE : security;
  }

  public Table withSecurity(TableSecurity newSecurity) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom, newSecurity, partitioning);
  }

  public boolean partitioned() {
    return partitioning != null;
  }

  /** The table with another partitioning (null: none). */
  public Table withPartitioning(Partitioning newPartitioning) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom, security, newPartitioning);
  }

  private static <T extends Named> List<T> sorted(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    copy.sort(Comparator.comparing(Named::name));
    return List.copyOf(copy);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /**
   * The table as it is right after {@code CREATE TABLE}: no indexes, no foreign keys, no row-level
   * security, policies or grants, and no partitions.
   */
  public Table bare() {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, List.of(),
        List.of(), renamedFrom, null, partitioning == null ? null : partitioning.bare());
  }

  public Table withName(QualifiedName newName) {
    return new Table(newName, javaClass, comment, columns, primaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom, security, partitioning);
  }

  public Table withComment(String newComment) {
    return new Table(name, javaClass, newComment, columns, primaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom, security, partitioning);
  }

  public Table withRenamedFrom(String previous) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, indexes,
        foreignKeys, previous, security, partitioning);
  }

  public Table withColumns(List<Column> newColumns) {
    return new Table(name, javaClass, comment, newColumns, primaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom, security, partitioning);
  }

  public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
    return new Table(name, javaClass, comment, columns, newPrimaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom, security, partitioning);
  }

  public Table withUniques(List<UniqueConstraint> newUniques) {
    return new Table(name, javaClass, comment, columns, primaryKey, newUniques, checks, indexes,
        foreignKeys, renamedFrom, security, partitioning);
  }

  public Table withChecks(List<CheckConstraint> newChecks) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, newChecks, indexes,
        foreignKeys, renamedFrom, security, partitioning);
  }

  public Table withIndexes(List<Index> newIndexes) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, newIndexes,
        foreignKeys, renamedFrom, security, partitioning);
  }

  public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, indexes,
        newForeignKeys, renamedFrom, security, partitioning);
  }

  /** Helper for the {@code with...} methods: the list plus one item. */
  public static <T> List<T> plus(List<T> items, T item) {
    List<T> copy = new ArrayList<>(items);
    copy.add(item);
    return copy;
  }

  /** Helper for the {@code with...} methods: the list without matching items. */
  public static <T> List<T> minus(List<T> items, Predicate<T> match) {
    return items.stream().filter(match.negate()).toList();
  }
}
