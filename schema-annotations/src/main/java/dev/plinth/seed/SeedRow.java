package dev.plinth.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row a seed set added. The generated builders subclass it with one typed setter per optional
 * column; it is also the {@link Ref} that child rows use for their foreign keys. Its values can be
 * changed until the seeder inserts it, after every seed set has run.
 *
 * @param <T> the record class of the table
 */
public class SeedRow<T> extends Ref<T> {
  private final String seedSet;
  private final int ordinal;
  private final Map<String, Object> values = new LinkedHashMap<>();

  protected SeedRow(SeedRows rows, TableInfo table) {
    super(table);
    this.seedSet = rows.currentSet();
    this.ordinal = rows.add(this);
  }

  /**
   * A row with its required columns set: {@code required} holds a value for each column of
   * {@code table} that is not {@linkplain TableInfo.ColumnInfo#optional() optional}, in column
   * order (what a generated {@code insert} takes as parameters).
   */
  protected SeedRow(SeedRows rows, TableInfo table, Object[] required) {
    this(rows, table);
    List<TableInfo.ColumnInfo> requiredColumns = table.columns().stream().filter(c -> !c.optional()).toList();
    if (requiredColumns.size() != required.length) {
      throw new IllegalArgumentException("table " + table.qualifiedName() + " has " + requiredColumns.size()
          + " required columns, " + required.length + " values given");
    }
    for (int i = 0; i < required.length; i++) {
      values.put(requiredColumns.get(i).name(), required[i]);
    }
  }

  /**
   * Sets a column, by SQL name, to a value: a Java value of the column's type, an enum constant, a
   * JSON string for {@code jsonb}, or a {@link Ref} for a single-column foreign key. The generated
   * setters call it; it is public as an escape hatch and for hand-written table descriptions.
   */
  public final SeedRow<T> set(String column, Object value) {
    table().column(column);
    values.put(column, value);
    return this;
  }

  /** The values set so far, by column name, in the order they were set. */
  public final Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  /** The binary name of the seed set that added this row, or null outside one. */
  public final String seedSet() {
    return seedSet;
  }

  /**
   * A name for this row that stays the same from run to run as long as the seed set adds the same
   * rows in the same order: {@code <seed set>/<table>#<n>}. The seeder derives deterministic keys
   * from it.
   */
  public final String seedKey() {
    return (seedSet == null ? "" : seedSet) + "/" + table().qualifiedName() + "#" + ordinal;
  }

  @Override
  public String toString() {
    return seedKey() + values;
  }
}
