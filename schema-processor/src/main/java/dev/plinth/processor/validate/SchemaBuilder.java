package dev.plinth.processor.validate;

import dev.plinth.processor.message.Message;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.ForeignKey;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.View;
import dev.plinth.schema.model.UniqueConstraint;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.processor.read.TableDraft.ForeignKeyDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.element.TypeElement;

/**
 * Joins the tables read in this compilation with those kept from the committed state, resolves
 * foreign keys, and checks what spans tables: duplicates, name collisions, key types.
 */
public final class SchemaBuilder {
  private final Report report;
  private final Function<TypeElement, Optional<TableDraft>> readOnDemand;
  private final Function<TypeMirror, String> binaryName;

  /**
   * @param readOnDemand reads a {@code @Table} record that is neither in this compilation's round
   *     nor in the committed state (e.g. from a class file); empty when the type is not a table
   * @param binaryName the binary class name of a declared type
   */
  public SchemaBuilder(Report report, Function<TypeElement, Optional<TableDraft>> readOnDemand,
      Function<TypeMirror, String> binaryName) {
    this.report = report;
    this.readOnDemand = readOnDemand;
    this.binaryName = binaryName;
  }

  /**
   * The schema, or the errors in the report.
   *
   * @param enumOrigins where the read enum types are named, by Java class
   */
  public Schema build(List<TableDraft> drafts, List<Table> kept, List<EnumType> readEnums,
      Map<String, Origin> enumOrigins, Schema previous) {
    return build(drafts, kept, readEnums, enumOrigins, Map.of(), previous);
  }

  /**
   * The schema with views, or the errors in the report.
   *
   * @param views the views, each with where it is declared (null for none)
   */
  public Schema build(List<TableDraft> drafts, List<Table> kept, List<EnumType> readEnums,
      Map<String, Origin> enumOrigins, Map<View, Origin> views, Schema previous) {
    Map<String, Table> byClass = new TreeMap<>();
    Map<QualifiedName, String> owners = new HashMap<>();
    kept.forEach(t -> byClass.put(t.javaClass(), t));
    List<TableDraft> all = new ArrayList<>();
    for (TableDraft draft : drafts) {
      Table table = draft.table();
      String owner = owners.putIfAbsent(table.name(), table.javaClass());
      if (owner != null) {
        report.add(Message.DUPLICATE_TABLE, draft.origin(), table.name(), owner, table.javaClass());
        continue;
      }
      all.add(draft);
      byClass.put(table.javaClass(), table);
    }
    for (Table table : kept) {
      if (owners.putIfAbsent(table.name(), table.javaClass()) != null) {
        byClass.remove(table.javaClass());
      }
    }

    List<Table> tables = new ArrayList<>();
    Map<String, Table> resolvedByClass = new TreeMap<>(byClass);
    for (TableDraft draft : all) {
      List<ForeignKey> keys = new ArrayList<>();
      for (ForeignKeyDraft fk : draft.foreignKeys()) {
        resolve(draft.table(), fk, resolvedByClass).ifPresent(keys::add);
      }
      tables.add(draft.table().withForeignKeys(keys));
    }
    Set<QualifiedName> names = new HashSet<>();
    tables.forEach(t -> names.add(t.name()));
    for (Table table : kept) {
      if (byClass.containsKey(table.javaClass()) && names.add(table.name())) {
        tables.add(table);
      }
    }
    List<EnumType> enums = usedEnums(tables, readEnums, previous);
    checkCollisions(tables, readEnums, enumOrigins, all, views);
    return new Schema(tables, enums, List.copyOf(views.keySet()));
  }

  /** The enum types the tables use: as read, or from the committed state for kept tables. */
  private static List<EnumType> usedEnums(List<Table> tables, List<EnumType> read, Schema previous) {
    Map<QualifiedName, EnumType> result = new TreeMap<>();
    read.forEach(e -> result.put(e.name(), e));
    for (Table table : tables) {
      for (Column column : table.columns()) {
        if (column.enumType() != null && !result.containsKey(column.enumType())) {
          previous.enumType(column.enumType()).ifPresent(e -> result.put(e.name(), e));
        }
      }
    }
    return new ArrayList<>(result.values());
  }

  private Optional<ForeignKey> resolve(Table table, ForeignKeyDraft fk, Map<String, Table> byClass) {
    TypeMirror targetType = fk.target();
    if (targetType.getKind() != TypeKind.DECLARED) {
      report.add(Message.NOT_A_TABLE, fk.targetOrigin(), fk.description(), targetType, targetType);
      return Optional.empty();
    }
    String targetClass = binaryName.apply(targetType);
    Table target = byClass.get(targetClass);
    if (target == null) {
      TypeElement element = (TypeElement) ((DeclaredType) targetType).asElement();
      Optional<TableDraft> read = readOnDemand.apply(element);
      if (read.isEmpty()) {
        report.add(Message.NOT_A_TABLE, fk.targetOrigin(), fk.description(), targetType,
            element.getSimpleName());
        return Optional.empty();
      }
      target = read.get().table();
      byClass.put(targetClass, target);
    }
    List<String> targetColumns = new ArrayList<>();
    for (String written : fk.targetColumns()) {
      Optional<Column> column = target.column(written);
      if (column.isEmpty()) {
        column = target.column(dev.plinth.schema.model.Names.snakeCase(written));
      }
      if (column.isEmpty()) {
        report.add(Message.UNKNOWN_COLUMN, fk.targetColumnsOrigin(), fk.description(), written,
            target.name(), String.join(", ", target.columns().stream().map(Column::name).toList()));
        return Optional.empty();
      }
      targetColumns.add(column.get().name());
    }
    if (targetColumns.isEmpty()) {
      if (target.primaryKey() == null || target.primaryKey().columns().size() != fk.columns().size()) {
        report.add(Message.FK_NO_TARGET_KEY, fk.targetOrigin(), fk.description(), target.name(),
            target.name(), fk.columns().size(), target.javaClass());
        return Optional.empty();
      }
      targetColumns.addAll(target.primaryKey().columns());
    }
    if (targetColumns.size() != fk.columns().size()) {
      report.add(Message.FK_COLUMN_COUNT, fk.origin(), fk.name(), fk.columns().size(), targetColumns.size());
      return Optional.empty();
    }
    // PostgreSQL accepts the referenced columns of a key in any order.
    java.util.Set<String> keyColumns = java.util.Set.copyOf(targetColumns);
    java.util.function.Predicate<List<String>> sameColumns =
        key -> key.size() == targetColumns.size() && java.util.Set.copyOf(key).equals(keyColumns);
    Optional<String> deferrableKey = Optional.empty();
    boolean isKey = false;
    if (target.primaryKey() != null && sameColumns.test(target.primaryKey().columns())) {
      isKey = true;
      if (target.primaryKey().deferrable() != null) {
        deferrableKey = Optional.of("primary key " + target.primaryKey().name());
      }
    }
    for (UniqueConstraint unique : target.uniques()) {
      if (sameColumns.test(unique.columns())) {
        isKey = true;
        if (unique.deferrable() != null) {
          deferrableKey = Optional.of("unique constraint " + unique.name());
        }
      }
    }
    // A unique index serves as well when its keys are plain columns and it is not partial.
    isKey = isKey || target.indexes().stream().anyMatch(i -> i.unique() && i.where() == null
        && i.keys().stream().allMatch(k -> k.column() != null && k.collation() == null)
        && sameColumns.test(i.keys().stream().map(k -> k.column()).toList()));
    if (!isKey) {
      report.add(Message.FK_TARGET_NOT_UNIQUE, fk.targetColumnsOrigin(), fk.name(), target.name(),
          String.join(", ", targetColumns), target.name(), target.javaClass());
      return Optional.empty();
    }
    if (deferrableKey.isPresent() && !isNonDeferrableKey(target, sameColumns)) {
      report.add(Message.FK_TARGET_DEFERRABLE, fk.targetColumnsOrigin(), fk.name(),
          deferrableKey.get(), String.join(", ", targetColumns), target.name());
      return Optional.empty();
    }
    for (int i = 0; i < targetColumns.size(); i++) {
      Optional<Column> column = table.column(fk.columns().get(i));
      Column referenced = target.column(targetColumns.get(i)).orElseThrow();
      if (column.isPresent() && !column.get().type().equals(referenced.type())) {
        report.add(Message.FK_TYPE_MISMATCH, fk.origin(), fk.name(), column.get().name(),
            column.get().type(), target.name(), referenced.name(), referenced.type());
        return Optional.empty();
      }
    }
    return Optional.of(new ForeignKey(fk.name(), fk.columns(), target.name(), targetColumns,
        fk.onDelete(), fk.onUpdate(), fk.matchFull(), fk.deferrable()));
  }

  /** Whether a key on those columns that is checked after each statement exists (PostgreSQL picks it). */
  private static boolean isNonDeferrableKey(Table target,
      java.util.function.Predicate<List<String>> sameColumns) {
    return target.primaryKey() != null && target.primaryKey().deferrable() == null
            && sameColumns.test(target.primaryKey().columns())
        || target.uniques().stream().anyMatch(u -> u.deferrable() == null && sameColumns.test(u.columns()))
        || target.indexes().stream().anyMatch(i -> i.unique() && i.where() == null
            && i.keys().stream().allMatch(k -> k.column() != null && k.collation() == null)
            && sameColumns.test(i.keys().stream().map(k -> k.column()).toList()));
  }

  /**
   * Tables, types, indexes and key constraints share one namespace per schema; constraints share
   * one per table. Every clash is an error at the element that introduced the second name.
   */
  private void checkCollisions(List<Table> tables, List<EnumType> enums,
      Map<String, Origin> enumOrigins, List<TableDraft> drafts, Map<View, Origin> views) {
    Map<QualifiedName, TableDraft> byName = new HashMap<>();
    drafts.forEach(d -> byName.putIfAbsent(d.table().name(), d));
    Map<QualifiedName, Claim> relations = new HashMap<>();
    for (EnumType type : enums) {
      claim(relations, type.name().schema(), type.name().name(), () -> "enum type " + type.javaClass(),
          enumOrigins.get(type.javaClass()));
    }
    for (Table table : tables) {
      TableDraft draft = byName.get(table.name());
      claim(relations, table.name().schema(), table.name().name(), () -> "table " + table.javaClass(),
          draft == null ? null : draft.origin());
    }
    views.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(View::name)))
        .forEach(v -> claim(relations, v.getKey().name().schema(), v.getKey().name().name(),
            () -> "view " + v.getKey().javaClass(), v.getValue()));
    for (Table table : tables) {
      TableDraft draft = byName.get(table.name());
      Function<String, Origin> origin = name -> draft == null ? null : draft.origins().get(name);
      String schema = table.name().schema();
      Map<QualifiedName, Claim> constraints = new HashMap<>();
      List<String> keys = new ArrayList<>();
      if (table.primaryKey() != null) {
        keys.add(table.primaryKey().name());
      }
      table.uniques().forEach(u -> keys.add(u.name()));
      for (String key : keys) {
        claim(relations, schema, key, () -> "constraint " + key + " of " + table.name(), origin.apply(key));
        constraints.put(new QualifiedName(schema, key), new Claim(() -> "constraint " + key, origin.apply(key)));
      }
      table.indexes().forEach(i ->
          claim(relations, schema, i.name(), () -> "an index of " + table.name(), origin.apply(i.name())));
      table.columns().stream().filter(c -> c.sequence() != null && c.sequence().name() != null)
          .forEach(c -> claim(relations, schema, c.sequence().name(),
              () -> "the sequence of " + table.name() + "." + c.name(), origin.apply(c.name())));
      table.checks().forEach(c ->
          claim(constraints, schema, c.name(), () -> "a check of " + table.name(), origin.apply(c.name())));
      table.foreignKeys().forEach(f ->
          claim(constraints, schema, f.name(), () -> "a foreign key of " + table.name(), origin.apply(f.name())));
      table.columns().stream().filter(c -> !c.nullable() && c.notNullName() != null)
          .forEach(c -> claim(constraints, schema, c.notNullName(),
              () -> "the NOT NULL constraint of " + table.name() + "." + c.name(), origin.apply(c.name())));
    }
  }

  /**
   * Who took a name first (said only when a name clashes: most never do), and where (null when it
   * is not in this compilation).
   */
  private record Claim(Supplier<String> owner, Origin origin) {}

  /**
   * Takes a name for {@code owner}; when it is taken, reports the clash where this owner is
   * declared, or, when this one is not in the compilation (a kept table), where the first is.
   */
  private void claim(Map<QualifiedName, Claim> owners, String schema, String name, Supplier<String> owner,
      Origin origin) {
    Claim previous = owners.putIfAbsent(new QualifiedName(schema, name), new Claim(owner, origin));
    if (previous != null) {
      report.add(Message.NAME_COLLISION, origin != null ? origin : previous.origin(),
          previous.owner().get(), owner.get(), name, schema);
    }
  }
}
