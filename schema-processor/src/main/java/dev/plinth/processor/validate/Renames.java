package dev.plinth.processor.validate;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.Map;
import java.util.Optional;

/**
 * The previous names stated with {@code @RenamedFrom}, judged against the committed schema. A
 * column's previous name may be written as its Java component name: it is replaced by the column
 * name it had. A previous name that matches nothing, on something new, would be ignored (the new
 * thing is created, nothing renamed): that is reported. Once a rename is migrated, the annotation
 * may stay; it is then silently ignored.
 */
public final class Renames {
  private final Report report;
  private final Map<QualifiedName, TableDraft> drafts;
  private final Map<String, Origin> enumRenames;

  /**
   * @param drafts the tables read in this compilation, by name
   * @param enumRenames where enums state previous names: by Java class (the type) and by
   *     {@code <class>#<constant>} (a value)
   */
  public Renames(Report report, Map<QualifiedName, TableDraft> drafts, Map<String, Origin> enumRenames) {
    this.report = report;
    this.drafts = drafts;
    this.enumRenames = enumRenames;
  }

  /** The schema with the previous column names resolved to SQL names. */
  public Schema resolve(Schema previous, Schema schema) {
    Schema result = schema;
    for (Table table : schema.tables()) {
      TableDraft draft = drafts.get(table.name());
      if (draft != null) {
        Optional<Table> before = previousTable(previous, table, draft);
        for (Column column : table.columns()) {
          Optional<String> resolved = previousColumn(before, table, column, draft);
          if (resolved.isPresent() && !resolved.get().equals(column.renamedFrom())) {
            result = result.editTable(table.name(), t -> t.withColumns(t.columns().stream()
                .map(c -> c.name().equals(column.name()) ? c.withRenamedFrom(resolved.get()) : c)
                .toList()));
          }
        }
      }
    }
    schema.enums().forEach(type -> checkEnum(previous, type));
    return result;
  }

  /** The table as committed: under its name, or under the name it is renamed from. */
  private Optional<Table> previousTable(Schema previous, Table table, TableDraft draft) {
    Optional<Table> before = previous.table(table.name());
    if (before.isPresent() || table.renamedFrom() == null) {
      return before;
    }
    before = previous.table(qualify(table.renamedFrom(), table.name().schema()));
    if (before.isEmpty()) {
      unmatched(draft.intent().renamedFrom().get(""), table.renamedFrom(), "table " + table.name(),
          "the table");
    }
    return before;
  }

  /** The committed column name a new column is renamed from, if it names one. */
  private Optional<String> previousColumn(Optional<Table> before, Table table, Column column,
      TableDraft draft) {
    String from = column.renamedFrom();
    if (from == null || before.flatMap(t -> t.column(column.name())).isPresent()) {
      return Optional.empty();
    }
    for (String name : new String[] {from, Names.snakeCase(from)}) {
      if (before.flatMap(t -> t.column(name)).isPresent()) {
        return Optional.of(name);
      }
    }
    unmatched(draft.intent().renamedFrom().get(column.name()), from,
        "column '" + column.name() + "' of table " + table.name(), "the column");
    return Optional.empty();
  }

  private void checkEnum(Schema previous, EnumType type) {
    Optional<EnumType> before = previous.enumType(type.name());
    if (before.isEmpty() && type.renamedFrom() != null) {
      before = previous.enumType(qualify(type.renamedFrom(), type.name().schema()));
      if (before.isEmpty()) {
        unmatched(enumRenames.get(type.javaClass()), type.renamedFrom(), "enum type " + type.name(),
            "the type");
      }
    }
    if (type.renamedValues() == null) {
      return;
    }
    for (Map.Entry<String, String> rename : type.renamedValues().entrySet()) {
      boolean known = before.map(b -> b.values().contains(rename.getKey())
          || b.values().contains(rename.getValue())).orElse(false);
      if (!known) {
        unmatched(enumRenames.get(type.javaClass() + "#" + rename.getKey()), rename.getValue(),
            "value " + rename.getKey() + " of enum type " + type.name(), "the value");
      }
    }
  }

  private void unmatched(Origin origin, String from, String on, String what) {
    report.add(Message.RENAMED_FROM_UNMATCHED, origin, from, on, what);
  }

  private static QualifiedName qualify(String name, String defaultSchema) {
    return name.contains(".") ? QualifiedName.parse(name) : new QualifiedName(defaultSchema, name);
  }
}
