package dev.plinth.schema.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole schema: tables, enum types and views, each sorted by name. Schemas (namespaces) and
 * extensions are derived from them, not stored.
 */
public record Schema(List<Table> tables, List<EnumType> enums, List<View> views) {
  public static final Schema EMPTY = new Schema(List.of(), List.of());

  /** The extension that {@code vector(n)} columns need. */
  public static final String VECTOR_EXTENSION = "vector";

  public Schema {
    tables = sorted(tables, Comparator.comparing(Table::name));
    enums = sorted(enums, Comparator.comparing(EnumType::name));
    views = sorted(views, Comparator.comparing(View::name));
  }

  /** A schema without views. */
  public Schema(List<Table> tables, List<EnumType> enums) {
    this(tables, enums, List.of());
  }

  /** An immutable sorted copy; sorting is skipped when the items already are (the usual case). */
  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    if (items instanceof OrderedList) {
      return items;
    }
    for (int i = 1; i < items.size(); i++) {
      if (order.compare(items.get(i - 1), items.get(i)) > 0) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return List.copyOf(copy);
      }
    }
    return List.copyOf(items);
  }

  /** The table of that name; a binary search, as the tables are sorted by name. */
  public Optional<Table> table(QualifiedName name) {
    int index = Collections.binarySearch(tables, null, (t, ignored) -> t.name().compareTo(name));
    return index >= 0 ? Optional.of(tables.get(index)) : Optional.empty();
  }

  /** The enum type of that name; a binary search, as the types are sorted by name. */
  public Optional<EnumType> enumType(QualifiedName name) {
    int index = Collections.binarySearch(enums, null, (e, ignored) -> e.name().compareTo(name));
    return index >= 0 ? Optional.of(enums.get(index)) : Optional.empty();
  }

  /** The PostgreSQL schemas the tables and types live in, other than {@code public}. */
  public SortedSet<String> namespaces() {
    SortedSet<String> result = new TreeSet<>();
    tables.forEach(t -> result.add(t.name().schema()));
    enums.forEach(e -> result.add(e.name().schema()));
    views.forEach(v -> result.add(v.name().schema()));
    result.remove(QualifiedName.DEFAULT_SCHEMA);
    return result;
  }

  /** The extensions the columns need. */
  public SortedSet<String> extensions() {
    SortedSet<String> result = new TreeSet<>();
    for (Table table : tables) {
      for (Column column : table.columns()) {
        if (column.type().startsWith("vector(")) {
          result.add(VECTOR_EXTENSION);
        }
      }
    }
    return result;
  }

  /** The schema with {@code table} added, or replacing the table of the same name. */
  public Schema withTable(Table table) {
    int index = Collections.binarySearch(tables, null, (t, ignored) -> t.name().compareTo(table.name()));
    List<Table> copy = index >= 0 ? OrderedList.with(tables, index, table, true)
        : OrderedList.with(tables, -index - 1, table, false);
    return new Schema(copy, enums, views);
  }

  public Schema withoutTable(QualifiedName name) {
    return new Schema(tables.stream().filter(t -> !t.name().equals(name)).toList(), enums, views);
  }

  public Schema withEnum(EnumType type) {
    List<EnumType> copy = new ArrayList<>(enums);
    copy.removeIf(e -> e.name().equals(type.name()));
    copy.add(type);
    return new Schema(tables, copy, views);
  }

  public Schema withoutEnum(QualifiedName name) {
    return new Schema(tables, enums.stream().filter(e -> !e.name().equals(name)).toList(), views);
  }

  /** The view of that name. */
  public Optional<View> view(QualifiedName name) {
    return views.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The schema with {@code view} added, or replacing the view of the same name. */
  public Schema withView(View view) {
    List<View> copy = new ArrayList<>(views);
    copy.removeIf(v -> v.name().equals(view.name()));
    copy.add(view);
    return new Schema(tables, enums, copy);
  }

  public Schema withoutView(QualifiedName name) {
    return new Schema(tables, enums, views.stream().filter(v -> !v.name().equals(name)).toList());
  }

  /** Applies {@code edit} to the named table, which must exist. */
  public Schema editTable(QualifiedName name, java.util.function.UnaryOperator<Table> edit) {
    Table table = table(name).orElseThrow(() -> new IllegalStateException("no table " + name));
    return withTable(edit.apply(table));
  }
}
