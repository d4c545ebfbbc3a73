package dev.plinth.seed;

import java.util.Objects;

/**
 * Base class of the generated entry points ({@code Seeds}): one accessor per table, each returning
 * that table's typed builder. All of them add rows to the same {@link SeedRows}.
 */
public abstract class SeedDb {
  private final SeedRows rows;

  protected SeedDb(SeedRows rows) {
    this.rows = Objects.requireNonNull(rows, "rows");
  }

  /** Where the rows go. */
  public final SeedRows rows() {
    return rows;
  }
}
