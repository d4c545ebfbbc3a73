package dev.plinth.schema.pull;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.Trigger;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.model.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Java sources for a schema read from a live database: one annotated record per table and per
 * view, and one enum per enum type, in a package per PostgreSQL schema ({@code <base>} for {@code public},
 * {@code <base>.<schema>} otherwise, whose {@code package-info.java} declares the schema, for each
 * schema of {@link Schema#schemas()}), with comments as Javadoc and SQL names written out wherever
 * the processor's default naming would not give them back. A pure function: the same schema gives
 * the same files, byte for byte.
 */
public final class RecordSources {
  static final String ANNOTATIONS = "dev.plinth.annotations.";
  private static final int WIDTH = 100;

  /**
   * What pull writes.
   *
   * @param schema the schema the records describe, exactly as the processor reads it from them
   *     (with the Java classes); the baseline migration creates it
   * @param files the sources by path relative to the source root ({@code com/example/db/User.java})
   * @param unsupported what the records could not say as it is, and what was written instead
   * @param resources the bodies of the functions the records declare, by path among the resources
   *     ({@code fn/touch_updated_at.sql}), the {@code resource} of their {@code @Function}
   */
  public record Result(Schema schema, SortedMap<String, String> files, List<Unsupported> unsupported,
      SortedMap<String, String> resources) {
    public Result {
      files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
      unsupported = List.copyOf(unsupported);
      resources = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(resources));
    }

    /** Sources of a schema with no functions. */
    public Result(Schema schema, SortedMap<String, String> files, List<Unsupported> unsupported) {
      this(schema, files, unsupported, new TreeMap<>());
    }
  }

  private final Schema schema;
  private final Map<QualifiedName, List<Column>> viewColumns;
  private final String basePackage;
  /** Binary class name by table, enum type or view name. */
  private final Map<QualifiedName, String> classes = new HashMap<>();
  private final Map<QualifiedName, List<String>> components = new HashMap<>();
  /** Binary name of the type whose {@code @Function} declares each function, by function name. */
  private final Map<QualifiedName, String> functionHosts = new HashMap<>();
  /** The path of each function's body among the resources. */
  private final Map<QualifiedName, String> bodies = new HashMap<>();
  /** Binary name of the type whose {@code @Domain}s declare the domains of each package. */
  private final Map<String, String> domainHolders = new TreeMap<>();
  /** The record (binary name) or package whose {@code @Sequence} declares each sequence. */
  private final Map<QualifiedName, String> sequenceHosts = new HashMap<>();
  private final List<Unsupported> unsupported = new ArrayList<>();

  private RecordSources(Schema schema, Map<QualifiedName, List<Column>> viewColumns, String basePackage) {
    this.schema = schema;
    this.viewColumns = viewColumns;
    this.basePackage = basePackage;
  }

  /** Whether {@code name} can be the base package ({@code com.example.db}). */
  public static boolean isPackageName(String name) {
    return JavaNames.isPackage(name);
  }

  /** The sources for {@code live}, which has no views, under {@code basePackage}. */
  public static Result render(Schema live, String basePackage) {
    return render(live, Map.of(), basePackage);
  }

  /**
   * The sources for {@code live} under {@code basePackage}, which must be a valid package name; a
   * view's record has the columns {@code viewColumns} gives for it as components.
   */
  public static Result render(Schema live, Map<QualifiedName, List<Column>> viewColumns, String basePackage) {
    if (!isPackageName(basePackage)) {
      throw new IllegalArgumentException("not a Java package name: " + basePackage);
    }
    Expressible.Adopted adopted = Expressible.adopt(live);
    RecordSources sources = new RecordSources(adopted.schema(), viewColumns, basePackage);
    sources.name();
    SortedMap<String, String> files = new TreeMap<>();
    for (EnumType type : adopted.schema().enums()) {
      files.put(path(sources.classes.get(type.name())), sources.enumSource(type));
    }
    for (Table table : adopted.schema().tables()) {
      files.put(path(sources.classes.get(table.name())), sources.recordSource(table));
    }
    for (View view : adopted.schema().views()) {
      files.put(path(sources.classes.get(view.name())), sources.viewSource(view));
    }
    SortedMap<String, String> resources = new TreeMap<>();
    for (Function function : adopted.schema().functions()) {
      resources.put(sources.bodies.get(function.name()), function.body() + "\n");
    }
    new TreeSet<>(sources.functionHosts.values()).stream().filter(c -> !sources.classes.containsValue(c))
        .forEach(holder -> files.put(path(holder), sources.functionsSource(holder)));
    sources.domainHolders.forEach((pkg, holder) -> files.put(path(holder), sources.domainsSource(holder)));
    sources.packageInfos().forEach((pkg, source) -> files.put(path(pkg + ".package-info"), source));
    List<Unsupported> all = new ArrayList<>(adopted.unsupported());
    all.addAll(sources.unsupported);
    all.sort(Comparator.comparing(Unsupported::object).thenComparing(Unsupported::reason));
    return new Result(sources.withClasses(), files, all, resources);
  }

  private static String path(String className) {
    return className.replace('.', '/') + ".java";
  }

  /**
   * Chooses class names per package (tables first, then enum types, then views, each by SQL name)
   * and component names.
   */
  private void name() {
    Map<String, List<QualifiedName>> byPackage = new TreeMap<>();
    Map<QualifiedName, String> wanted = new HashMap<>();
    for (Table table : schema.tables()) {
      byPackage.computeIfAbsent(packageOf(table.name()), p -> new ArrayList<>()).add(table.name());
      wanted.put(table.name(), JavaNames.typeName(table.name().name(), "Record"));
      components.put(table.name(), JavaNames.unique(
          table.columns().stream().map(c -> JavaNames.componentName(c.name())).toList(), Set.of()));
    }
    for (EnumType type : schema.enums()) {
      byPackage.computeIfAbsent(packageOf(type.name()), p -> new ArrayList<>()).add(type.name());
      wanted.put(type.name(), JavaNames.typeName(type.name().name(), "Type"));
    }
    for (View view : schema.views()) {
      byPackage.computeIfAbsent(packageOf(view.name()), p -> new ArrayList<>()).add(view.name());
      wanted.put(view.name(), JavaNames.typeName(view.name().name(), "View"));
      components.put(view.name(), JavaNames.unique(
          columnsOf(view).stream().map(c -> JavaNames.componentName(c.name())).toList(), Set.of()));
    }
    byPackage.forEach((pkg, names) -> {
      List<String> unique = JavaNames.unique(names.stream().map(wanted::get).toList(), Set.of());
      for (int i = 0; i < names.size(); i++) {
        classes.put(names.get(i), pkg + "." + unique.get(i));
      }
    });
    placeFunctions();
    placeDeclarations();
  }

  /**
   * Where each domain and sequence is declared: the domains of a package on an interface
   * {@code Domains} there; a sequence on the record of the first table whose column default takes
   * values from it, otherwise on the {@code package-info} of its schema's package when the
   * processor reads that package (it has records, or declares the schema), otherwise on that of
   * the package that declares the schema-wide objects (roles, extensions).
   */
  private void placeDeclarations() {
    for (Domain domain : schema.domains()) {
      domainHolders.computeIfAbsent(packageOf(domain.name()), pkg -> holder(pkg, "Domains"));
    }
    Set<String> read = new TreeSet<>();
    classes.values().forEach(c -> read.add(c.substring(0, c.lastIndexOf('.'))));
    declared().forEach(d -> read.add(d.javaPackage()));
    for (StandaloneSequence sequence : schema.sequences()) {
      Optional<String> host = schema.tables().stream().filter(t -> t.columns().stream()
              .anyMatch(c -> DeclarationSources.sequencesOf(c.defaultSql()).orElse(List.of())
                  .contains(sequence.name())))
          .map(t -> classes.get(t.name())).findFirst();
      String pkg = packageOf(sequence.name());
      sequenceHosts.put(sequence.name(), host.orElse(read.contains(pkg) ? pkg : schemaWidePackage()));
    }
  }

  /**
   * Where each function is declared: on the record of the first table whose trigger executes it,
   * otherwise on an interface {@code Functions} of its schema's package; and the path of its body,
   * {@code fn/<name>.sql} ({@code fn/<schema>/<name>.sql} outside {@code public}).
   */
  private void placeFunctions() {
    Map<String, String> holders = new HashMap<>();
    Set<String> paths = new java.util.HashSet<>();
    for (Function function : schema.functions()) {
      Optional<String> host = schema.triggers().stream().filter(t -> t.function().equals(function.name()))
          .map(t -> classes.get(t.table())).filter(c -> c != null).findFirst();
      functionHosts.put(function.name(), host.orElseGet(() -> holders.computeIfAbsent(
          packageOf(function.name()), this::functionsHolder)));
      String folder = function.name().schema().equals(QualifiedName.DEFAULT_SCHEMA) ? "fn/"
          : "fn/" + fileName(function.name().schema()) + "/";
      String base = folder + fileName(function.name().name());
      String candidate = base + ".sql";
      for (int n = 2; !paths.add(candidate.toLowerCase(Locale.ROOT)); n++) {
        candidate = base + "_" + n + ".sql";
      }
      bodies.put(function.name(), candidate);
    }
  }

  /** A file name for an SQL name: letters, digits, '_', '-' and '.' kept, anything else '_'. */
  private static String fileName(String sqlName) {
    String name = sqlName.replaceAll("[^A-Za-z0-9_.-]", "_");
    return name.startsWith(".") ? "_" + name : name;
  }

  /** The class {@code Functions} of {@code pkg}, numbered when a record there has that name. */
  private String functionsHolder(String pkg) {
    return holder(pkg, "Functions");
  }

  /** A class {@code name} of {@code pkg} that holds declarations, numbered when another class there has that name. */
  private String holder(String pkg, String name) {
    List<String> taken = java.util.stream.Stream.concat(classes.values().stream(), functionHosts.values().stream())
        .filter(c -> c.substring(0, c.lastIndexOf('.')).equals(pkg))
        .map(c -> simpleName(c).toLowerCase(Locale.ROOT)).toList();
    return pkg + "." + JavaNames.unique(List.of(name), taken).get(0);
  }

  /** An interface that declares the domains of its package. */
  private String domainsSource(String holder) {
    Set<String> imports = new TreeSet<>();
    StringBuilder body = new StringBuilder(
        "/** PostgreSQL domains: columns name them with {@code @Column(type = ...)}. */\n");
    for (Domain domain : schema.domains()) {
      if (holder.equals(domainHolders.get(packageOf(domain.name())))) {
        body.append(DeclarationSources.domain(domain, imports)).append('\n');
      }
    }
    body.append("public interface ").append(simpleName(holder)).append(" {}\n");
    return file(holder, imports, body);
  }

  /** The {@code @Sequence} lines of the sequences declared on {@code host} (a record or a package). */
  private String sequenceAnnotations(String host, Set<String> imports) {
    StringBuilder out = new StringBuilder();
    for (StandaloneSequence sequence : schema.sequences()) {
      if (host.equals(sequenceHosts.get(sequence.name()))) {
        out.append(DeclarationSources.sequence(sequence, imports)).append('\n');
      }
    }
    return out.toString();
  }

  /** An interface that declares the functions no trigger of a pulled table executes. */
  private String functionsSource(String holder) {
    Set<String> imports = new TreeSet<>();
    StringBuilder body = new StringBuilder("/** PostgreSQL functions, their bodies among the resources. */\n");
    body.append(functionAnnotations(holder, imports));
    body.append("public interface ").append(simpleName(holder)).append(" {}\n");
    return file(holder, imports, body);
  }

  /** The {@code @Function} lines of the functions declared on {@code host}. */
  private String functionAnnotations(String host, Set<String> imports) {
    StringBuilder out = new StringBuilder();
    for (Function function : schema.functions()) {
      if (!host.equals(functionHosts.get(function.name()))) {
        continue;
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("name", string(function.name().name()));
      if (!function.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
        attributes.put("schema", string(function.name().schema()));
      }
      attributes.put("resource", string(bodies.get(function.name())));
      if (!function.arguments().isEmpty()) {
        attributes.put("arguments", string(function.arguments()));
      }
      if (!function.returns().equals("trigger")) {
        attributes.put("returns", string(function.returns()));
      }
      if (!function.language().equals("plpgsql")) {
        attributes.put("language", string(function.language()));
      }
      imports.add(ANNOTATIONS + "Function");
      out.append(annotation("Function", attributes)).append('\n');
      for (Grant grant : function.grants() == null ? List.<Grant>of() : function.grants()) {
        out.append(SecuritySources.functionGrant(grant, function.name(), imports)).append('\n');
      }
    }
    return out.toString();
  }

  /** The {@code @Trigger} lines of a table's triggers. */
  private String triggerAnnotations(Table table, Set<String> imports) {
    StringBuilder out = new StringBuilder();
    for (Trigger trigger : schema.triggers()) {
      if (!trigger.table().equals(table.name())) {
        continue;
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("name", string(trigger.name()));
      QualifiedName function = trigger.function();
      attributes.put("function", string(function.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? function.name()
          : function.toString()));
      if (!trigger.timing().equals("BEFORE")) {
        attributes.put("timing", "Trigger.Timing." + trigger.timing().replace(' ', '_'));
      }
      List<String> events = trigger.events().stream().map(e -> "TriggerEvent." + e).toList();
      attributes.put("events", events.size() == 1 ? events.get(0) : "{" + String.join(", ", events) + "}");
      if (!trigger.forEach().equals("ROW")) {
        attributes.put("forEach", "Trigger.Level." + trigger.forEach());
      }
      if (trigger.when() != null) {
        attributes.put("when", string(trigger.when()));
      }
      imports.add(ANNOTATIONS + "Trigger");
      imports.add(ANNOTATIONS + "TriggerEvent");
      out.append(annotation("Trigger", attributes)).append('\n');
    }
    return out.toString();
  }

  /**
   * The package whose {@code package-info.java} declares the schema-wide objects (roles,
   * extensions): that of the first table's record (or view's), which the processor reads with it.
   */
  private String schemaWidePackage() {
    if (schema.tables().isEmpty() && schema.views().isEmpty()) {
      return basePackage;
    }
    QualifiedName first = schema.tables().isEmpty() ? schema.views().get(0).name()
        : schema.tables().get(0).name();
    return packageOf(first);
  }

  /**
   * The {@code package-info.java} sources by package: each declared schema's, and that of each
   * package that declares roles, extensions or sequences (one file says all of a package's).
   */
  private SortedMap<String, String> packageInfos() {
    Map<String, Namespace> schemas = new TreeMap<>();
    declared().forEach(d -> schemas.put(d.javaPackage(), d));
    Set<String> packages = new TreeSet<>(schemas.keySet());
    String wide = schema.roles().isEmpty() && schema.declaredExtensions().isEmpty() ? null : schemaWidePackage();
    if (wide != null) {
      packages.add(wide);
    }
    sequenceHosts.values().stream().filter(h -> !classes.containsValue(h)).forEach(packages::add);
    SortedMap<String, String> result = new TreeMap<>();
    for (String pkg : packages) {
      boolean isWide = pkg.equals(wide);
      result.put(pkg, packageInfo(pkg, schemas.get(pkg), isWide ? schema.roles() : List.of(),
          isWide ? schema.declaredExtensions() : List.of()));
    }
    return result;
  }

  private String packageOf(QualifiedName name) {
    return JavaNames.packageOf(basePackage, name.schema());
  }

  /**
   * The declared schemas, each in its package (its records' package); a schema whose package
   * another one already takes is left undeclared (its records name it).
   */
  private List<Namespace> declared() {
    Set<String> packages = new TreeSet<>(List.of(basePackage));
    List<Namespace> result = new ArrayList<>();
    for (Namespace declared : schema.schemas()) {
      String pkg = JavaNames.packageOf(basePackage, declared.name());
      if (packages.add(pkg)) {
        result.add(new Namespace(declared.name(), pkg, declared.comment()));
      }
    }
    return result;
  }

  /**
   * {@code package-info.java} of {@code pkg}: the schema it declares (or null), its comment as
   * Javadoc, the roles and extensions when it is the package that declares them, and the
   * sequences placed on it.
   */
  private String packageInfo(String pkg, Namespace declared, List<Role> roles, List<Extension> extensions) {
    StringBuilder out = new StringBuilder();
    Set<String> imports = new TreeSet<>();
    String sequences = sequenceAnnotations(pkg, imports);
    if (declared != null && declared.comment() != null) {
      out.append("/**\n").append(wrap(escapeDoc(declared.comment()), "")).append(" */\n");
    } else if (declared == null) {
      List<String> about = new ArrayList<>();
      if (!roles.isEmpty()) {
        about.add("The roles the policies and grants name.");
      }
      if (!extensions.isEmpty()) {
        about.add("The extensions the database has.");
      }
      if (!sequences.isEmpty()) {
        about.add("Sequences of their own.");
      }
      out.append("/** ").append(String.join(" ", about)).append(" */\n");
    }
    if (declared != null) {
      imports.add(ANNOTATIONS + "DbSchema");
      out.append("@DbSchema(name = ").append(string(declared.name())).append(")\n");
    }
    if (!roles.isEmpty()) {
      imports.add(ANNOTATIONS + "Role");
    }
    roles.forEach(r -> out.append(SecuritySources.role(r)).append('\n'));
    extensions.forEach(x -> out.append(DeclarationSources.extension(x, imports)).append('\n'));
    out.append(sequences);
    out.append("package ").append(pkg).append(";\n\n");
    imports.forEach(i -> out.append("import ").append(i).append(";\n"));
    return out.toString();
  }

  /** The schema with the Java classes the records and enums get, as the processor records them. */
  private Schema withClasses() {
    List<Table> tables = schema.tables().stream().map(t -> new Table(t.name(), classes.get(t.name()),
        t.comment(), t.columns(), t.primaryKey(), t.uniques(), t.checks(), t.indexes(), t.foreignKeys(),
        null, t.security(), t.partitioning())).toList();
    List<EnumType> enums = schema.enums().stream()
        .map(e -> new EnumType(e.name(), classes.get(e.name()), e.values())).toList();
    List<View> views = schema.views().stream()
        .map(v -> new View(v.name(), classes.get(v.name()), v.sql(), v.materialized(), v.noData(),
            v.indexes(), v.grants(), 0, v.securityBarrier(), v.checkOption(), v.securityInvoker(),
            v.comment())).toList();
    List<Role> roles = schema.roles().stream()
        .map(r -> new Role(r.name(), r.login(), schemaWidePackage())).toList();
    List<Function> functions = schema.functions().stream().map(f -> new Function(f.name(),
        functionHosts.get(f.name()), f.arguments(), f.returns(), f.language(), f.body(), f.grants()))
        .toList();
    List<Trigger> triggers = schema.triggers().stream().map(t -> new Trigger(t.name(), t.table(), t.function(),
        t.timing(), t.events(), t.forEach(), t.when(), classes.get(t.table()))).toList();
    List<Domain> domains = schema.domains().stream().map(d -> new Domain(d.name(),
        domainHolders.get(packageOf(d.name())), d.baseType(), d.notNull(), d.defaultSql(), d.checks(),
        d.collation(), d.comment(), null)).toList();
    List<StandaloneSequence> sequences = schema.sequences().stream().map(q -> new StandaloneSequence(q.name(),
        q.type(), q.options(), q.ownedBy(), q.comment(), sequenceHosts.get(q.name()), null)).toList();
    List<Extension> extensions = schema.declaredExtensions().stream()
        .map(x -> new Extension(x.name(), x.schema(), x.version(), schemaWidePackage())).toList();
    return new Schema(tables, enums, views).withDeclared(declared()).withRoles(roles).withFunctions(functions)
        .withTriggers(triggers).withDomains(domains).withSequences(sequences).withDeclaredExtensions(extensions);
  }

  private List<Column> columnsOf(View view) {
    return viewColumns.getOrDefault(view.name(), List.of());
  }

  /**
   * A {@code @View} record: the query as PostgreSQL spells it, one line of the literal per line of
   * the query; the columns as components, typed as a table's columns would be (the processor reads
   * a view's columns from its query, not from them).
   */
  private String viewSource(View view) {
    String className = classes.get(view.name());
    String pkg = packageOf(view.name());
    List<String> names = components.get(view.name());
    List<Column> columns = columnsOf(view);
    Set<String> imports = new TreeSet<>();
    imports.add(ANNOTATIONS + "View");
    Map<String, String> attributes = new LinkedHashMap<>();
    if (!JavaNames.defaultGives(simpleName(className), view.name().name())) {
      attributes.put("name", string(view.name().name()));
    }
    if (!view.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
      attributes.put("schema", string(view.name().schema()));
    }
    attributes.put("sql", lines(view.sql()));
    if (view.materialized()) {
      attributes.put("materialized", "true");
    }
    if (view.noData()) {
      attributes.put("withData", "false");
    }
    if (view.securityBarrier()) {
      attributes.put("securityBarrier", "true");
    }
    if (view.checkOption() != null) {
      imports.add(ANNOTATIONS + "CheckOption");
      attributes.put("checkOption", "CheckOption." + view.checkOption().toUpperCase(java.util.Locale.ROOT));
    }
    if (view.securityInvoker()) {
      attributes.put("securityInvoker", "true");
    }
    if (view.comment() != null) {
      attributes.put("comment", string(view.comment()));
    }
    StringBuilder body = new StringBuilder();
    body.append("/** The PostgreSQL ").append(view.materialized() ? "materialized view" : "view").append(" {@code ")
        .append(escapeDoc(view.name().toString())).append("}. */\n");
    body.append(annotation("View", attributes)).append('\n');
    Map<String, String> byColumn = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byColumn.put(columns.get(i).name(), names.get(i));
    }
    for (Index index : view.indexes()) {
      imports.add(ANNOTATIONS + "Index");
      body.append(indexAnnotation(view.name(), index, byColumn, imports)).append('\n');
    }
    view.grants().forEach(g -> body.append(SecuritySources.grant(g, imports)).append('\n'));
    body.append("public record ").append(simpleName(className)).append('(');
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      lines.add("    " + viewComponent(columns.get(i), names.get(i), pkg, imports));
    }
    body.append(lines.isEmpty() ? "" : "\n" + String.join(",\n", lines)).append(") {}\n");
    return file(className, imports, body);
  }

  /** A string literal of {@code text}, one line of code per line of the text, joined by {@code +}. */
  private static String lines(String text) {
    String[] lines = text.split("\n", -1);
    List<String> literals = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      literals.add(string(i < lines.length - 1 ? lines[i] + "\n" : lines[i]));
    }
    return String.join("\n        + ", literals);
  }

  /** A view's column as a component: its Java type (a {@code String} for an enum type left out) and name. */
  private String viewComponent(Column column, String name, String pkg, Set<String> imports) {
    boolean enumKept = column.enumType() != null && classes.containsKey(column.enumType());
    Column typed = column.enumType() == null || enumKept ? column : new Column(column.name(), "text", null,
        true, null, Identity.NONE, null, null, null);
    JavaType type = JavaType.of(typed, enumKept ? reference(column.enumType(), pkg) : null);
    imports.addAll(type.imports());
    return type.type() + " " + name;
  }

  private String enumSource(EnumType type) {
    String className = classes.get(type.name());
    String simple = simpleName(className);
    Map<String, String> attributes = new LinkedHashMap<>();
    if (!JavaNames.defaultGives(simple, type.name().name())) {
      attributes.put("name", string(type.name().name()));
    }
    if (!type.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
      attributes.put("schema", string(type.name().schema()));
    }
    if (!isUsed(type)) {
      attributes.put("standalone", "true");
    }
    StringBuilder body = new StringBuilder();
    Set<String> imports = new TreeSet<>();
    body.append("/** The PostgreSQL enum type {@code ").append(escapeDoc(type.name().toString())).append("}. */\n");
    if (!attributes.isEmpty()) {
      imports.add(ANNOTATIONS + "EnumType");
      body.append(annotation("EnumType", attributes)).append('\n');
    }
    body.append("public enum ").append(simple).append(" {\n");
    List<String> constants = JavaNames.constantNames(type.values());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < constants.size(); i++) {
      String label = type.values().get(i);
      String value = label.equals(constants.get(i)) ? "" : use("EnumValue", imports) + "(" + string(label) + ") ";
      lines.add("  " + value + constants.get(i));
    }
    body.append(String.join(",\n", lines)).append('\n');
    body.append("}\n");
    return file(className, imports, body);
  }

  /** Whether a column uses the type; the processor declares one no column uses only when it is standalone. */
  private boolean isUsed(EnumType type) {
    return schema.tables().stream().flatMap(t -> t.columns().stream())
        .anyMatch(c -> type.name().equals(c.enumType()));
  }

  private String recordSource(Table table) {
    String className = classes.get(table.name());
    String pkg = packageOf(table.name());
    List<String> names = components.get(table.name());
    Set<String> imports = new TreeSet<>();
    imports.add(ANNOTATIONS + "Table");
    Map<String, String> byColumn = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byColumn.put(table.columns().get(i).name(), names.get(i));
    }
    Placement placement = Placement.of(table);

    StringBuilder body = new StringBuilder();
    body.append(javadoc(table, names));
    Map<String, String> tableAttributes = new LinkedHashMap<>();
    if (!JavaNames.defaultGives(simpleName(className), table.name().name())) {
      tableAttributes.put("name", string(table.name().name()));
    }
    if (!table.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
      tableAttributes.put("schema", string(table.name().schema()));
    }
    body.append(annotation("Table", tableAttributes)).append('\n');
    for (UniqueConstraint unique : placement.recordUniques()) {
      imports.add(ANNOTATIONS + "Unique");
      body.append(uniqueAnnotation(table, unique, byColumn, imports)).append('\n');
    }
    for (CheckConstraint check : placement.recordChecks()) {
      imports.add(ANNOTATIONS + "Check");
      body.append(checkAnnotation(check, Names.withSuffix(table.name().name(), "check"))).append('\n');
    }
    for (Index index : table.indexes()) {
      imports.add(ANNOTATIONS + "Index");
      body.append(indexAnnotation(table.name(), index, byColumn, imports)).append('\n');
    }
    body.append(PartitionSources.annotations(table, byColumn, imports));
    for (ForeignKey fk : placement.recordForeignKeys()) {
      imports.add(ANNOTATIONS + "ForeignKey");
      body.append(foreignKeyAnnotation(table, fk, byColumn, pkg, imports)).append('\n');
    }
    body.append(SecuritySources.table(table.access(), imports));
    body.append(functionAnnotations(className, imports));
    body.append(triggerAnnotations(table, imports));
    body.append(sequenceAnnotations(className, imports));
    body.append("public record ").append(simpleName(className)).append('(');
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      lines.add("    " + component(table, table.columns().get(i), names.get(i), placement, pkg, imports));
    }
    body.append(lines.isEmpty() ? "" : "\n" + String.join(",\n", lines)).append(") {}\n");
    return file(className, imports, body);
  }

  private String component(Table table, Column column, String name, Placement placement, String pkg,
      Set<String> imports) {
    String enumClass = column.enumType() == null ? null : reference(column.enumType(), pkg);
    Optional<Domain> domain = schema.domains().stream().filter(d -> d.isTypeOf(column.type())).findFirst();
    JavaType type = domain.isPresent()
        ? JavaType.ofDomain(column, domain.get().baseType(), DeclarationSources.columnType(domain.get().name())
            .orElseThrow())
        : JavaType.of(column, enumClass);
    imports.addAll(type.imports());
    List<String> annotations = new ArrayList<>();
    if (table.primaryKey() != null && table.primaryKey().columns().contains(column.name())) {
      annotations.add(idAnnotation(table, column, imports));
    }
    if (column.identity().isIdentity()) {
      annotations.add(identityAnnotation(column, imports));
    }
    if (column.identity() == Identity.SERIAL) {
      annotations.add(use("Serial", imports));
    }
    if (column.nullable()) {
      annotations.add(use("Nullable", imports));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    if (!JavaNames.defaultGives(name, column.name())) {
      attributes.put("name", string(column.name()));
    }
    attributes.putAll(type.columnAttributes());
    if (column.notNullName() != null) {
      attributes.put("notNullName", string(column.notNullName()));
    }
    if (column.collation() != null) {
      attributes.put("collation", string(column.collation()));
    }
    if (!attributes.isEmpty()) {
      imports.add(ANNOTATIONS + "Column");
      annotations.add(annotation("Column", attributes));
    }
    if (type.fallback()) {
      unsupported.add(Unsupported.Reason.TYPE_WITHOUT_JAVA.of(Expressible.columnName(table, column.name()),
          column.type(), column.type(), type.type()));
    }
    if (type.marker() != null) {
      annotations.add(use(type.marker().replaceFirst("\\(.*", ""), imports)
          + type.marker().substring(type.marker().replaceFirst("\\(.*", "").length()));
    }
    if (column.defaultSql() != null) {
      annotations.add(use("Default", imports) + "(" + string(column.defaultSql()) + ")");
    }
    if (column.isGenerated()) {
      annotations.add(use("Generated", imports) + "(" + string(column.generated()) + ")");
    }
    Optional<UniqueConstraint> unique = placement.componentUnique(column.name());
    if (unique.isPresent()) {
      String fallbackName = Names.derived(table.name().name(), List.of(column.name()), "key");
      Map<String, String> uniqueAttributes = new LinkedHashMap<>();
      if (!unique.get().name().equals(fallbackName)) {
        uniqueAttributes.put("name", string(unique.get().name()));
      }
      keyOptions(unique.get(), uniqueAttributes, imports);
      imports.add(ANNOTATIONS + "Unique");
      annotations.add(annotation("Unique", uniqueAttributes));
    }
    for (CheckConstraint check : placement.componentChecks(column.name())) {
      imports.add(ANNOTATIONS + "Check");
      annotations.add(checkAnnotation(check, Names.derived(table.name().name(), List.of(column.name()), "check")));
    }
    Optional<ForeignKey> fk = placement.componentForeignKey(column.name());
    if (fk.isPresent()) {
      annotations.add(referencesAnnotation(table, fk.get(), pkg, imports));
    }
    annotations.add(type.type() + " " + name);
    return String.join(" ", annotations);
  }

  /** {@code @Id}, on the key's first column with the key's name when the processor would name it otherwise. */
  private static String idAnnotation(Table table, Column column, Set<String> imports) {
    PrimaryKey key = table.primaryKey();
    boolean first = key.columns().get(0).equals(column.name());
    Map<String, String> attributes = new LinkedHashMap<>();
    if (first && !key.name().equals(Names.withSuffix(table.name().name(), "pkey"))) {
      attributes.put("name", string(key.name()));
    }
    if (first) {
      deferrable(key.deferrable(), attributes, imports);
    }
    imports.add(ANNOTATIONS + "Id");
    return annotation("Id", attributes);
  }

  /** {@code @Identity} with what it states beyond PostgreSQL's defaults. */
  private static String identityAnnotation(Column column, Set<String> imports) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (column.identity() == Identity.ALWAYS) {
      attributes.put("always", "true");
    }
    Sequence sequence = column.sequence() == null ? Sequence.named(null) : column.sequence();
    putLong(attributes, "start", sequence.start());
    putLong(attributes, "increment", sequence.increment());
    putLong(attributes, "minValue", sequence.minValue());
    putLong(attributes, "maxValue", sequence.maxValue());
    putLong(attributes, "cache", sequence.cache());
    if (sequence.cycle() != null) {
      attributes.put("cycle", sequence.cycle().toString());
    }
    if (sequence.name() != null) {
      attributes.put("sequence", string(sequence.name()));
    }
    imports.add(ANNOTATIONS + "Identity");
    return annotation("Identity", attributes);
  }

  static void putLong(Map<String, String> attributes, String name, Long value) {
    if (value != null) {
      boolean isInt = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
      attributes.put(name, value == Long.MIN_VALUE ? "Long.MIN_VALUE" : value + (isInt ? "" : "L"));
    }
  }

  private String referencesAnnotation(Table table, ForeignKey fk, String pkg, Set<String> imports) {
    imports.add(ANNOTATIONS + "References");
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("value", reference(fk.target(), pkg) + ".class");
    if (!targetsPrimaryKey(fk)) {
      attributes.put("column", string(fk.targetColumns().get(0)));
    }
    actions(fk, attributes, imports);
    if (!fk.name().equals(Names.derived(table.name().name(), fk.columns(), "fkey"))) {
      attributes.put("name", string(fk.name()));
    }
    if (fk.matchFull()) {
      attributes.put("matchFull", "true");
    }
    deferrable(fk.deferrable(), attributes, imports);
    return annotation("References", attributes);
  }

  private String foreignKeyAnnotation(Table table, ForeignKey fk, Map<String, String> byColumn, String pkg,
      Set<String> imports) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("columns", strings(fk.columns().stream().map(byColumn::get).toList()));
    attributes.put("references", reference(fk.target(), pkg) + ".class");
    if (!targetsPrimaryKey(fk)) {
      attributes.put("referencedColumns", strings(fk.targetColumns()));
    }
    actions(fk, attributes, imports);
    if (!fk.name().equals(Names.derived(table.name().name(), fk.columns(), "fkey"))) {
      attributes.put("name", string(fk.name()));
    }
    if (fk.matchFull()) {
      attributes.put("matchFull", "true");
    }
    deferrable(fk.deferrable(), attributes, imports);
    return annotation("ForeignKey", attributes);
  }

  private boolean targetsPrimaryKey(ForeignKey fk) {
    Table target = schema.table(fk.target()).orElseThrow();
    return target.primaryKey() != null && target.primaryKey().columns().equals(fk.targetColumns());
  }

  private static void actions(ForeignKey fk, Map<String, String> attributes, Set<String> imports) {
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      attributes.put("onDelete", use("ReferentialAction", imports) + "." + fk.onDelete().name());
    }
    if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
      attributes.put("onUpdate", use("ReferentialAction", imports) + "." + fk.onUpdate().name());
    }
  }

  private static String uniqueAnnotation(Table table, UniqueConstraint unique, Map<String, String> byColumn,
      Set<String> imports) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("columns", strings(unique.columns().stream().map(byColumn::get).toList()));
    if (!unique.name().equals(Names.derived(table.name().name(), unique.columns(), "key"))) {
      attributes.put("name", string(unique.name()));
    }
    keyOptions(unique, attributes, imports);
    return annotation("Unique", attributes);
  }

  /** {@code nullsNotDistinct} and {@code deferrable} of a unique constraint, when not the defaults. */
  private static void keyOptions(UniqueConstraint unique, Map<String, String> attributes,
      Set<String> imports) {
    if (unique.nullsNotDistinct()) {
      attributes.put("nullsNotDistinct", "true");
    }
    deferrable(unique.deferrable(), attributes, imports);
  }

  private static void deferrable(Deferral deferral, Map<String, String> attributes, Set<String> imports) {
    if (deferral != null) {
      attributes.put("deferrable", use("Deferrable", imports) + "."
          + (deferral == Deferral.DEFERRED ? "INITIALLY_DEFERRED" : "INITIALLY_IMMEDIATE"));
    }
  }

  private static String checkAnnotation(CheckConstraint check, String defaultName) {
    if (check.name().equals(defaultName)) {
      return "@Check(" + string(check.expression()) + ")";
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("value", string(check.expression()));
    attributes.put("name", string(check.name()));
    return annotation("Check", attributes);
  }

  private static String indexAnnotation(QualifiedName relation, Index index, Map<String, String> byColumn,
      Set<String> imports) {
    Map<String, String> attributes = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    boolean onlyColumns = true;
    for (IndexKey key : index.keys()) {
      if (key.column() != null) {
        keys.add(byColumn.get(key.column())
            + (key.collation() == null ? "" : " COLLATE " + dev.plinth.schema.render.Sql.ident(key.collation()))
            + (key.opclass() == null ? "" : " " + key.opclass()) + key.orderSql());
      } else {
        onlyColumns = false;
        // The processor reads a key with a parenthesis (or that is no plain column) as an expression.
        keys.add(key.expression().contains("(") ? key.expression() : "(" + key.expression() + ")");
      }
    }
    attributes.put("columns", strings(keys));
    if (index.unique()) {
      attributes.put("unique", "true");
    }
    if (!index.method().equals("btree")) {
      attributes.put("method", use("IndexMethod", imports) + "." + index.method().toUpperCase(Locale.ROOT));
    }
    if (index.where() != null) {
      attributes.put("where", string(index.where()));
    }
    if (!index.include().isEmpty()) {
      attributes.put("include", strings(index.include().stream().map(byColumn::get).toList()));
    }
    if (index.nullsNotDistinct()) {
      attributes.put("nullsNotDistinct", "true");
    }
    if (!index.with().isEmpty()) {
      attributes.put("with", strings(index.with()));
    }
    if (index.tablespace() != null) {
      attributes.put("tablespace", string(index.tablespace()));
    }
    List<String> columns = index.keys().stream().map(IndexKey::column).toList();
    if (!onlyColumns || !index.name().equals(Names.derived(relation.name(), columns, "idx"))) {
      attributes.put("name", string(index.name()));
    }
    return annotation("Index", attributes);
  }

  /** How a record in {@code pkg} names the class of a table or enum type: simply, or fully qualified. */
  private String reference(QualifiedName name, String pkg) {
    String className = classes.get(name);
    return className.substring(0, className.lastIndexOf('.')).equals(pkg) ? simpleName(className) : className;
  }

  private static String use(String annotation, Set<String> imports) {
    imports.add(ANNOTATIONS + annotation);
    return annotation.equals("ReferentialAction") || annotation.equals("IndexMethod")
        || annotation.equals("Deferrable") ? annotation : "@" + annotation;
  }

  static String annotation(String name, Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return "@" + name;
    }
    List<String> parts = new ArrayList<>();
    attributes.forEach((key, value) -> parts.add(key + " = " + value));
    return "@" + name + "(" + String.join(", ", parts) + ")";
  }

  private String javadoc(Table table, List<String> names) {
    List<String> paragraphs = new ArrayList<>();
    if (table.comment() != null) {
      paragraphs.add(wrap(escapeDoc(table.comment()), ""));
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String comment = table.columns().get(i).comment();
      if (comment != null) {
        params.add(wrap(escapeDoc(comment), "@param " + names.get(i)));
      }
    }
    if (!params.isEmpty()) {
      paragraphs.add(String.join("", params));
    }
    if (paragraphs.isEmpty()) {
      return "";
    }
    return "/**\n" + String.join(" *\n", paragraphs) + " */\n";
  }

  /**
   * Javadoc lines of at most {@link #WIDTH} characters where the words allow. A line never starts
   * with '@' or '*' (Javadoc would read a tag, or drop the stars), so the text reads back as it is.
   */
  private static String wrap(String text, String tag) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(" *" + (tag.isEmpty() ? "" : " " + tag));
    for (String word : text.split(" ")) {
      boolean safeStart = !word.startsWith("@") && !word.startsWith("*");
      if (line.length() + 1 + word.length() > WIDTH && safeStart && line.length() > 3 + tag.length()) {
        out.append(line).append('\n');
        line = new StringBuilder(" *" + (tag.isEmpty() ? "" : "    "));
      }
      line.append(' ').append(word);
    }
    return out.append(line).append('\n').toString();
  }

  /** Backslashes as Unicode escapes: javac reads {@code \u005c} back as one backslash, even in comments. */
  private static String escapeDoc(String text) {
    return text.replace("\\", "\\u005c").replace("*/", "* /");
  }

  private String file(String className, Set<String> imports, StringBuilder body) {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(className, 0, className.lastIndexOf('.')).append(";\n\n");
    for (String name : imports) {
      out.append("import ").append(name).append(";\n");
    }
    if (!imports.isEmpty()) {
      out.append('\n');
    }
    return out.append(body).toString();
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * A Java string literal of {@code text}, on one line (line breaks and other control characters
   * escaped): the one spelling of a string in the Java sources Plinth writes, pulled records and
   * generated seed builders alike.
   */
  public static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\%03o", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String strings(List<String> texts) {
    if (texts.size() == 1) {
      return string(texts.get(0));
    }
    return "{" + String.join(", ", texts.stream().map(RecordSources::string).toList()) + "}";
  }
}
