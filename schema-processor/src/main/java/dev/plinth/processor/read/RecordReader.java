package dev.plinth.processor.read;

import dev.plinth.processor.message.Message;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.SqlTypes;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.model.View;
import dev.plinth.processor.io.Resources;
import dev.plinth.processor.read.TableDraft.ForeignKeyDraft;
import dev.plinth.processor.validate.Origin;
import dev.plinth.processor.validate.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Table} records into table drafts, reporting every problem at its source. Nothing
 * after this step sees {@code javax.lang.model}, except the foreign key targets it resolves.
 */
public final class RecordReader {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final Pattern STORAGE_PARAMETER =
      Pattern.compile("[a-z_][a-z0-9_.]*=[A-Za-z0-9_.+-]+");
  private static final Pattern KEY = Pattern.compile(
      "([A-Za-z_][A-Za-z0-9_$]*)(?:\\s+(?i:COLLATE)\\s+(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_.-]*))?"
          + "(?:\\s+([A-Za-z_][A-Za-z0-9_]*))?(?:\\s+(?i:(ASC|DESC)))?"
          + "(?:\\s+(?i:NULLS\\s+(FIRST|LAST)))?");

  /** PostgreSQL's limit on the columns of a table. */
  private static final int MAX_COLUMNS = 1600;
  /** PostgreSQL's limit on the length of a {@code character varying}. */
  private static final int MAX_VARCHAR_LENGTH = 10485760;
  /** The names of PostgreSQL's system columns, which no user column can take. */
  private static final Set<String> SYSTEM_COLUMNS =
      Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");
  /** The types the Java types map to that PostgreSQL collates. */
  private static final Pattern TEXT_TYPE =
      Pattern.compile("text|character varying(\\(\\d+\\))?");
  /** The column types of {@code smallserial}, {@code serial} and {@code bigserial}. */
  private static final Set<String> SERIAL_TYPES = Set.of("smallint", "integer", "bigint");
  /** The JVM's limit on the parameter slots of a constructor (255, one of which is {@code this}). */
  private static final int MAX_PARAMETER_SLOTS = 254;

  /** The PostgreSQL version from which NOT NULL constraints have names. */
  private static final int NAMED_NOT_NULL_SINCE = 18;
  /** The first PostgreSQL with {@code NULLS NOT DISTINCT}. */
  private static final int NULLS_NOT_DISTINCT_SINCE = 15;
  private static final int SECURITY_INVOKER_SINCE = 15;

  private final Elements elements;
  private final Report report;
  /** The oldest PostgreSQL major version the migrations run on. */
  private final int postgres;
  private final Map<String, EnumType> enums = new TreeMap<>();
  /** Where each enum type is named: its {@code @EnumType(name)} value, or the enum. */
  private final Map<String, Origin> enumOrigins = new TreeMap<>();
  /**
   * Where enums state previous names: {@code @RenamedFrom} values by Java class (the type) and by
   * {@code <class>#<constant>} (a value).
   */
  private final Map<String, Origin> enumRenames = new TreeMap<>();
  /** The fields of the record read last, by name. */
  private TypeElement fieldsRecord;
  private Map<String, Element> fields = Map.of();

  private final SecurityReader security;

  public RecordReader(Elements elements, Report report, int postgres) {
    this.elements = elements;
    this.report = report;
    this.postgres = postgres;
    this.security = new SecurityReader(elements, report);
  }

  /** What reads row-level security, policies, grants and roles (and where roles are named). */
  public SecurityReader security() {
    return security;
  }

  /** The enum types the read tables use, by Java class. */
  public List<EnumType> enums() {
    return List.copyOf(enums.values());
  }

  /** Where the enum types are named, by Java class. */
  public Map<String, Origin> enumOrigins() {
    return Map.copyOf(enumOrigins);
  }

  /** Where the enums state previous names (see {@link #enumRenames}). */
  public Map<String, Origin> enumRenames() {
    return Map.copyOf(enumRenames);
  }

  /** Reads one record; empty when it is not a record at all. */
  public Optional<TableDraft> read(TypeElement record) {
    Ann table = Ann.find(record, "Table", elements).orElseThrow();
    if (record.getKind() != ElementKind.RECORD) {
      report.add(Message.TABLE_NOT_RECORD, table.origin(), record.getQualifiedName(),
          record.getSimpleName());
      return Optional.empty();
    }
    String schema = table.string("schema").isBlank() ? packageSchema(record) : table.string("schema");
    String name = table.string("name").isBlank() ? Names.snakeCase(record.getSimpleName().toString())
        : table.string("name");
    checkLength(schema, table.origin("schema"), "@Table(schema = \"...\")");
    checkSchema(schema, table.origin("schema"), "@Table(schema = \"app\")");
    checkLength(name, table.origin("name"), "@Table(name = \"...\")");
    QualifiedName tableName = new QualifiedName(schema, name);
    Docs docs = Docs.parse(elements.getDocComment(record));

    Map<String, Origin> origins = new LinkedHashMap<>();
    Map<String, String> columnNames = new LinkedHashMap<>();
    List<Column> columns = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    Map<String, Ann> primaryKeyNames = new LinkedHashMap<>();
    Deferral primaryKeyDeferral = null;
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    List<ForeignKeyDraft> foreignKeys = new ArrayList<>();

    for (RecordComponentElement recordComponent : record.getRecordComponents()) {
      // Annotations are read from the component's field: they propagate there, and javac can
      // point diagnostics at a field (not at a record component).
      Element component = fieldOf(record, recordComponent);
      String componentName = component.getSimpleName().toString();
      Optional<Ann> columnAnn = Ann.find(component, "Column", elements);
      String columnName = columnAnn.map(a -> a.string("name")).filter(s -> !s.isBlank())
          .orElse(Names.snakeCase(componentName));
      Origin columnOrigin = columnAnn.map(a -> a.origin("name")).orElse(Origin.of(component));
      checkLength(columnName, columnOrigin, "@Column(name = \"...\")");
      if (SYSTEM_COLUMNS.contains(columnName)) {
        report.add(Message.SYSTEM_COLUMN_NAME, columnOrigin, columnName, tableName);
      }
      if (columnNames.containsValue(columnName)) {
        String other = columnNames.entrySet().stream().filter(e -> e.getValue().equals(columnName))
            .findFirst().orElseThrow().getKey();
        report.add(Message.DUPLICATE_COLUMN, columnOrigin, columnName, tableName, other, componentName);
        continue;
      }
      columnNames.put(componentName, columnName);
      origins.put(columnName, Origin.of(component));
      readColumn(component, name, columnName, docs.param(componentName)).ifPresent(columns::add);
      Optional<Ann> id = Ann.find(component, "Id", elements);
      if (id.isPresent()) {
        primaryKey.add(columnName);
        if (!id.get().string("name").isBlank()) {
          primaryKeyNames.put(componentName, id.get());
        }
        if (deferral(id.get()) != null) {
          primaryKeyDeferral = deferral(id.get());
        }
        if (Ann.hasSimpleName(component, "Nullable")) {
          report.add(Message.NULLABLE_KEY, Origin.of(component), componentName);
        }
      }
      if (Ann.find(component, "Unique", elements).isPresent()) {
        Ann unique = Ann.find(component, "Unique", elements).orElseThrow();
        String uniqueName = unique.string("name").isBlank()
            ? Names.derived(name, List.of(columnName), "key") : unique.string("name");
        checkLength(uniqueName, unique.origin("name"), "@Unique(name = \"...\")");
        uniques.add(new UniqueConstraint(uniqueName, List.of(columnName),
            nullsNotDistinct(unique, "@Unique"), deferral(unique)));
        origins.put(uniqueName, unique.origin());
      }
      for (Ann check : Ann.findAll(component, "Check", elements)) {
        String checkName = check.string("name").isBlank()
            ? Names.derived(name, List.of(columnName), "check") : check.string("name");
        checkLength(checkName, check.origin("name"), "@Check(name = \"...\")");
        checks.add(new CheckConstraint(checkName, check.string("value").strip()));
        origins.put(checkName, check.origin());
      }
      Ann.find(component, "References", elements).ifPresent(ref -> {
        String column = ref.string("column");
        String fkName = ref.string("name").isBlank()
            ? Names.derived(name, List.of(columnName), "fkey") : ref.string("name");
        checkLength(fkName, ref.origin("name"), "@References(name = \"...\")");
        String description = "@References on '" + componentName + "'";
        checkSetNull(ref, description, List.of(columnName), columns);
        foreignKeys.add(new ForeignKeyDraft(fkName, description,
            List.of(columnName), ref.type("value"), column.isBlank() ? List.of() : List.of(column),
            ReferentialAction.valueOf(ref.constant("onDelete")),
            ReferentialAction.valueOf(ref.constant("onUpdate")), ref.bool("matchFull"), deferral(ref),
            ref.origin(), ref.origin("value"), ref.origin("column")));
        origins.put(fkName, ref.origin());
      });
    }

    checkSize(record, tableName, columnNames.size());
    ColumnResolver resolver = new ColumnResolver(tableName, columnNames);
    for (Ann unique : Ann.findAll(record, "Unique", elements)) {
      List<String> cols = resolver.resolveAll(unique, "columns");
      if (unique.strings("columns").isEmpty()) {
        report.add(Message.UNIQUE_WITHOUT_COLUMNS, unique.origin(), record.getSimpleName());
        continue;
      }
      if (cols.size() != unique.strings("columns").size()) {
        continue;
      }
      String uniqueName = unique.string("name").isBlank() ? Names.derived(name, cols, "key")
          : unique.string("name");
      checkLength(uniqueName, unique.origin("name"), "@Unique(name = \"...\")");
      uniques.add(new UniqueConstraint(uniqueName, cols, nullsNotDistinct(unique, "@Unique"),
          deferral(unique)));
      origins.put(uniqueName, unique.origin());
    }
    int unnamedChecks = 0;
    for (Ann check : Ann.findAll(record, "Check", elements)) {
      String checkName = check.string("name");
      if (checkName.isBlank()) {
        checkName = Names.withSuffix(name, unnamedChecks == 0 ? "check" : "check" + unnamedChecks);
        unnamedChecks++;
      }
      checkLength(checkName, check.origin("name"), "@Check(name = \"...\")");
      resolver.checkReferences(check.string("value"), "@Check", check.origin("value"));
      checks.add(new CheckConstraint(checkName, check.string("value").strip()));
      origins.put(checkName, check.origin());
    }
    List<Index> indexes = new ArrayList<>();
    for (Ann index : Ann.findAll(record, "Index", elements)) {
      readIndex(index, record, name, primaryKey, resolver).ifPresent(i -> {
        indexes.add(i);
        origins.put(i.name(), index.origin());
      });
    }
    for (Ann fk : Ann.findAll(record, "ForeignKey", elements)) {
      List<String> cols = resolver.resolveAll(fk, "columns");
      if (cols.size() != fk.strings("columns").size()) {
        continue;
      }
      String fkName = fk.string("name").isBlank() ? Names.derived(name, cols, "fkey") : fk.string("name");
      checkLength(fkName, fk.origin("name"), "@ForeignKey(name = \"...\")");
      checkSetNull(fk, "@ForeignKey " + fkName, cols, columns);
      foreignKeys.add(new ForeignKeyDraft(fkName, "@ForeignKey " + fkName, cols,
          fk.type("references"), fk.strings("referencedColumns"),
          ReferentialAction.valueOf(fk.constant("onDelete")),
          ReferentialAction.valueOf(fk.constant("onUpdate")), fk.bool("matchFull"), deferral(fk),
          fk.origin(), fk.origin("references"), fk.origin("referencedColumns")));
      origins.put(fkName, fk.origin());
    }

    PrimaryKey pk = primaryKey.isEmpty() ? null
        : new PrimaryKey(primaryKeyName(name, primaryKeyNames), primaryKey, primaryKeyDeferral);
    uniques = withoutRepeatedKeys(uniques, pk, origins);
    if (pk != null) {
      origins.put(pk.name(), primaryKeyNames.isEmpty() ? Origin.of(record)
          : primaryKeyNames.values().iterator().next().origin("name"));
    }
    String renamedFrom = Ann.find(record, "RenamedFrom", elements).map(a -> a.string("value")).orElse(null);
    Partitioning partitioning = new PartitionReader(elements, report).read(record, tableName, columns,
        new PartitionReader.Keys(pk, uniques, indexes, origins), a -> resolver.resolveAll(a, "columns"));
    Table model = new Table(tableName, record.getQualifiedName().toString(), docs.main(), columns, pk,
        uniques, checks, indexes, List.of(), renamedFrom, security.readTable(record, tableName),
        partitioning);
    return Optional.of(new TableDraft(model, table.origin(), origins, foreignKeys,
        intent(record, columnNames)));
  }

  /**
   * The primary key's name: the one {@code @Id(name)} gives (on one component; different names on
   * two are an error), or {@code <table>_pkey}.
   */
  private String primaryKeyName(String table, Map<String, Ann> named) {
    if (named.isEmpty()) {
      return Names.withSuffix(table, "pkey");
    }
    var first = named.entrySet().iterator().next();
    String name = first.getValue().string("name").strip();
    checkLength(name, first.getValue().origin("name"), "@Id(name = \"...\")");
    named.forEach((component, id) -> {
      if (!id.string("name").strip().equals(name)) {
        report.add(Message.PRIMARY_KEY_NAMES, id.origin("name"), first.getKey(), name, component,
            id.string("name").strip());
      }
    });
    return name;
  }

  /**
   * PostgreSQL's limit on the columns of a table, then the JVM's on the parameters of the record's
   * constructor: past either, the compile or the migration would fail.
   */
  private void checkSize(TypeElement record, QualifiedName table, int columns) {
    if (columns > MAX_COLUMNS) {
      report.add(Message.TOO_MANY_COLUMNS, Origin.of(record), table, columns, MAX_COLUMNS);
      return;
    }
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    int slots = components.stream().mapToInt(c -> TypeMapper.slots(c.asType())).sum();
    if (slots > MAX_PARAMETER_SLOTS) {
      report.add(Message.TOO_MANY_COMPONENTS, Origin.of(record), record.getSimpleName(),
          components.size(), slots, MAX_PARAMETER_SLOTS);
    }
  }

  /** The field of a record component, where its annotations are read from (see {@link #read}). */
  private Element fieldOf(TypeElement record, RecordComponentElement component) {
    if (fieldsRecord != record) {
      fieldsRecord = record;
      fields = new HashMap<>();
      ElementFilter.fieldsIn(record.getEnclosedElements())
          .forEach(f -> fields.put(f.getSimpleName().toString(), f));
    }
    Element field = fields.get(component.getSimpleName().toString());
    return field != null ? field : component;
  }

  /** What the record states with {@code @Acknowledge}, {@code @Dropped} and {@code @RenamedFrom}. */
  private TableDraft.Intent intent(TypeElement record, Map<String, String> columnNames) {
    Map<String, Set<String>> acknowledged = new HashMap<>();
    Map<String, Origin> renames = new HashMap<>();
    Map<String, TableDraft.StatedBackfill> backfills = new HashMap<>();
    readIntent(record, "", acknowledged, renames);
    for (RecordComponentElement recordComponent : record.getRecordComponents()) {
      Element component = fieldOf(record, recordComponent);
      String column = columnNames.get(component.getSimpleName().toString());
      if (column != null) {
        readIntent(component, column, acknowledged, renames);
        readBackfill(component).ifPresent(b -> backfills.put(column, b));
      }
    }
    Optional<Ann> dropped = Ann.find(record, "Dropped", elements);
    return new TableDraft.Intent(acknowledged,
        dropped.map(a -> Set.copyOf(a.strings("columns"))).orElse(Set.of()),
        dropped.map(a -> Set.copyOf(a.strings("tables"))).orElse(Set.of()), renames, backfills);
  }

  /** What {@code @Backfill} on a component states, reporting a blank expression. */
  private Optional<TableDraft.StatedBackfill> readBackfill(Element component) {
    Optional<Ann> backfill = Ann.find(component, "Backfill", elements);
    if (backfill.isEmpty()) {
      return Optional.empty();
    }
    String expression = backfill.get().string("value").strip();
    if (expression.isEmpty()) {
      report.add(Message.BLANK_VALUE, backfill.get().origin("value"), "@Backfill",
          "Write the SQL expression that rows holding NULL get, e.g. @Backfill(\"'unknown'\"),"
              + " or remove the annotation.");
      return Optional.empty();
    }
    return Optional.of(new TableDraft.StatedBackfill(expression, backfill.get().origin()));
  }

  /**
   * Reads {@code @Acknowledge} (reporting ids it cannot acknowledge) and where {@code @RenamedFrom}
   * is, for the record ({@code key} "") or one of its columns.
   */
  private void readIntent(Element element, String key, Map<String, Set<String>> acknowledged,
      Map<String, Origin> renames) {
    Ann.find(element, "Acknowledge", elements).ifPresent(a -> {
      List<String> ids = a.strings("value");
      for (int i = 0; i < ids.size(); i++) {
        if (!Message.acknowledgeableIds().contains(ids.get(i))) {
          report.add(Message.UNKNOWN_ACKNOWLEDGE, a.origin("value", i), ids.get(i),
              String.join(", ", Message.acknowledgeableIds()));
        }
      }
      acknowledged.put(key, Set.copyOf(ids));
    });
    Ann.find(element, "RenamedFrom", elements).ifPresent(a -> renames.put(key, a.origin("value")));
  }

  /** A foreign key that sets NOT NULL columns to NULL fails when its action runs. */
  private void checkSetNull(Ann fk, String description, List<String> fkColumns, List<Column> columns) {
    for (String action : List.of("onDelete", "onUpdate")) {
      if (fk.constant(action).equals(ReferentialAction.SET_NULL.name())) {
        columns.stream().filter(c -> fkColumns.contains(c.name()) && !c.nullable()).findFirst()
            .ifPresent(c -> report.add(Message.SET_NULL_ON_NOT_NULL, fk.origin(action), description,
                action, c.name(), action.equals("onDelete") ? "deleting a referenced row"
                    : "updating a referenced key"));
      }
    }
  }

  /** Unique constraints that repeat the primary key or an earlier unique one are errors. */
  private List<UniqueConstraint> withoutRepeatedKeys(List<UniqueConstraint> uniques, PrimaryKey pk,
      Map<String, Origin> origins) {
    List<UniqueConstraint> kept = new ArrayList<>();
    for (UniqueConstraint unique : uniques) {
      String repeated = pk != null && pk.columns().equals(unique.columns()) ? "the primary key"
          : kept.stream().filter(k -> k.columns().equals(unique.columns())).map(k -> "unique constraint " + k.name())
              .findFirst().orElse(null);
      if (repeated != null) {
        report.add(Message.UNIQUE_REPEATS_KEY, origins.get(unique.name()), "Unique constraint " + unique.name(),
            repeated, String.join(", ", unique.columns()));
      } else {
        kept.add(unique);
      }
    }
    return kept;
  }

  private Optional<Column> readColumn(Element component, String table, String columnName,
      String comment) {
    String componentName = component.getSimpleName().toString();
    TypeMirror type = component.asType();
    boolean nullable = Ann.hasSimpleName(component, "Nullable");
    if (nullable && type.getKind().isPrimitive()) {
      report.add(Message.NULLABLE_PRIMITIVE, Origin.of(component), componentName, type,
          TypeMapper.boxed(type));
    }
    Optional<Ann> columnAnn = Ann.find(component, "Column", elements);
    Optional<Ann> vector = Ann.find(component, "Vector", elements);
    Optional<Ann> identityAnn = Ann.find(component, "Identity", elements);
    Optional<Ann> defaultAnn = Ann.find(component, "Default", elements);

    String sqlType = null;
    QualifiedName enumType = null;
    String override = columnAnn.map(a -> a.string("type")).orElse("").strip();
    if (!override.isEmpty()) {
      sqlType = SqlTypes.canonical(override);
    } else if (vector.isPresent()) {
      int dimensions = vector.get().integer("value");
      if (!TypeMapper.isFloatArray(type)) {
        report.add(Message.VECTOR_NOT_FLOAT_ARRAY, vector.get().origin(), componentName, type);
        return Optional.empty();
      }
      if (dimensions < 1 || dimensions > 16000) {
        report.add(Message.VECTOR_DIMENSIONS, vector.get().origin("value"), dimensions, componentName);
      }
      sqlType = "vector(" + dimensions + ")";
    } else if (Ann.find(component, "Jsonb", elements).isPresent() && TypeMapper.isString(type)) {
      sqlType = "jsonb";
    } else {
      Optional<TypeMapper.Mapped> mapped = TypeMapper.map(type);
      if (mapped.isEmpty()) {
        report.add(Message.UNSUPPORTED_TYPE, Origin.of(component), componentName, type);
        return Optional.empty();
      }
      TypeMapper.Mapped m = mapped.get();
      String scalar = m.sqlType();
      if (m.enumElement() != null) {
        Optional<EnumType> readEnum = readEnum(m.enumElement(), component);
        if (readEnum.isEmpty()) {
          return Optional.empty();
        }
        enumType = readEnum.get().name();
        scalar = dev.plinth.schema.render.Sql.ident(enumType);
      }
      scalar = applyColumnDetails(scalar, columnAnn, component, type);
      sqlType = m.array() ? scalar + "[]" : scalar;
    }

    Identity identity = Identity.NONE;
    if (identityAnn.isPresent()) {
      if (!TypeMapper.isIntegral(type)) {
        report.add(Message.IDENTITY_TYPE, identityAnn.get().origin(), componentName, type);
      }
      if (defaultAnn.isPresent()) {
        report.add(Message.IDENTITY_WITH_DEFAULT, defaultAnn.get().origin(), componentName);
      }
      identity = identityAnn.get().bool("always") ? Identity.ALWAYS : Identity.BY_DEFAULT;
    }
    Sequence sequence = identityAnn.isEmpty() ? null
        : identitySequence(identityAnn.get(), componentName, sqlType);
    String defaultSql = null;
    if (defaultAnn.isPresent()) {
      defaultSql = defaultAnn.get().string("value").strip();
      if (defaultSql.isEmpty()) {
        report.add(Message.BLANK_VALUE, defaultAnn.get().origin("value"), "@Default",
            "Write the SQL expression, e.g. @Default(\"now()\"), or remove the annotation.");
      }
    }
    Optional<Ann> serial = Ann.find(component, "Serial", elements);
    if (serial.isPresent()) {
      checkSerial(serial.get(), component, sqlType, identityAnn, defaultAnn, nullable);
      identity = Identity.SERIAL;
      sequence = Sequence.named(Names.derived(table, List.of(columnName), "seq"));
    }
    String renamedFrom = Ann.find(component, "RenamedFrom", elements).map(a -> a.string("value")).orElse(null);
    String notNullName = columnAnn.map(a -> notNullName(a, componentName, nullable)).orElse(null);
    String collation = columnAnn.isPresent() && columnAnn.get().isSet("collation")
        ? collation(columnAnn.get(), componentName, sqlType, !override.isEmpty()) : null;
    String generated = Ann.find(component, "Generated", elements)
        .map(a -> generated(a, componentName, defaultAnn, identityAnn.or(() -> serial))).orElse(null);
    return Optional.of(new Column(columnName, sqlType, enumType, nullable, defaultSql, identity,
        comment, renamedFrom, sequence, notNullName, collation, generated));
  }

  /**
   * The collation {@code @Column(collation)} gives the column, or null for none. A type the Java
   * type maps to must be a text type; an explicit {@code @Column(type)} (a domain over text, say)
   * is taken at its word.
   */
  private String collation(Ann column, String component, String sqlType, boolean explicitType) {
    String name = column.string("collation").strip();
    Origin origin = column.origin("collation");
    if (name.isEmpty()) {
      report.add(Message.BLANK_VALUE, origin, "@Column(collation)",
          "Write the collation's name, such as @Column(collation = \"C\"), or remove the attribute.");
      return null;
    }
    String element = sqlType.endsWith("[]") ? sqlType.substring(0, sqlType.length() - 2) : sqlType;
    if (!explicitType && !TEXT_TYPE.matcher(element).matches()) {
      report.add(Message.COLLATION_NOT_TEXT, origin, name, component, sqlType);
      return null;
    }
    checkLength(name, origin, "@Column(collation = \"...\")");
    return name;
  }

  /** The expression of a {@code @Generated} component, which has no default and no identity. */
  private String generated(Ann generated, String component, Optional<Ann> defaultAnn,
      Optional<Ann> identityAnn) {
    String expression = generated.string("value").strip();
    if (expression.isEmpty()) {
      report.add(Message.BLANK_VALUE, generated.origin("value"), "@Generated",
          "Write the SQL expression, e.g. @Generated(\"price * quantity\"), or remove the annotation.");
    }
    if (defaultAnn.isPresent()) {
      report.add(Message.GENERATED_WITH_VALUES, defaultAnn.get().origin(), component, "@Default");
    }
    identityAnn.ifPresent(a -> report.add(Message.GENERATED_WITH_VALUES, a.origin(), component,
        a.simpleName()));
    return expression.isEmpty() ? null : expression;
  }

  /** The name {@code @Column(notNullName)} gives the NOT NULL constraint, or null for none. */
  private String notNullName(Ann column, String component, boolean nullable) {
    String name = column.string("notNullName").strip();
    if (!column.isSet("notNullName")) {
      return null;
    }
    Origin origin = column.origin("notNullName");
    if (name.isEmpty()) {
      report.add(Message.BLANK_VALUE, origin, "@Column(notNullName)",
          "Write the constraint's name, or remove the attribute to let PostgreSQL name it.");
    } else if (nullable) {
      report.add(Message.NOT_NULL_NAME_ON_NULLABLE, origin, name, component);
    } else if (postgres < NAMED_NOT_NULL_SINCE) {
      report.add(Message.NEEDS_NEWER_POSTGRES, origin, "@Column(notNullName) (a named NOT NULL"
          + " constraint)", NAMED_NOT_NULL_SINCE, postgres, NAMED_NOT_NULL_SINCE, NAMED_NOT_NULL_SINCE);
    }
    checkLength(name, origin, "@Column(notNullName = \"...\")");
    return name.isEmpty() ? null : name;
  }

  /** The sequence an {@code @Identity} states (its written attributes), or null for none. */
  private Sequence identitySequence(Ann identity, String component, String sqlType) {
    String name = identity.string("sequence").strip();
    if (identity.isSet("sequence")) {
      if (name.isEmpty()) {
        report.add(Message.BLANK_VALUE, identity.origin("sequence"), "@Identity(sequence)",
            "Write the sequence's name, or remove the attribute to let PostgreSQL name it.");
      }
      checkLength(name, identity.origin("sequence"), "@Identity(sequence = \"...\")");
    }
    Sequence sequence = new Sequence(name.isEmpty() ? null : name, written(identity, "start"),
        written(identity, "increment"), written(identity, "minValue"), written(identity, "maxValue"),
        written(identity, "cache"), identity.isSet("cycle") ? identity.bool("cycle") : null);
    SequenceOptions.check(report, identity, Message.IDENTITY_OPTION, component, sqlType, sequence);
    return sequence.isEmpty() ? null : sequence;
  }

  private static Long written(Ann ann, String attribute) {
    return SequenceOptions.written(ann, attribute);
  }

  /** A serial column is an integer, NOT NULL, and generates its values with nothing else. */
  private void checkSerial(Ann serial, Element component, String sqlType, Optional<Ann> identity,
      Optional<Ann> defaultAnn, boolean nullable) {
    String componentName = component.getSimpleName().toString();
    if (!SERIAL_TYPES.contains(sqlType)) {
      report.add(Message.SERIAL_TYPE, serial.origin(), componentName, sqlType);
    }
    identity.ifPresent(a -> report.add(Message.SERIAL_CONFLICT, a.origin(), componentName, "@Identity", "@Identity"));
    defaultAnn.ifPresent(a -> report.add(Message.SERIAL_CONFLICT, a.origin(), componentName, "@Default", "@Default"));
    if (nullable) {
      report.add(Message.SERIAL_CONFLICT, Origin.of(component), componentName, "@Nullable", "@Nullable");
    }
  }

  private String applyColumnDetails(String scalar, Optional<Ann> columnAnn, Element component,
      TypeMirror type) {
    if (columnAnn.isEmpty()) {
      return scalar;
    }
    Ann column = columnAnn.get();
    int length = column.integer("length");
    if (column.isSet("length") && (length < 1 || length > MAX_VARCHAR_LENGTH)) {
      report.add(Message.INVALID_LENGTH, column.origin("length"), length, component.getSimpleName(),
          MAX_VARCHAR_LENGTH);
      return scalar;
    }
    if (length > 0) {
      if (!"text".equals(scalar)) {
        report.add(Message.LENGTH_NOT_STRING, column.origin("length"), length,
            component.getSimpleName(), type);
        return scalar;
      }
      return "character varying(" + length + ")";
    }
    int precision = column.integer("precision");
    if (precision > 0 && "numeric".equals(scalar)) {
      return "numeric(" + precision + "," + column.integer("scale") + ")";
    }
    return scalar;
  }

  private Optional<EnumType> readEnum(TypeElement element, Element usedBy) {
    String javaClass = elements.getBinaryName(element).toString();
    EnumType known = enums.get(javaClass);
    if (known != null) {
      return Optional.of(known);
    }
    Map<String, Element> labels = new LinkedHashMap<>();
    for (Element constant : element.getEnclosedElements()) {
      if (constant.getKind() == ElementKind.ENUM_CONSTANT) {
        readLabel(element, constant, labels);
      }
    }
    List<String> values = new ArrayList<>(labels.keySet());
    if (element.getEnclosedElements().stream().noneMatch(e -> e.getKind() == ElementKind.ENUM_CONSTANT)) {
      report.add(Message.EMPTY_ENUM, Origin.of(usedBy), element.getQualifiedName());
      return Optional.empty();
    }
    Optional<Ann> ann = Ann.find(element, "EnumType", elements);
    String name = ann.map(a -> a.string("name")).filter(s -> !s.isBlank())
        .orElse(Names.snakeCase(element.getSimpleName().toString()));
    String schema = ann.map(a -> a.string("schema")).filter(s -> !s.isBlank())
        .orElseGet(() -> packageSchema(element));
    Origin origin = ann.map(a -> a.origin("name")).orElse(Origin.of(element));
    checkLength(name, origin, "@EnumType(name = \"...\") on " + element.getSimpleName());
    checkSchema(schema, ann.map(a -> a.origin("schema")).orElse(origin), "@EnumType(schema = \"app\")");
    enumOrigins.put(javaClass, origin);
    Map<String, String> renamedValues = new TreeMap<>();
    labels.forEach((label, constant) -> Ann.find(constant, "RenamedFrom", elements).ifPresent(a -> {
      renamedValues.put(label, a.string("value"));
      enumRenames.put(javaClass + "#" + label, a.origin("value"));
    }));
    Optional<Ann> renamed = Ann.find(element, "RenamedFrom", elements);
    renamed.ifPresent(a -> enumRenames.put(javaClass, a.origin("value")));
    String renamedFrom = renamed.map(a -> a.string("value")).orElse(null);
    EnumType type = new EnumType(new QualifiedName(schema, name), javaClass, values, renamedFrom,
        renamedValues);
    enums.put(javaClass, type);
    return Optional.of(type);
  }

  /**
   * Reads the SQL label of an enum constant (its {@code @EnumValue}, or its name) into
   * {@code labels}, reporting one PostgreSQL would refuse.
   */
  private void readLabel(TypeElement type, Element constant, Map<String, Element> labels) {
    String name = constant.getSimpleName().toString();
    Optional<Ann> value = Ann.find(constant, "EnumValue", elements);
    String label = value.map(a -> a.string("value")).orElse(name);
    Origin origin = value.map(a -> a.origin("value")).orElse(Origin.of(constant));
    if (value.isPresent() && label.isBlank()) {
      report.add(Message.BLANK_VALUE, origin, "@EnumValue on " + name,
          "Write the label, such as @EnumValue(\"in progress\"), or remove the annotation.");
    } else if (Names.bytes(label) > Names.MAX_BYTES) {
      report.add(Message.ENUM_LABEL_TOO_LONG, origin, type.getSimpleName(),
          value.isPresent() ? "the label '" + label + "' (of " + name + ")" : "the constant " + name,
          Names.bytes(label), Names.MAX_BYTES,
          value.isPresent() ? "Give it a shorter @EnumValue." : "Give it a shorter name, or an @EnumValue.");
    } else if (labels.containsKey(label)) {
      report.add(Message.DUPLICATE_ENUM_LABEL, origin, type.getSimpleName(), label,
          labels.get(label).getSimpleName(), name);
    } else {
      labels.put(label, constant);
    }
  }

  /**
   * Reads a {@code @View} record, its query from {@code sql} or from the file {@code resource}
   * names; empty (and an error reported) when it cannot be one.
   */
  public Optional<View> readView(TypeElement record, Resources resources) {
    Ann view = Ann.find(record, "View", elements).orElseThrow();
    if (record.getKind() != ElementKind.RECORD) {
      report.add(Message.VIEW_NOT_RECORD, view.origin(), record.getQualifiedName(),
          record.getSimpleName());
      return Optional.empty();
    }
    String sql = view.string("sql").strip();
    String resource = view.string("resource").strip();
    if (!resource.isEmpty() && !sql.isEmpty()) {
      report.add(Message.VIEW_SQL_AND_RESOURCE, view.origin("resource"), record.getSimpleName());
      return Optional.empty();
    }
    if (!resource.isEmpty()) {
      Optional<String> text = resources.read(resource);
      if (text.isEmpty()) {
        report.add(Message.VIEW_RESOURCE_MISSING, view.origin("resource"), record.getSimpleName(),
            resource, resources.places());
        return Optional.empty();
      }
      sql = text.get().strip();
    }
    if (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).strip();
    }
    if (sql.isEmpty()) {
      report.add(Message.VIEW_WITHOUT_SQL, view.origin("sql"), record.getSimpleName());
      return Optional.empty();
    }
    String schema = view.string("schema").isBlank() ? packageSchema(record) : view.string("schema");
    String name = view.string("name").isBlank() ? Names.snakeCase(record.getSimpleName().toString())
        : view.string("name");
    checkLength(schema, view.origin("schema"), "@View(schema = \"...\")");
    checkSchema(schema, view.origin("schema"), "@View(schema = \"app\")");
    checkLength(name, view.origin("name"), "@View(name = \"...\")");
    QualifiedName qualified = new QualifiedName(schema, name);
    List<Index> indexes = new ArrayList<>();
    if (view.bool("materialized")) {
      Map<String, String> columns = new LinkedHashMap<>();
      for (RecordComponentElement component : record.getRecordComponents()) {
        String java = component.getSimpleName().toString();
        columns.put(java, Names.snakeCase(java));
      }
      ColumnResolver resolver = new ColumnResolver(qualified, columns);
      for (Ann index : Ann.findAll(record, "Index", elements)) {
        readIndex(index, record, name, List.of(), resolver)
            .ifPresent(i -> indexes.add(i.concurrently() ? new Index(i.name(), i.keys(), i.unique(),
                i.method(), i.where(), i.include(), false) : i));
      }
    }
    int refresh = view.integer("refresh");
    if (refresh < 0) {
      report.add(Message.REFRESH_NEGATIVE, view.origin("refresh"), refresh, record.getSimpleName());
      return Optional.empty();
    }
    if (refresh != 0 && !view.bool("materialized")) {
      report.add(Message.REFRESH_NOT_MATERIALIZED, view.origin("refresh"), refresh,
          record.getSimpleName());
      return Optional.empty();
    }
    boolean securityBarrier = view.bool("securityBarrier");
    String checkOption = switch (view.constant("checkOption")) {
      case "LOCAL" -> "local";
      case "CASCADED" -> "cascaded";
      default -> null;
    };
    boolean securityInvoker = view.bool("securityInvoker");
    if (view.bool("materialized")) {
      for (String option : List.of("securityBarrier", "checkOption", "securityInvoker")) {
        if (view.isSet(option) && (option.equals("checkOption") ? checkOption != null : view.bool(option))) {
          report.add(Message.VIEW_OPTION_MATERIALIZED, view.origin(option), option,
              record.getSimpleName(), record.getSimpleName(), option);
          return Optional.empty();
        }
      }
    }
    if (securityInvoker && postgres < SECURITY_INVOKER_SINCE) {
      report.add(Message.NEEDS_NEWER_POSTGRES, view.origin("securityInvoker"),
          "@View(securityInvoker = true) (a view WITH (security_invoker=true))",
          SECURITY_INVOKER_SINCE, postgres, SECURITY_INVOKER_SINCE, SECURITY_INVOKER_SINCE);
      return Optional.empty();
    }
    String comment = view.string("comment").isEmpty() ? null : view.string("comment");
    return Optional.of(new View(qualified, elements.getBinaryName(record).toString(), sql,
        view.bool("materialized"), view.bool("materialized") && !view.bool("withData"), indexes,
        security.grants(record, false), refresh, securityBarrier, checkOption, securityInvoker,
        comment));
  }

  /** The lint ids {@code @Acknowledge} on a view record acknowledges. */
  public Set<String> viewAcknowledged(TypeElement record) {
    return Ann.find(record, "Acknowledge", elements).map(a -> Set.copyOf(a.strings("value")))
        .orElse(Set.of());
  }

  /** Where a view record is declared, for messages about it. */
  public Origin viewOrigin(TypeElement record) {
    return Ann.find(record, "View", elements).map(Ann::origin).orElse(Origin.of(record));
  }

  /** Reads an enum declared as a type of its own ({@code @EnumType(standalone = true)}), if it is. */
  public Optional<EnumType> readStandalone(TypeElement element) {
    return isStandalone(element, elements) ? readEnum(element, element) : Optional.empty();
  }

  /** Whether {@code element} is an enum declared as a type of its own. */
  public static boolean isStandalone(TypeElement element, Elements elements) {
    return element.getKind() == ElementKind.ENUM
        && Ann.find(element, "EnumType", elements).map(a -> a.bool("standalone")).orElse(false);
  }

  private Optional<Index> readIndex(Ann index, TypeElement record, String table,
      List<String> primaryKey, ColumnResolver resolver) {
    List<String> written = index.strings("columns");
    if (written.isEmpty()) {
      String example = resolver.example(primaryKey);
      report.add(Message.INDEX_WITHOUT_COLUMNS, index.origin("columns"), record.getSimpleName(),
          example, example);
      return Optional.empty();
    }
    String method = index.constant("method");
    if (index.bool("unique") && !method.equals("BTREE")) {
      report.add(Message.UNIQUE_INDEX_METHOD, index.origin("method"), method);
    }
    List<IndexKey> keys = new ArrayList<>();
    List<String> nameParts = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      String text = written.get(i).strip();
      Matcher key = KEY.matcher(text);
      if (text.isEmpty()) {
        report.add(Message.BLANK_VALUE, index.origin("columns", i), index.simpleName() + " columns",
            "Write a column name or an SQL expression, or remove the empty entry.");
      } else if (key.matches() && !isFunctionLike(text)) {
        Optional<String> column = resolver.resolve(key.group(1), index.simpleName() + " columns",
            index.origin("columns", i));
        if (column.isEmpty()) {
          continue;
        }
        if (keys.stream().anyMatch(k -> column.get().equals(k.column()))) {
          report.add(Message.REPEATED_COLUMN, index.origin("columns", i),
              index.simpleName() + " columns", column.get());
          continue;
        }
        String collation = key.group(2) == null ? null : key.group(2).replace("\"", "");
        String second = key.group(3);
        String order = key.group(4);
        if (order == null && second != null && second.matches("(?i)ASC|DESC")) {
          order = second;
          second = null;
        }
        String nulls = key.group(5);
        keys.add(new IndexKey(column.get(), null, second, "DESC".equalsIgnoreCase(order),
            nulls == null ? null : "FIRST".equalsIgnoreCase(nulls), collation));
        nameParts.add(column.get());
      } else {
        resolver.checkReferences(text, "@Index columns", index.origin("columns", i));
        keys.add(new IndexKey(null, text, null, false));
        nameParts.add(expressionName(text));
      }
    }
    if (keys.size() != written.size()) {
      return Optional.empty();
    }
    List<String> include = resolver.resolveAll(index, "include");
    if (include.size() != index.strings("include").size()) {
      return Optional.empty();
    }
    String name = index.string("name").isBlank() ? Names.derived(table, nameParts, "idx")
        : index.string("name");
    checkLength(name, index.origin("name"), "@Index(name = \"...\")");
    String where = index.string("where").strip();
    resolver.checkReferences(where, "@Index where", index.origin("where"));
    boolean nullsNotDistinct = false;
    if (index.bool("nullsNotDistinct") && !index.bool("unique")) {
      report.add(Message.NULLS_NOT_DISTINCT_NOT_UNIQUE, index.origin("nullsNotDistinct"), name);
    } else {
      nullsNotDistinct = nullsNotDistinct(index, "@Index");
    }
    // PostgreSQL records the default tablespace named explicitly as no tablespace at all.
    String tablespace = index.string("tablespace").strip();
    tablespace = tablespace.equals("pg_default") ? "" : tablespace;
    return Optional.of(new Index(name, keys, index.bool("unique"), method.toLowerCase(Locale.ROOT),
        where.isEmpty() ? null : where, include, index.bool("concurrently"), nullsNotDistinct,
        storageParameters(index), tablespace.isEmpty() ? null : tablespace));
  }

  /** {@code @Index(with)}, each {@code name = value}, each name once. */
  private List<String> storageParameters(Ann index) {
    List<String> parameters = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<String> written = index.strings("with");
    for (int i = 0; i < written.size(); i++) {
      String parameter = Index.storageParameter(written.get(i));
      if (!STORAGE_PARAMETER.matcher(parameter).matches()) {
        report.add(Message.STORAGE_PARAMETER, index.origin("with", i), written.get(i));
      } else if (!names.add(Index.parameterName(parameter))) {
        report.add(Message.REPEATED_STORAGE_PARAMETER, index.origin("with", i),
            Index.parameterName(parameter));
      } else {
        parameters.add(parameter);
      }
    }
    return parameters;
  }

  /** {@code nullsNotDistinct} of a {@code @Unique} or {@code @Index}, refused before PostgreSQL 15. */
  private boolean nullsNotDistinct(Ann annotation, String where) {
    boolean set = annotation.bool("nullsNotDistinct");
    if (set && postgres < NULLS_NOT_DISTINCT_SINCE) {
      report.add(Message.NEEDS_NEWER_POSTGRES, annotation.origin("nullsNotDistinct"),
          where + "(nullsNotDistinct = true) (UNIQUE NULLS NOT DISTINCT)", NULLS_NOT_DISTINCT_SINCE,
          postgres, NULLS_NOT_DISTINCT_SINCE, NULLS_NOT_DISTINCT_SINCE);
    }
    return set;
  }

  /** The {@code deferrable} attribute of a key annotation, as the model holds it. */
  private static Deferral deferral(Ann annotation) {
    return switch (annotation.constant("deferrable")) {
      case "INITIALLY_IMMEDIATE" -> Deferral.IMMEDIATE;
      case "INITIALLY_DEFERRED" -> Deferral.DEFERRED;
      default -> null;
    };
  }

  private static boolean isFunctionLike(String text) {
    return text.contains("(");
  }

  /** A name part for an expression key: its identifiers joined, as in {@code lower_email}. */
  private static String expressionName(String expression) {
    List<String> words = new ArrayList<>();
    Matcher m = IDENTIFIER.matcher(expression);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words.isEmpty() ? "expr" : String.join("_", words);
  }

  /**
   * The schema of the records of {@code type}'s package that name none: the one its
   * {@code package-info} declares ({@code @DbSchema}), else {@code public}. Read from
   * {@code package-info.class} when the package is not compiled in this round.
   */
  public String packageSchema(Element type) {
    return Ann.find(elements.getPackageOf(type), "DbSchema", elements)
        .map(a -> a.string("name").strip()).filter(s -> !s.isEmpty())
        .orElse(QualifiedName.DEFAULT_SCHEMA);
  }

  /**
   * Reads the {@code @DbSchema} of a package; empty (and an error reported) when it cannot declare
   * one. The comment is the attribute, else the package's Javadoc, else {@code keptComment} (the
   * committed one: Javadoc is not in {@code package-info.class}, so a package read from its class
   * file keeps it).
   *
   * @param inRound whether the package's {@code package-info.java} is compiled in this round
   * @param keptComment the comment to keep when neither is there, or null
   */
  public Optional<Namespace> readSchema(PackageElement pkg, boolean inRound, String keptComment) {
    Ann ann = Ann.find(pkg, "DbSchema", elements).orElseThrow();
    String name = ann.string("name").strip();
    String where = "@DbSchema on package " + pkg.getQualifiedName();
    if (name.isEmpty()) {
      report.add(Message.BLANK_VALUE, ann.origin("name"), where + ": name",
          "Write the schema's name, such as @DbSchema(name = \"billing\").");
      return Optional.empty();
    }
    if (name.equals(QualifiedName.DEFAULT_SCHEMA)) {
      report.add(Message.SCHEMA_PUBLIC, ann.origin("name"), pkg.getQualifiedName());
      return Optional.empty();
    }
    checkLength(name, ann.origin("name"), "@DbSchema(name = \"...\")");
    checkSchema(name, ann.origin("name"), "@DbSchema(name = \"app\")");
    String comment = ann.string("comment").strip();
    if (comment.isEmpty()) {
      comment = Docs.parse(elements.getDocComment(pkg)).main();
      if (comment == null && !inRound) {
        comment = keptComment;
      }
    }
    String renamedFrom = ann.string("renamedFrom").strip();
    return Optional.of(new Namespace(name, pkg.getQualifiedName().toString(), comment,
        renamedFrom.isEmpty() || renamedFrom.equals(name) ? null : renamedFrom));
  }

  /** Where a package's {@code @DbSchema} is, for messages about it. */
  public Origin schemaOrigin(PackageElement pkg) {
    return Ann.find(pkg, "DbSchema", elements).map(Ann::origin).orElse(Origin.of(pkg));
  }

  /** Schemas named {@code pg_*} (such as {@code pg_catalog}) are PostgreSQL's own. */
  private void checkSchema(String schema, Origin origin, String example) {
    if (schema.startsWith("pg_")) {
      report.add(Message.RESERVED_SCHEMA, origin, schema, example);
    }
  }

  private void checkLength(String name, Origin origin, String fix) {
    if (Names.bytes(name) > Names.MAX_BYTES) {
      report.add(Message.NAME_TOO_LONG, origin, name, Names.bytes(name), fix);
    }
  }

  /** Resolves column references written as component names or column names. */
  private final class ColumnResolver {
    private final QualifiedName table;
    private final Map<String, String> byComponent;

    ColumnResolver(QualifiedName table, Map<String, String> byComponent) {
      this.table = table;
      this.byComponent = byComponent;
    }

    Optional<String> resolve(String written, String where, Origin origin) {
      if (byComponent.containsKey(written)) {
        return Optional.of(byComponent.get(written));
      }
      if (byComponent.containsValue(written)) {
        return Optional.of(written);
      }
      report.add(Message.UNKNOWN_COLUMN, origin, where, written, table,
          String.join(", ", byComponent.values()));
      return Optional.empty();
    }

    /** Reports names in an SQL expression that are not columns of the table (SQL names only). */
    void checkReferences(String sql, String where, Origin origin) {
      for (String name : SqlReferences.columns(sql)) {
        if (!byComponent.containsValue(name) && !byComponent.containsValue(name.toLowerCase(Locale.ROOT))) {
          report.add(Message.UNKNOWN_COLUMN, origin, where, name, table,
              String.join(", ", byComponent.values()));
          return;
        }
      }
    }

    /** The columns an attribute names; one that is unknown or repeated is reported and left out. */
    List<String> resolveAll(Ann ann, String attribute) {
      List<String> written = ann.strings(attribute);
      List<String> result = new ArrayList<>();
      for (int i = 0; i < written.size(); i++) {
        Origin origin = ann.origin(attribute, i);
        String where = ann.simpleName() + " " + attribute;
        resolve(written.get(i).strip(), where, origin).ifPresent(column -> {
          if (result.contains(column)) {
            report.add(Message.REPEATED_COLUMN, origin, where, column);
          } else {
            result.add(column);
          }
        });
      }
      return result;
    }

    /** A column to show in an example: the first that is not in the primary key. */
    String example(List<String> primaryKey) {
      return byComponent.values().stream().filter(c -> !primaryKey.contains(c)).findFirst()
          .orElse("column");
    }
  }
}
