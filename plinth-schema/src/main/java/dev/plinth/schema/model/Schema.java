package dev.plinth.schema.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole schema: tables, enum types, views, declared schemas ({@code @DbSchema}), functions,
 * triggers, the roles that policies and grants name, and domains, each sorted by name (triggers
 * by table, then name). The other schemas (namespaces) and the extensions are derived from them, not stored.
 */
public record Schema(List<Table> tables, List<EnumType> enums, List<View> views,
    List<Namespace> schemas, List<Function> functions, List<Trigger> triggers, List<Role> roles,
    List<Domain> domains, List<StandaloneSequence> sequences, List<Extension> declaredExtensions) {
  // Before EMPTY, which the constructor makes with them.
  private static final Comparator<Table> TABLES = Comparator.comparing(Table::name);
  private static final Comparator<EnumType> ENUMS = Comparator.comparing(EnumType::name);
  private static final Comparator<View> VIEWS = Comparator.comparing(View::name);
  private static final Comparator<Namespace> SCHEMAS = Comparator.comparing(Namespace::name);
  private static final Comparator<Function> FUNCTIONS = Comparator.comparing(Function::name);
  private static final Comparator<Trigger> TRIGGERS = Trigger::compare;
  private static final Comparator<Role> ROLES = Comparator.comparing(Role::name);
  private static final Comparator<Domain> DOMAINS = Comparator.comparing(Domain::name);
  private static final Comparator<StandaloneSequence> SEQUENCES = Comparator.comparing(StandaloneSequence::name);
  private static final Comparator<Extension> EXTENSIONS = Comparator.comparing(Extension::name);

  public static final Schema EMPTY = new Schema(List.of(), List.of());

  /** The extension that {@code vector(n)} columns need. */
  public static final String VECTOR_EXTENSION = "vector";

  /** A type's modifier and array brackets: {@code (3)[]} of {@code ltree(3)[]}. */
  private static final java.util.regex.Pattern TYPE_MODIFIERS =
      java.util.regex.Pattern.compile("(\\(.*\\))?(\\[\\])*$");
  /** The types extensions bring, with the extension each needs (PostGIS's where the server has it). */
  private static final java.util.Map<String, String> EXTENSION_TYPES = java.util.Map.of(
      "citext", "citext", "hstore", "hstore", "ltree", "ltree", "lquery", "ltree",
      "geometry", "postgis", "geography", "postgis");

  public Schema {
    tables = sorted(tables, TABLES);
    enums = sorted(enums, ENUMS);
    views = sorted(views, VIEWS);
    schemas = sorted(schemas, SCHEMAS);
    functions = sorted(functions, FUNCTIONS);
    triggers = sorted(triggers, TRIGGERS);
    roles = sorted(roles, ROLES);
    domains = sorted(domains == null ? List.of() : domains, DOMAINS);
    sequences = sorted(sequences == null ? List.of() : sequences, SEQUENCES);
    declaredExtensions = sorted(declaredExtensions == null ? List.of() : declaredExtensions, EXTENSIONS);
  }

  /** A schema without domains, declared sequences and declared extensions. */
  public Schema(List<Table> tables, List<EnumType> enums, List<View> views, List<Namespace> schemas,
      List<Function> functions, List<Trigger> triggers, List<Role> roles) {
    this(tables, enums, views, schemas, functions, triggers, roles, List.of(), List.of(), List.of());
  }

  /** A schema without declared sequences and declared extensions. */
  public Schema(List<Table> tables, List<EnumType> enums, List<View> views, List<Namespace> schemas,
      List<Function> functions, List<Trigger> triggers, List<Role> roles, List<Domain> domains) {
    this(tables, enums, views, schemas, functions, triggers, roles, domains, List.of(), List.of());
  }

  /** A schema without domains. */
  public Schema(List<Table> tables, List<EnumType> enums, List<View> views, List<Namespace> schemas,
      List<Function> functions, List<Trigger> triggers, List<Role> roles,
      List<StandaloneSequence> sequences, List<Extension> declaredExtensions) {
    this(tables, enums, views, schemas, functions, triggers, roles, List.of(), sequences, declaredExtensions);
  }

  /** A schema of tables, enum types and views only. */
  public Schema(List<Table> tables, List<EnumType> enums, List<View> views) {
    this(tables, enums, views, List.of(), List.of(), List.of(), List.of());
  }

  /** A schema without views. */
  public Schema(List<Table> tables, List<EnumType> enums) {
    this(tables, enums, List.of());
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

  /**
   * The PostgreSQL schemas, other than {@code public}: the declared ones and those the tables,
   * types and views live in.
   */
  public SortedSet<String> namespaces() {
    SortedSet<String> result = new TreeSet<>();
    schemas.forEach(s -> result.add(s.name()));
    tables.forEach(t -> result.add(t.name().schema()));
    enums.forEach(e -> result.add(e.name().schema()));
    views.forEach(v -> result.add(v.name().schema()));
    functions.forEach(f -> result.add(f.name().schema()));
    domains.forEach(d -> result.add(d.name().schema()));
    sequences.forEach(q -> result.add(q.name().schema()));
    result.remove(QualifiedName.DEFAULT_SCHEMA);
    return result;
  }

  /**
   * The extensions the columns need: {@code vector} for {@code vector(n)}, and {@code citext},
   * {@code hstore}, {@code ltree} and {@code postgis} for their types, also as array elements.
   */
  public SortedSet<String> extensions() {
    SortedSet<String> result = new TreeSet<>();
    declaredExtensions.forEach(e -> result.add(e.name()));
    for (Table table : tables) {
      for (Column column : table.columns()) {
        if (column.type().startsWith("vector(")) {
          result.add(VECTOR_EXTENSION);
        } else if (column.enumType() == null) {
          String extension = EXTENSION_TYPES.get(baseType(column.type()));
          if (extension != null) {
            result.add(extension);
          }
        }
      }
    }
    return result;
  }

  /**
   * {@code type} without its modifier and array brackets: {@code ltree} of {@code ltree(3)[]}. Asked
   * of every column of every table at each diff, so it allocates only for a type that has them.
   */
  static String baseType(String type) {
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (c == '(' || c == '[') {
        return TYPE_MODIFIERS.matcher(type).replaceFirst("");
      }
    }
    return type;
  }

  /**
   * Whether creating {@code extension} is marked, so that rolling back drops it only when the
   * migration created it (it did not exist before): every extension but {@code vector}, whose
   * committed migrations create and drop it unconditionally.
   */
  public static boolean marksCreation(String extension) {
    return !VECTOR_EXTENSION.equals(extension);
  }

  /** The schema with {@code table} added, or replacing the table of the same name. */
  public Schema withTable(Table table) {
    return withTables(list(tables).with(table));
  }

  public Schema withoutTable(QualifiedName name) {
    return withTables(list(tables).without(t -> t.name().compareTo(name)));
  }

  /** The schema with these tables (the rest unchanged). */
  public Schema withTables(List<Table> newTables) {
    return new Schema(newTables, enums, views, schemas, functions, triggers, roles, domains, sequences, declaredExtensions);
  }

  /** The schema with {@code type} added, or replacing the type of the same name. */
  public Schema withEnum(EnumType type) {
    return withEnums(list(enums).with(type));
  }

  public Schema withoutEnum(QualifiedName name) {
    return withEnums(list(enums).without(e -> e.name().compareTo(name)));
  }

  /** The schema with these enum types (the rest unchanged). */
  public Schema withEnums(List<EnumType> newEnums) {
    return new Schema(tables, newEnums, views, schemas, functions, triggers, roles, domains, sequences, declaredExtensions);
  }

  /** The view of that name. */
  public Optional<View> view(QualifiedName name) {
    return Optional.ofNullable(list(views).find(v -> v.name().compareTo(name)));
  }

  /** The schema with {@code view} added, or replacing the view of the same name. */
  public Schema withView(View view) {
    return withViews(list(views).with(view));
  }

  public Schema withoutView(QualifiedName name) {
    return withViews(list(views).without(v -> v.name().compareTo(name)));
  }

  /** The schema with these views (the rest unchanged). */
  public Schema withViews(List<View> newViews) {
    return new Schema(tables, enums, newViews, schemas, functions, triggers, roles, domains, sequences, declaredExtensions);
  }

  /** The declared schema of that name. */
  public Optional<Namespace> declared(String name) {
    return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The schema with {@code declaration} added, or replacing the declared schema of the same name. */
  public Schema withDeclared(Namespace declaration) {
    return withDeclared(list(schemas).with(declaration));
  }

  public Schema withoutDeclared(String name) {
    return withDeclared(list(schemas).without(s -> s.name().compareTo(name)));
  }

  /** The schema with the declared schemas given (the rest unchanged). */
  public Schema withDeclared(List<Namespace> declarations) {
    return new Schema(tables, enums, views, declarations, functions, triggers, roles, domains, sequences, declaredExtensions);
  }

  /** The function of that name. */
  public Optional<Function> function(QualifiedName name) {
    return Optional.ofNullable(list(functions).find(f -> f.name().compareTo(name)));
  }

  /** The schema with {@code function} added, or replacing the function of the same name. */
  public Schema withFunction(Function function) {
    return withFunctions(list(functions).with(function));
  }

  public Schema withoutFunction(QualifiedName name) {
    return withFunctions(list(functions).without(f -> f.name().compareTo(name)));
  }

  /** The schema with these functions (the rest unchanged). */
  public Schema withFunctions(List<Function> newFunctions) {
    return new Schema(tables, enums, views, schemas, newFunctions, triggers, roles, domains, sequences, declaredExtensions);
  }

  /** The schema with {@code trigger} added, or replacing the trigger of the same table and name. */
  public Schema withTrigger(Trigger trigger) {
    return withTriggers(list(triggers).with(trigger));
  }

  public Schema withoutTrigger(Trigger trigger) {
    return withTriggers(list(triggers).without(t -> Trigger.compare(t, trigger)));
  }

  /** The schema with these triggers (the rest unchanged). */
  public Schema withTriggers(List<Trigger> newTriggers) {
    return new Schema(tables, enums, views, schemas, functions, newTriggers, roles, domains, sequences, declaredExtensions);
  }

  /** The schema with the triggers of table {@code from} on table {@code to} (a renamed table). */
  public Schema withTriggersMoved(QualifiedName from, QualifiedName to) {
    Schema result = this;
    for (Trigger trigger : triggers) {
      if (trigger.table().equals(from)) {
        result = result.withoutTrigger(trigger).withTrigger(trigger.onTable(to));
      }
    }
    return result;
  }

  /** The declared role of that name. */
  public Optional<Role> role(String name) {
    return roles.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The schema with {@code role} added, or replacing the role of the same name. */
  public Schema withRole(Role role) {
    return withRoles(list(roles).with(role));
  }

  /** The schema without {@code role} (a role of the same name declared otherwise stays). */
  public Schema withoutRole(Role role) {
    return withRoles(roles.stream().filter(r -> !r.equals(role)).toList());
  }

  /** The schema with these roles (the rest unchanged). */
  public Schema withRoles(List<Role> newRoles) {
    return new Schema(tables, enums, views, schemas, functions, triggers, newRoles, domains, sequences, declaredExtensions);
  }

  /** The declared sequence of that name. */
  public Optional<StandaloneSequence> sequence(QualifiedName name) {
    return sequences.stream().filter(q -> q.name().equals(name)).findFirst();
  }

  /** The schema with {@code sequence} added, or replacing the sequence of the same name. */
  public Schema withSequence(StandaloneSequence sequence) {
    return withSequences(list(sequences).with(sequence));
  }

  public Schema withoutSequence(QualifiedName name) {
    return withSequences(list(sequences).without(q -> q.name().compareTo(name)));
  }

  /** The schema with these declared sequences (the rest unchanged). */
  public Schema withSequences(List<StandaloneSequence> newSequences) {
    return new Schema(tables, enums, views, schemas, functions, triggers, roles, domains, newSequences,
        declaredExtensions);
  }

  /**
   * The schema with the declared sequences owned by a column of table {@code from} (by column
   * {@code fromColumn}, or by any column when null) owned by table {@code to} (column
   * {@code toColumn}, or the same one): an owner follows its table's and column's renames, as in
   * PostgreSQL.
   */
  public Schema withSequenceOwners(QualifiedName from, String fromColumn, QualifiedName to,
      String toColumn) {
    Schema result = this;
    for (StandaloneSequence sequence : sequences) {
      if (sequence.ownedBy() != null && from.equals(sequence.ownerTable())
          && (fromColumn == null || fromColumn.equals(sequence.ownerColumn()))) {
        String column = toColumn == null ? sequence.ownerColumn() : toColumn;
        result = result.withSequence(sequence.withOwnedBy(to.name() + "." + column));
      }
    }
    return result;
  }

  /** The declared extension of that name. */
  public Optional<Extension> declaredExtension(String name) {
    return declaredExtensions.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The schema with these declared extensions (the rest unchanged). */
  public Schema withDeclaredExtensions(List<Extension> newExtensions) {
    return new Schema(tables, enums, views, schemas, functions, triggers, roles, domains, sequences,
        newExtensions);
  }

  /** Applies {@code edit} to the named table, which must exist. */
  public Schema editTable(QualifiedName name, java.util.function.UnaryOperator<Table> edit) {
    Table table = table(name).orElseThrow(() -> new IllegalStateException("no table " + name));
    return withTable(edit.apply(table));
  }

  /** The domain of that name. */
  public Optional<Domain> domain(QualifiedName name) {
    return Optional.ofNullable(list(domains).find(d -> d.name().compareTo(name)));
  }

  /**
   * The type that {@code column} is added as to a table with rows, when its own type is a domain
   * that refuses NULL and {@code column} gets no value as it is added (no default of its own or of
   * the domain): PostgreSQL checks the domain for every existing row, so the column is added as the
   * domain's base type (the last one down a domain over a domain) and takes the domain once filled.
   * Empty for any other column (an array of such a domain takes NULL: its elements refuse it).
   */
  public Optional<String> typeTakingNull(Column column) {
    if (column.defaultSql() != null || column.isGenerated() || column.identity() != Identity.NONE) {
      return Optional.empty();
    }
    String type = column.type();
    boolean refusesNull = false;
    // A domain is over a type that exists before it: the chain ends within as many steps as domains.
    Domain domain = domainTyped(type);
    for (int steps = 0; domain != null && steps < domains.size(); steps++, domain = domainTyped(type)) {
      if (domain.defaultSql() != null) {
        return Optional.empty();
      }
      refusesNull |= domain.notNull();
      type = domain.baseType();
    }
    return refusesNull ? Optional.of(type) : Optional.empty();
  }

  /** The domain whose columns have {@code type}, or null. */
  private Domain domainTyped(String type) {
    return domains.stream().filter(d -> d.columnType().equals(type)).findFirst().orElse(null);
  }

  /** The schema with {@code domain} added, or replacing the domain of the same name. */
  public Schema withDomain(Domain domain) {
    return withDomains(list(domains).with(domain));
  }

  public Schema withoutDomain(QualifiedName name) {
    return withDomains(list(domains).without(d -> d.name().compareTo(name)));
  }

  /** The schema with these domains (the rest unchanged). */
  public Schema withDomains(List<Domain> newDomains) {
    return new Schema(tables, enums, views, schemas, functions, triggers, roles, newDomains, sequences,
        declaredExtensions);
  }
}
