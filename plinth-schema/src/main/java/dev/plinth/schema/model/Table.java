package dev.plinth.schema.model;

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
 */
@JsonPropertyOrder({"name", "javaClass", "comment", "columns", "primaryKey", "uniques", "checks",
    "indexes", "foreignKeys", "renamedFrom"})
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
    @JsonProperty("renamedFrom") String renamedFrom) {

  public Table {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    columns = List.copyOf(columns);
    uniques = sorted(uniques);
    checks = sorted(checks);
    indexes = sorted(indexes);
    foreignKeys = sorted(foreignKeys);
  }

  private static <T extends Named> List<T> sorted(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    copy.sort(Comparator.comparing(Named::name));
    return List.copyOf(copy);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The table as it is right after {@code CREATE TABLE}: no indexes and no foreign keys. */
  public Table bare() {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, List.of(),
        List.of(), renamedFrom);
  }

  public Table withName(QualifiedName newName) {
    return new Table(newName, javaClass, comment, columns, primaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom);
  }

  public Table withComment(String newComment) {
    return new Table(name, javaClass, newComment, columns, primaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom);
  }

  public Table withRenamedFrom(String previous) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, indexes,
        foreignKeys, previous);
  }

  public Table withColumns(List<Column> newColumns) {
    return new Table(name, javaClass, comment, newColumns, primaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom);
  }

  public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
    return new Table(name, javaClass, comment, columns, newPrimaryKey, uniques, checks, indexes,
        foreignKeys, renamedFrom);
  }

  public Table withUniques(List<UniqueConstraint> newUniques) {
    return new Table(name, javaClass, comment, columns, primaryKey, newUniques, checks, indexes,
        foreignKeys, renamedFrom);
  }

  public Table withChecks(List<CheckConstraint> newChecks) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, newChecks, indexes,
        foreignKeys, renamedFrom);
  }

  public Table withIndexes(List<Index> newIndexes) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, newIndexes,
        foreignKeys, renamedFrom);
  }

  public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
    return new Table(name, javaClass, comment, columns, primaryKey, uniques, checks, indexes,
        newForeignKeys, renamedFrom);
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
