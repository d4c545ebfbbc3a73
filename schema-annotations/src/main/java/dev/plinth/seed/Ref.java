package dev.plinth.seed;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed reference to a row of table {@code T}, for foreign keys: either a row added by a seed set
 * (its key is known once it is inserted, whatever generates it) or an existing row given by its key
 * ({@link #existing}).
 *
 * @param <T> the record class of the referenced table
 */
public abstract class Ref<T> {
  private final TableInfo table;

  Ref(TableInfo table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** The referenced table. */
  public final TableInfo table() {
    return table;
  }

  /**
   * A reference to a row that is already in the database (or that another tool inserts), by the
   * values of its key columns in order. The generated builders offer a typed form of it, e.g.
   * {@code OrganizationSeed.ref(id)}.
   */
  public static <T> Ref<T> existing(TableInfo table, List<String> columns, List<?> values) {
    if (columns.size() != values.size() || columns.isEmpty()) {
      throw new IllegalArgumentException("a key of " + table.qualifiedName() + " needs one value per column "
          + columns + ", got " + values.size());
    }
    Map<String, Object> key = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      table.column(columns.get(i));
      key.put(columns.get(i), Objects.requireNonNull(values.get(i), "key value " + columns.get(i)));
    }
    return new Existing<>(table, key);
  }

  /**
   * A reference to a row that is already in the database by the values of {@code table}'s primary
   * key columns, in key order: the generated {@code ref} methods call it.
   */
  public static <T> Ref<T> byKey(TableInfo table, Object[] key) {
    return existing(table, table.primaryKey(), Arrays.asList(key));
  }

  /** A row already in the database. */
  public static final class Existing<T> extends Ref<T> {
    private final Map<String, Object> key;

    Existing(TableInfo table, Map<String, Object> key) {
      super(table);
      this.key = Collections.unmodifiableMap(key);
    }

    /** The key values, by column name. */
    public Map<String, Object> key() {
      return key;
    }

    @Override
    public String toString() {
      return table().qualifiedName() + key;
    }
  }
}
