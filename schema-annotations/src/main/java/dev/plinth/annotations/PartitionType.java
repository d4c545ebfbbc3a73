package dev.plinth.annotations;

/** How a partitioned table spreads its rows over its partitions, for {@link PartitionBy#type()}. */
public enum PartitionType {
  /** By ranges of the key: {@code @Partition(from = "'2026-01-01'", to = "'2026-02-01'")}. */
  RANGE,
  /** By lists of key values: {@code @Partition(values = {"'eu'", "'uk'"})}. */
  LIST,
  /** By the key's hash: {@code @Partition(modulus = 4, remainder = 0)}. */
  HASH
}
