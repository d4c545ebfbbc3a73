package dev.plinth.seed;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
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

  /**
   * A builder whose bulk path reads each record's column values through its record components, so
   * that a generated builder holds no code for it.
   *
   * @param record the record class of the table
   * @param components one letter per record component, in order: {@code c} a column, {@code z} a
   *     column of a primitive type whose 0 means "left to the database" (an identity or serial),
   *     {@code g} no column the seeder writes (a generated column); null when every component is a
   *     plain column ({@code c})
   */
  protected SeedTable(SeedRows rows, TableInfo table, Class<T> record, String components) {
    this(rows, table, columnValues(Objects.requireNonNull(record, "record"), components, table));
  }

  /** A record's values for {@code table}'s columns, in column order, read through its accessors. */
  private static <T> Function<T, Object[]> columnValues(Class<T> record, String components, TableInfo table) {
    RecordComponent[] all = record.getRecordComponents();
    if (all == null) {
      throw new IllegalArgumentException(record.getName() + " is not a record");
    }
    String kinds = components == null ? "c".repeat(all.length) : components;
    if (kinds.length() != all.length) {
      throw new IllegalArgumentException(record.getName() + " has " + all.length
          + " components, the seed builder describes " + kinds.length() + "; recompile it");
    }
    int n = (int) kinds.chars().filter(k -> k != 'g').count();
    if (n != table.columns().size()) {
      throw new IllegalArgumentException(record.getName() + " has " + n + " columns to seed, table "
          + table.qualifiedName() + " has " + table.columns().size() + "; recompile it");
    }
    Method[] accessors = new Method[n];
    boolean[] zeroIsNull = new boolean[n];
    for (int i = 0, c = 0; i < all.length; i++) {
      if (kinds.charAt(i) != 'g') {
        accessors[c] = all[i].getAccessor();
        // A record of a package-private class: its accessors are public methods of a class the
        // runtime cannot see otherwise.
        accessors[c].trySetAccessible();
        zeroIsNull[c++] = kinds.charAt(i) == 'z';
      }
    }
    return r -> {
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        Object v = invoke(accessors[i], r);
        // A primitive cannot be null: 0, which no identity sequence produces, means "number it".
        values[i] = zeroIsNull[i] && ((Number) v).longValue() == 0 ? null : v;
      }
      return values;
    };
  }

  private static Object invoke(Method accessor, Object record) {
    try {
      return accessor.invoke(Objects.requireNonNull(record, "record"));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + accessor + " for the bulk path: " + e.getMessage(), e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(accessor + " failed", cause);
    }
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
