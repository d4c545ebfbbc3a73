package dev.plinth.schema.pull;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.Index;
import dev.plinth.schema.model.IndexKey;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.PrimaryKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.SqlTypes;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.schema.model.View;
import dev.plinth.schema.pull.Unsupported.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a live schema that the annotations can say, exactly as the processor will read it
 * back from the pulled records: what they cannot say is adjusted (a primary key under the name the
 * processor gives it) or left out, and every such step is reported.
 */
final class Expressible {
  /** The access methods {@code @Index(method = ...)} knows, in lower case as the model keeps them. */
  private static final Set<String> METHODS = Set.of("btree", "hash", "gin", "gist", "brin");
  /** The types {@code @Serial} accepts. */
  private static final Set<String> SERIAL_TYPES = Set.of("smallint", "integer", "bigint");

  /** The adjusted schema and what was adjusted or left out, in a stable order. */
  record Adopted(Schema schema, List<Unsupported> unsupported) {}

  private final List<Unsupported> found = new ArrayList<>();
  /** The base types of the domains left out, by the type of their columns. */
  private final java.util.Map<String, String> leftOutDomains = new java.util.HashMap<>();

  private Expressible() {}

  static Adopted adopt(Schema live) {
    Expressible e = new Expressible();
    Set<QualifiedName> leftOut = new HashSet<>();
    List<EnumType> enums = e.enums(live, leftOut);
    List<Domain> domains = e.domains(live);
    List<StandaloneSequence> sequences = e.sequences(live);
    Schema declared = live.withDomains(domains).withSequences(sequences);
    List<Table> tables = new ArrayList<>();
    for (Table table : live.tables()) {
      tables.add(e.table(declared, table, leftOut));
    }
    List<View> views = new ArrayList<>();
    for (View view : live.views()) {
      views.add(view.materialized() ? e.materializedView(view) : view);
    }
    Schema schema = e.foreignKeys(declared.withTables(tables).withEnums(enums).withViews(views));
    return new Adopted(extensions(schema), List.copyOf(e.found));
  }

  /**
   * Domains {@code @Column(type = ...)} can name, their comments as {@code @Domain(comment)} reads
   * them back; the columns of the others get the base type (and the hand-written migration gives
   * them the domain again).
   */
  private List<Domain> domains(Schema live) {
    List<Domain> kept = new ArrayList<>();
    for (Domain domain : live.domains()) {
      String object = "type " + domain.name();
      if (DeclarationSources.columnType(domain.name()).isEmpty()) {
        found.add(Reason.DOMAIN_NAME.of(object, domain.baseType()));
        leftOutDomains.put(domain.columnType(), domain.baseType());
        continue;
      }
      String comment = trimmedComment(object, domain.comment(), "@Domain(comment)");
      kept.add(new Domain(domain.name(), domain.javaClass(), SqlTypes.canonical(domain.baseType()),
          domain.notNull(), domain.defaultSql(), domain.checks(), domain.collation(), comment, null));
    }
    return kept;
  }

  /**
   * Sequences {@code @Sequence} can say: names without white space at their ends, an owner
   * {@code "table.column"} without another dot.
   */
  private List<StandaloneSequence> sequences(Schema live) {
    List<StandaloneSequence> kept = new ArrayList<>();
    for (StandaloneSequence sequence : live.sequences()) {
      String object = "sequence " + sequence.name();
      boolean names = sequence.name().name().strip().equals(sequence.name().name()) && !sequence.name().name()
          .isEmpty() && sequence.name().schema().strip().equals(sequence.name().schema());
      boolean owner = sequence.ownedBy() == null || sequence.ownedBy().indexOf('.') == sequence.ownedBy()
          .lastIndexOf('.');
      if (!names || !owner) {
        found.add(Reason.SEQUENCE_NOT_NAMEABLE.of(object, "@Sequence"));
        continue;
      }
      String comment = trimmedComment(object, sequence.comment(), "@Sequence(comment)");
      kept.add(new StandaloneSequence(sequence.name(), sequence.type(), sequence.options(), sequence.ownedBy(),
          comment, sequence.declaredBy(), null));
    }
    return kept;
  }

  /** The declared extensions but those the columns need: the baseline creates those for them. */
  private static Schema extensions(Schema schema) {
    Set<String> needed = schema.withDeclaredExtensions(List.of()).extensions();
    return schema.withDeclaredExtensions(schema.declaredExtensions().stream()
        .filter(x -> !needed.contains(x.name())).toList());
  }

  /** A comment as an annotation attribute that trims it reads it back; reported when that differs. */
  private String trimmedComment(String object, String comment, String attribute) {
    if (comment == null || comment.strip().equals(comment)) {
      return comment;
    }
    String trimmed = comment.strip();
    found.add(Reason.COMMENT_TRIMMED.of(object, attribute, trimmed));
    return trimmed.isEmpty() ? null : trimmed;
  }

  /**
   * Enum types the processor can declare: every one with no blank label ({@code @EnumValue} names any
   * other label; a type no column uses becomes {@code @EnumType(standalone = true)}).
   */
  private List<EnumType> enums(Schema live, Set<QualifiedName> leftOut) {
    List<EnumType> kept = new ArrayList<>();
    for (EnumType type : live.enums()) {
      Optional<String> blank = type.values().stream().filter(String::isBlank).findFirst();
      if (blank.isPresent()) {
        found.add(Reason.ENUM_LABEL.of("enum type " + type.name(), blank.get()));
        leftOut.add(type.name());
      } else {
        kept.add(type);
      }
    }
    return kept;
  }

  private Table table(Schema declared, Table live, Set<QualifiedName> leftOutEnums) {
    Set<String> gone = new LinkedHashSet<>();
    for (Column column : live.columns()) {
      if (column.enumType() != null && leftOutEnums.contains(column.enumType())) {
        found.add(Reason.COLUMN_OF_ENUM.of(columnName(live, column.name()), column.enumType()));
        gone.add(column.name());
      }
    }
    Table table = withoutColumns(live, gone);
    List<Column> columns = new ArrayList<>();
    for (Column column : table.columns()) {
      columns.add(column(declared, table, column));
    }
    table = table.withColumns(columns).withComment(comment("table " + table.name(), table.comment()));
    Table keyed = uniques(primaryKey(table));
    return keyed.withIndexes(keyed.indexes().stream()
        .filter(i -> indexExpressible("table " + keyed.name(), i)).toList());
  }

  /**
   * A materialized view with the indexes {@code @Index} on its record can say: their columns are
   * named by components, whose names the processor turns back into the column names.
   */
  private View materializedView(View view) {
    String object = "materialized view " + view.name();
    List<Index> kept = new ArrayList<>();
    for (Index index : view.indexes()) {
      if (!indexExpressible(object, index)) {
        continue;
      }
      List<String> columns = new ArrayList<>(index.include());
      index.keys().stream().filter(k -> k.column() != null).forEach(k -> columns.add(k.column()));
      Optional<String> unnamed = columns.stream()
          .filter(c -> !JavaNames.defaultGives(JavaNames.componentName(c), c)).findFirst();
      if (unnamed.isPresent()) {
        found.add(Reason.VIEW_INDEX_COLUMN.of(object, index.name(), unnamed.get()));
      } else {
        kept.add(index);
      }
    }
    return new View(view.name(), view.javaClass(), view.sql(), true, view.noData(), kept, view.grants());
  }

  private Column column(Schema declared, Table table, Column column) {
    String name = columnName(table, column.name());
    String type = domainColumnType(declared, column);
    String defaultSql = column.defaultSql();
    Identity identity = column.identity();
    Sequence sequence = identity.isIdentity() ? identitySequence(table, column) : null;
    if (identity == Identity.SERIAL && isConventionalSerial(table, column)) {
      sequence = Sequence.named(column.sequence().name());
    } else if (identity == Identity.SERIAL) {
      // The catalog reader holds a serial column's nextval default as its sequence.
      defaultSql = "nextval('" + column.sequence().name() + "'::regclass)";
      identity = Identity.NONE;
    }
    if (defaultSql != null && defaultSql.toLowerCase(Locale.ROOT).contains("nextval(")
        && !DeclarationSources.sequencesOf(defaultSql).filter(names -> !names.isEmpty()
            && names.stream().allMatch(q -> declared.sequence(q).isPresent())).isPresent()) {
      // A default that takes values from a declared sequence stays: the baseline creates the sequence first.
      found.add(Reason.SEQUENCE_DEFAULT.of(name, defaultSql));
      defaultSql = null;
    }
    return new Column(column.name(), type, column.enumType(), column.nullable(), defaultSql,
        identity, comment(name, column.comment()), null, sequence, notNullName(table, column),
        column.collation(), column.generated());
  }

  /**
   * The column's type: a domain's (or an array of one) when the domain is declared, else its base
   * type (the domain was left out: the hand-written migration gives it back).
   */
  private String domainColumnType(Schema declared, Column column) {
    String type = column.type();
    if (!type.startsWith("\"")) {
      return type;
    }
    boolean array = type.endsWith("[]");
    String element = array ? type.substring(0, type.length() - 2) : type;
    if (declared.domains().stream().anyMatch(d -> d.columnType().equals(element))) {
      return type;
    }
    String base = leftOutDomains.get(element);
    return base == null ? type : base + (array ? "[]" : "");
  }

  /**
   * Whether {@code @Serial} gives the column back: the sequence has the name the processor gives it
   * and PostgreSQL's default options, and the column is a NOT NULL integer with no other default.
   */
  private static boolean isConventionalSerial(Table table, Column column) {
    Sequence sequence = column.sequence();
    return SERIAL_TYPES.contains(column.type()) && !column.nullable()
        && Names.derived(table.name().name(), List.of(column.name()), "seq").equals(sequence.name())
        && sequence.options().canonical(column.type()).isEmpty();
  }

  /**
   * An identity column's sequence as {@code @Identity} states it: the options that are not
   * PostgreSQL's defaults, and the name only when it is not the one PostgreSQL gives; null for none.
   */
  private static Sequence identitySequence(Table table, Column column) {
    if (column.sequence() == null) {
      return null;
    }
    Sequence canonical = column.sequence().canonical(column.type());
    if (Names.postgres(table.name().name(), column.name(), "seq").equals(canonical.name())) {
      canonical = canonical.withName(null);
    }
    return canonical.isEmpty() ? null : canonical;
  }

  /** The NOT NULL constraint's name when it is not the one PostgreSQL gives (only PostgreSQL 18 has names). */
  private static String notNullName(Table table, Column column) {
    String given = column.notNullName();
    if (column.nullable() || given == null) { // before PostgreSQL 18 there is no name to compare
      return null;
    }
    return Names.postgres(table.name().name(), column.name(), "not_null").equals(given) ? null : given;
  }

  /** The comment as the processor reads it back from the Javadoc pull writes; reported when it differs. */
  private String comment(String object, String comment) {
    String readable = readableComment(comment);
    if (comment != null && !comment.equals(readable)) {
      found.add(Reason.COMMENT_CHANGED.of(object, readable == null ? "" : readable));
    }
    return readable;
  }

  /**
   * What the processor reads back from a comment written in Javadoc: whitespace collapsed (as it
   * reads it), with what would end the comment or be read as a tag made harmless.
   */
  static String readableComment(String comment) {
    if (comment == null) {
      return null;
    }
    String text = comment.strip().replaceAll("\\s+", " ").replace("*/", "* /").replace("{@", "{ @");
    if (text.startsWith("@")) {
      text = "&#64;" + text.substring(1);
    }
    return text.isEmpty() ? null : text;
  }

  private Table primaryKey(Table table) {
    PrimaryKey key = table.primaryKey();
    if (key == null) {
      return table;
    }
    List<String> ordered = table.columns().stream().map(Column::name).filter(key.columns()::contains).toList();
    if (!ordered.equals(key.columns())) {
      found.add(Reason.PRIMARY_KEY_ORDER.of("table " + table.name(), String.join(", ", key.columns()),
          String.join(", ", ordered)));
    }
    return table.withPrimaryKey(key.withColumns(ordered));
  }

  private Table uniques(Table table) {
    List<UniqueConstraint> kept = new ArrayList<>();
    for (UniqueConstraint unique : table.uniques()) {
      String repeated = table.primaryKey() != null && table.primaryKey().columns().equals(unique.columns())
          ? "the primary key" : kept.stream().filter(k -> k.columns().equals(unique.columns()))
              .map(k -> "unique constraint " + k.name()).findFirst().orElse(null);
      if (repeated != null) {
        found.add(Reason.UNIQUE_REPEATS_KEY.of("table " + table.name(), unique.name(), repeated));
      } else {
        kept.add(unique);
      }
    }
    return table.withUniques(kept);
  }

  private boolean indexExpressible(String object, Index index) {
    if (!METHODS.contains(index.method())) {
      found.add(Reason.INDEX_METHOD.of(object, index.name(), index.method()));
      return false;
    }
    boolean optionsOnExpression = index.keys().stream()
        .anyMatch(k -> k.expression() != null
            && !(k.opclass() == null && k.collation() == null && k.orderSql().isEmpty()));
    if (optionsOnExpression) {
      found.add(Reason.INDEX_EXPRESSION_OPTIONS.of(object, index.name()));
      return false;
    }
    return true;
  }

  /**
   * Foreign keys the processor accepts: to a primary key, unique constraint or unique index (its
   * columns in any order), between equal types.
   */
  private Schema foreignKeys(Schema schema) {
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.tables()) {
      List<ForeignKey> kept = new ArrayList<>();
      for (ForeignKey fk : table.foreignKeys()) {
        Table target = schema.table(fk.target()).orElseThrow();
        String object = "table " + table.name();
        java.util.Set<String> columns = java.util.Set.copyOf(fk.targetColumns());
        java.util.function.Predicate<List<String>> same =
            key -> key.size() == columns.size() && java.util.Set.copyOf(key).equals(columns);
        boolean isKey = target.primaryKey() != null && same.test(target.primaryKey().columns())
            || target.uniques().stream().anyMatch(u -> same.test(u.columns()))
            || target.indexes().stream().anyMatch(i -> i.unique() && i.where() == null
                && i.keys().stream().allMatch(k -> k.column() != null && k.collation() == null)
                && same.test(i.keys().stream().map(k -> k.column()).toList()));
        if (!isKey) {
          found.add(Reason.FOREIGN_KEY_TARGET.of(object, fk.name(), String.join(", ", fk.targetColumns()),
              target.name()));
          continue;
        }
        List<String> from = fk.columns().stream().map(c -> table.column(c).orElseThrow().type()).toList();
        List<String> to = fk.targetColumns().stream().map(c -> target.column(c).orElseThrow().type()).toList();
        if (!from.equals(to)) {
          found.add(Reason.FOREIGN_KEY_TYPES.of(object, fk.name(), String.join(", ", from), String.join(", ", to)));
          continue;
        }
        kept.add(fk);
      }
      tables.add(table.withForeignKeys(kept));
    }
    return schema.withTables(tables);
  }

  /** The table without {@code gone} and without every key, check and index that uses them. */
  private Table withoutColumns(Table table, Set<String> gone) {
    if (gone.isEmpty()) {
      return table;
    }
    String object = "table " + table.name();
    PrimaryKey key = table.primaryKey();
    Optional<String> keyUses = key == null ? Optional.empty() : firstOf(key.columns(), gone);
    keyUses.ifPresent(c -> found.add(Reason.USES_LEFT_OUT_COLUMN.of(object + " primary key " + key.name(), c)));
    List<UniqueConstraint> uniques = keep(table.uniques(), u -> firstOf(u.columns(), gone), object + " unique");
    List<CheckConstraint> checks = keep(table.checks(), c -> mentioned(c.expression(), gone), object + " check");
    List<Index> indexes = keep(table.indexes(), i -> indexUses(i, gone), object + " index");
    List<ForeignKey> fks = keep(table.foreignKeys(), f -> firstOf(f.columns(), gone), object + " foreign key");
    return table.withColumns(table.columns().stream().filter(c -> !gone.contains(c.name())).toList())
        .withPrimaryKey(keyUses.isPresent() ? null : key)
        .withUniques(uniques).withChecks(checks).withIndexes(indexes).withForeignKeys(fks);
  }

  private <T extends dev.plinth.schema.model.Named> List<T> keep(List<T> items,
      java.util.function.Function<T, Optional<String>> uses, String what) {
    List<T> kept = new ArrayList<>();
    for (T item : items) {
      Optional<String> column = uses.apply(item);
      if (column.isPresent()) {
        found.add(Reason.USES_LEFT_OUT_COLUMN.of(what + " " + item.name(), column.get()));
      } else {
        kept.add(item);
      }
    }
    return kept;
  }

  private static Optional<String> indexUses(Index index, Set<String> gone) {
    for (IndexKey key : index.keys()) {
      Optional<String> used = key.column() != null ? firstOf(List.of(key.column()), gone)
          : mentioned(key.expression(), gone);
      if (used.isPresent()) {
        return used;
      }
    }
    return firstOf(index.include(), gone).or(() -> mentioned(index.where(), gone));
  }

  private static Optional<String> firstOf(List<String> columns, Set<String> gone) {
    return columns.stream().filter(gone::contains).findFirst();
  }

  /** The first of {@code columns} that {@code sql} names (outside string literals), if any. */
  static Optional<String> mentioned(String sql, Set<String> columns) {
    if (sql == null) {
      return Optional.empty();
    }
    for (String word : SqlWords.identifiers(sql)) {
      for (String column : columns) {
        if (word.equals(column)) {
          return Optional.of(column);
        }
      }
    }
    return Optional.empty();
  }

  static String columnName(Table table, String column) {
    return "column " + table.name() + "." + column;
  }
}
