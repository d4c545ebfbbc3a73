package dev.plinth.seed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Collects what seed sets add: single rows and bulk batches. Nothing touches the database here;
 * the seeder reads the collected rows afterwards and inserts them in foreign-key order.
 */
public final class SeedRows {
  private final List<SeedRow<?>> rows = new ArrayList<>();
  private final List<Bulk> bulks = new ArrayList<>();
  private final Map<String, Integer> ordinals = new HashMap<>();
  private String currentSet;

  /** Marks the rows added from now on as coming from seed set {@code name} (its binary name). */
  public void beginSet(String name) {
    currentSet = name;
  }

  /** The seed set rows are being added for, or null. */
  public String currentSet() {
    return currentSet;
  }

  /** Called by {@link SeedRow}'s constructor; returns the row's ordinal within its seed set and table. */
  int add(SeedRow<?> row) {
    rows.add(row);
    return ordinals.merge(currentSet + "/" + row.table().qualifiedName(), 1, Integer::sum);
  }

  /**
   * Adds a batch of rows for the bulk ({@code COPY}) path. Each array holds a value for every column
   * of {@code table}, in {@link TableInfo#columns()} order. The iterable is read once, inside the
   * seeding transaction, so it can stream rows that do not fit in memory.
   */
  public void addBulk(TableInfo table, Iterable<Object[]> records) {
    bulks.add(new Bulk(table, Objects.requireNonNull(records, "records"), currentSet));
  }

  /**
   * Adds a batch of records for the bulk path, each turned into its column values by
   * {@code values}; see {@link #addBulk(TableInfo, Iterable)}.
   */
  public <R> void addBulk(TableInfo table, Iterable<? extends R> records,
      Function<? super R, Object[]> values) {
    Objects.requireNonNull(records, "records");
    addBulk(table, () -> {
      Iterator<? extends R> it = records.iterator();
      return new Iterator<Object[]>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Object[] next() {
          return values.apply(it.next());
        }
      };
    });
  }

  /** The rows added, in the order they were added. */
  public List<SeedRow<?>> rows() {
    return Collections.unmodifiableList(rows);
  }

  /** The bulk batches added, in the order they were added. */
  public List<Bulk> bulks() {
    return Collections.unmodifiableList(bulks);
  }

  /**
   * A batch for the bulk path.
   *
   * @param records arrays of column values in the table's column order; read once
   * @param seedSet the binary name of the seed set that added it, or null
   */
  public record Bulk(TableInfo table, Iterable<Object[]> records, String seedSet) {}
}
