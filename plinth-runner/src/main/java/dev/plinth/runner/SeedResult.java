package dev.plinth.runner;

import java.util.List;

/**
 * What a seed run did.
 *
 * @param env the environment seeded
 * @param seedSets the seed sets run, in order
 * @param tables per table, in insertion order (parents first)
 * @param millis how long it took
 */
public record SeedResult(String env, List<String> seedSets, List<TableResult> tables, long millis) {
  public SeedResult {
    seedSets = List.copyOf(seedSets);
    tables = List.copyOf(tables);
  }

  /** Rows written by this run, over all tables. */
  public long inserted() {
    return tables.stream().mapToLong(TableResult::inserted).sum();
  }

  /** Rows that were already present (same key) and left as they were. */
  public long skipped() {
    return tables.stream().mapToLong(TableResult::skipped).sum();
  }

  /**
   * One table.
   *
   * @param table {@code schema.name}
   * @param inserted rows written
   * @param skipped rows already present and left alone
   */
  public record TableResult(String table, long inserted, long skipped) {}
}
