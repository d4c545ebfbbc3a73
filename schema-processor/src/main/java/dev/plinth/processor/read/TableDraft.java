package dev.plinth.processor.read;

import dev.plinth.processor.model.ReferentialAction;
import dev.plinth.processor.model.Table;
import dev.plinth.processor.validate.Origin;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeMirror;

/**
 * A table as read from one record, before foreign keys are resolved against the other tables.
 *
 * @param table the table, without foreign keys
 * @param origins source positions by column name and by constraint or index name
 */
public record TableDraft(Table table, Origin origin, Map<String, Origin> origins,
    List<ForeignKeyDraft> foreignKeys) {

  /**
   * A foreign key as written: the target is a type that may not be a table, and the target columns
   * may be left to default to its primary key.
   */
  public record ForeignKeyDraft(String name, String description, List<String> columns,
      TypeMirror target, List<String> targetColumns, ReferentialAction onDelete,
      ReferentialAction onUpdate, Origin origin, Origin targetOrigin, Origin targetColumnsOrigin) {}
}
