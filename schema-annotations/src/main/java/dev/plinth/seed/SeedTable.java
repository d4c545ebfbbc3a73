package dev.plinth.seed;

import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Base class of the generated seed builders ({@code UserSeed}): the work common to every table,
 * so that a generated builder is only its typed surface (an {@code insert} taking the required
 * columns, a setter per optional column, {@code ref} by primary key).
 *
 * @param <T> the record class of the table
 */
public abstract class SeedTable<T> {
  private final SeedRows rows;
  private final TableInfo table;
  private final Function<? super T, Object[]> values;

  /**
   * @param values a record's value for every column of {@code table}, in column order (the bulk path)
   */
  protected SeedTable(SeedRows rows, TableInfo table, Function<? super T, Object[]> values) {
    this.rows = Objects.requireNonNull(rows, "rows");
    this.table = Objects.requireNonNull(table, "table");
    this.values = Objects.requireNonNull(values, "values");
  }

  /** Where the rows go. */
  protected final SeedRows rows() {
    return rows;
  }

  /**
   * Adds rows through the bulk path ({@code COPY}), read once when the seed runs. Every column is
   * copied from the records, except columns that have a default or are identities and are null in
   * the first record: those are left to the database for all. A primitive identity of 0 counts as
   * null.
   */
  public final void insertAll(Iterable<? extends T> records) {
    rows.addBulk(table, records, values);
  }

  /** Adds rows through the bulk path ({@code COPY}); see {@link #insertAll(Iterable)}. */
  public final void insertAll(Stream<? extends T> records) {
    Objects.requireNonNull(records, "records");
    rows.addBulk(table, () -> records.<Object[]>map(values).iterator());
  }
}
