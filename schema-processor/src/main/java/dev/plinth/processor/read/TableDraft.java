package dev.plinth.processor.read;

import dev.plinth.schema.model.Deferral;
import dev.plinth.schema.model.ReferentialAction;
import dev.plinth.schema.model.Table;
import dev.plinth.processor.validate.Origin;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/**
 * A table as read from one record, before foreign keys are resolved against the other tables.
 *
 * @param table the table, without foreign keys
 * @param origins source positions by column name and by constraint or index name
 * @param intent what the developer stated about changes to this table
 */
public record TableDraft(Table table, Origin origin, Map<String, Origin> origins,
    List<ForeignKeyDraft> foreignKeys, Intent intent) {

  /** The source position of a column, or of the record when the column is not in it. */
  public Origin originOf(String column) {
    return column == null ? origin : origins.getOrDefault(column, origin);
  }

  /**
   * Stated intent: warnings acknowledged with {@code @Acknowledge} (by column name; {@code ""}
   * for the table), columns and tables stated as dropped with {@code @Dropped}, and where
   * {@code @RenamedFrom} states a previous name (by column name; {@code ""} for the table), and
   * what {@code @Backfill} gives the NULL rows of a column that becomes NOT NULL (by column name).
   */
  public record Intent(Map<String, Set<String>> acknowledged, Set<String> droppedColumns,
      Set<String> droppedTables, Map<String, Origin> renamedFrom,
      Map<String, StatedBackfill> backfills) {
    public Intent {
      acknowledged = Map.copyOf(acknowledged);
      droppedColumns = Set.copyOf(droppedColumns);
      droppedTables = Set.copyOf(droppedTables);
      renamedFrom = Map.copyOf(renamedFrom);
      backfills = Map.copyOf(backfills);
    }

    /** Whether warning {@code id} is acknowledged for the column (or for the whole table). */
    public boolean acknowledges(String column, String id) {
      return acknowledged.getOrDefault("", Set.of()).contains(id)
          || column != null && acknowledged.getOrDefault(column, Set.of()).contains(id);
    }
  }

  /** A {@code @Backfill} as written: the SQL expression, and where the annotation is. */
  public record StatedBackfill(String expression, Origin origin) {}

  /**
   * A foreign key as written: the target is a type that may not be a table, and the target columns
   * may be left to default to its primary key.
   */
  public record ForeignKeyDraft(String name, String description, List<String> columns,
      TypeMirror target, List<String> targetColumns, ReferentialAction onDelete,
      ReferentialAction onUpdate, boolean matchFull, Deferral deferrable, Origin origin,
      Origin targetOrigin, Origin targetColumnsOrigin) {}
}
