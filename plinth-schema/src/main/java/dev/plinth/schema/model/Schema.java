package dev.plinth.schema.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole schema: tables, enum types and views, each sorted by name, and the roles their
 * policies and grants name (sorted by name). Schemas (namespaces) and extensions are derived from
 * them, not stored.
 */
public record Schema(List<Table> tables, List<EnumType> enums, List<View> views, List<Role> roles) {
  // Before EMPTY, which the constructor makes with them.
  private static final Comparator<Table> TABLES = Comparator.comparing(Table::name);
  private static final Comparator<EnumType> ENUMS = Comparator.comparing(EnumType::name);
  private static final Comparator<View> VIEWS = Comparator.comparing(View::name);

  public static final Schema EMPTY = new Schema(List.of(), List.of());

  /** The extension that {@code vector(n)} columns need. */
  public static final String VECTOR_EXTENSION = "vector";

  public Schema {
    tables = sorted(tables, TABLES);
    enums = sorted(enums, ENUMS);
    views = sorted(views, VIEWS);
    List<Role> sortedRoles = new ArrayList<>(roles);
    sortedRoles.sort(Comparator.comparing(Role::name));
    roles = List.copyOf(sortedRoles);
  }

  /** A schema that declares no role. */
  public Schema(List<Table> tables, List<EnumType> enums, List<View> views) {
    this(tables, enums, views, List.of());
  }

  /** A schema without views. */
  public Schema(List<Table> tables, List<EnumType> enums) {
    this(tables, enums, List.of(), List.of());
  }

  /**
   * An immutable sorted list of {@code items}: taken as it is when it is one this class made
   * (schemas edited change by change share their lists, see {@link NameList}); sorting is skipped
   * when the items already are in order (the usual case).
   */
  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    if (items instanceof NameList<T> list && list.sortedBy(order)) {
      return list;
    }
    for (int i = 1; i < items.size(); i++) {
      if (order.compare(items.get(i - 1), items.get(i)) > 0) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return NameList.ofSorted(copy, order);
      }
    }
    return NameList.ofSorted(items, order);
  }

  /** The table of that name; a search of the tree the tables are kept in, by name. */
  public Optional<Table> table(QualifiedName name) {
    return Optional.ofNullable(list(tables).find(t -> t.name().compareTo(name)));
  }

  /** The enum type of that name. */
  public Optional<EnumType> enumType(QualifiedName name) {
    return Optional.ofNullable(list(enums).find(e -> e.name().compareTo(name)));
  }

  /** The list as the constructor keeps it. */
  private static <T> NameList<T> list(List<T> items) {
    return (NameList<T>) items;
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
    return new Schema(list(tables).with(table), enums, views, roles);
  }

  public Schema withoutTable(QualifiedName name) {
    return new Schema(list(tables).without(t -> t.name().compareTo(name)), enums, views, roles);
  }

  /** The schema with {@code type} added, or replacing the type of the same name. */
  public Schema withEnum(EnumType type) {
    return new Schema(tables, list(enums).with(type), views, roles);
  }

  public Schema withoutEnum(QualifiedName name) {
    return new Schema(tables, list(enums).without(e -> e.name().compareTo(name)), views, roles);
  }

  /** The view of that name. */
  public Optional<View> view(QualifiedName name) {
    return Optional.ofNullable(list(views).find(v -> v.name().compareTo(name)));
  }

  /** The schema with {@code view} added, or replacing the view of the same name. */
  public Schema withView(View view) {
    return new Schema(tables, enums, list(views).with(view), roles);
  }

  public Schema withoutView(QualifiedName name) {
    return new Schema(tables, enums, list(views).without(v -> v.name().compareTo(name)), roles);
  }

  /** The declared role of that name. */
  public Optional<Role> role(String name) {
    return roles.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The schema with {@code role} added, or replacing the role of the same name. */
  public Schema withRole(Role role) {
    List<Role> next = new ArrayList<>(roles.stream().filter(r -> !r.name().equals(role.name())).toList());
    next.add(role);
    return new Schema(tables, enums, views, next);
  }

  /** The schema without {@code role} (a role of the same name declared otherwise stays). */
  public Schema withoutRole(Role role) {
    return new Schema(tables, enums, views, roles.stream().filter(r -> !r.equals(role)).toList());
  }

  /** Applies {@code edit} to the named table, which must exist. */
  public Schema editTable(QualifiedName name, java.util.function.UnaryOperator<Table> edit) {
    Table table = table(name).orElseThrow(() -> new IllegalStateException("no table " + name));
    return withTable(edit.apply(table));
  }
}
