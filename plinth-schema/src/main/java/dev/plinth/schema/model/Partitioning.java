package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a partitioned table is partitioned, and its partitions (sorted by name).
 *
 * @param strategy {@code range}, {@code list} or {@code hash}
 * @param columns the partition key's columns, in order
 */
@JsonPropertyOrder({"strategy", "columns", "partitions"})
public record Partitioning(
    @JsonProperty("strategy") String strategy,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("partitions") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Partition> partitions) {

  public Partitioning {
    Objects.requireNonNull(strategy, "strategy");
    strategy = strategy.toLowerCase(Locale.ROOT);
    columns = List.copyOf(columns);
    List<Partition> sorted = new ArrayList<>(partitions == null ? List.of() : partitions);
    sorted.sort(Comparator.comparing(Partition::name));
    partitions = List.copyOf(sorted);
  }

  /** The clause after the column list of {@code CREATE TABLE}, without the key's quoting. */
  public String strategySql() {
    return strategy.toUpperCase(Locale.ROOT);
  }

  /** The same key without partitions. */
  public Partitioning bare() {
    return partitions.isEmpty() ? this : new Partitioning(strategy, columns, List.of());
  }

  /** Whether both partition the same way (whatever the partitions). */
  public boolean sameKey(Partitioning other) {
    return other != null && strategy.equals(other.strategy) && columns.equals(other.columns);
  }

  public Optional<Partition> partition(String name) {
    return partitions.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public boolean hasDefault() {
    return partitions.stream().anyMatch(Partition::isDefault);
  }

  public Partitioning withPartitions(List<Partition> newPartitions) {
    return new Partitioning(strategy, columns, newPartitions);
  }

  /** Keys renamed with a column. */
  public Partitioning withColumnRenamed(String from, String to) {
    return new Partitioning(strategy, columns.stream().map(c -> c.equals(from) ? to : c).toList(),
        partitions);
  }
}
