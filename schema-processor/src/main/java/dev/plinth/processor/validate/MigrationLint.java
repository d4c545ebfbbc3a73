package dev.plinth.processor.validate;

import dev.plinth.schema.diff.Ambiguities;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Change.AddColumn;
import dev.plinth.schema.diff.Change.AddIndex;
import dev.plinth.schema.diff.Change.AddUnique;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropColumn;
import dev.plinth.schema.diff.Change.DropTable;
import dev.plinth.schema.diff.Change.RebuildEnum;
import dev.plinth.schema.diff.TypeChanges;
import dev.plinth.processor.message.Message;
import dev.plinth.schema.model.Identity;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.schema.render.Backups;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Safety checks on the changes of a new migration, modelled on what breaks or locks production
 * databases: each finding has an id and can be acknowledged on the record or component with
 * {@code @Acknowledge}. Also refuses to guess between a rename and a drop.
 */
public final class MigrationLint {
  private static final Pattern VOLATILE = Pattern.compile(
      "(?i)\\b(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|nextval)\\s*\\(");

  private final Report report;
  private final Map<QualifiedName, TableDraft> drafts;

  /** @param drafts the tables read in this compilation, by name */
  public MigrationLint(Report report, Map<QualifiedName, TableDraft> drafts) {
    this.report = report;
    this.drafts = drafts;
  }

  /** Reports renames that are not stated as such, before anything is diffed. */
  public void checkAmbiguities(Schema before, Schema after) {
    for (Ambiguities.ColumnAmbiguity a : Ambiguities.columns(before, after)) {
      TableDraft draft = drafts.get(a.table());
      if (draft != null && !draft.intent().droppedColumns().contains(a.dropped())) {
        report.add(Message.AMBIGUOUS_COLUMN, draft.originOf(a.added()), a.added(), a.table(),
            a.dropped(), a.dropped(), a.dropped(), a.dropped());
      }
    }
    for (Ambiguities.TableAmbiguity a : Ambiguities.tables(before, after)) {
      TableDraft draft = drafts.get(a.added());
      boolean stated = draft == null || draft.intent().droppedTables().contains(a.dropped().name())
          || draft.intent().droppedTables().contains(a.dropped().toString());
      if (!stated) {
        report.add(Message.AMBIGUOUS_TABLE, draft.origin(), a.added(), a.dropped(), a.dropped().name(),
            a.dropped(), a.dropped().name());
      }
    }
  }

  /** Checks the changes of migration {@code version}, which start from {@code before}. */
  public void check(String version, List<Change> changes) {
    Set<QualifiedName> created = new HashSet<>();
    changes.stream().filter(c -> c instanceof CreateTable).forEach(c -> created.add(((CreateTable) c).table().name()));
    Backups backups = new Backups(version);
    for (Change change : changes) {
      if (change instanceof CreateTable c && !c.restore() && c.table().primaryKey() == null) {
        warn(Message.NO_PRIMARY_KEY, c.table().name(), null, c.table().name());
      } else if (change instanceof RebuildEnum c) {
        List<String> removed = c.removedValues();
        boolean acknowledged = drafts.values().stream().anyMatch(d ->
            d.table().columns().stream().anyMatch(col -> c.after().name().equals(col.enumType()))
                && d.intent().acknowledges(null, Message.ENUM_VALUES_REMOVED.id()));
        if (!removed.isEmpty() && !acknowledged) {
          report.add(Message.ENUM_VALUES_REMOVED, null, removed, c.after().name());
        }
      } else if (change instanceof AddColumn c && !created.contains(c.table())) {
        if (!c.column().nullable() && c.column().defaultSql() == null && c.column().identity() == Identity.NONE) {
          warn(Message.NOT_NULL_WITHOUT_DEFAULT, c.table(), c.column().name(), c.column().name(), c.table());
        } else if (c.column().identity() != Identity.NONE
            || c.column().defaultSql() != null && VOLATILE.matcher(c.column().defaultSql()).find()) {
          warn(Message.REWRITING_DEFAULT, c.table(), c.column().name(), c.column().name(), c.table(),
              c.column().defaultSql() == null ? c.column().identity().sql() : c.column().defaultSql());
        }
      } else if (change instanceof AlterColumn c) {
        String column = c.after().name();
        if (TypeChanges.rewritesTable(c.before().type(), c.after().type())) {
          warn(Message.REWRITING_TYPE_CHANGE, c.table(), column, column, c.table(), c.before().type(),
              c.after().type());
        }
        if (c.before().nullable() && !c.after().nullable()) {
          warn(Message.SET_NOT_NULL, c.table(), column, column, c.table());
        }
        if (!TypeChanges.isLossless(c.before().type(), c.after().type()) && c.backupKey().isEmpty()) {
          warn(Message.LOSSY_REVERSE, c.table(), column, c.table(), column);
        }
      } else if (change instanceof AddIndex c && !created.contains(c.table()) && !c.index().concurrently()) {
        warn(Message.INDEX_NOT_CONCURRENT, c.table(), c.index().name(), c.index().name(), c.table());
      } else if (change instanceof AddUnique c && !created.contains(c.table())) {
        warn(Message.UNIQUE_ON_EXISTING, c.table(), c.unique().name(), c.unique().name(), c.table());
      } else if (change instanceof DropTable c && c.backup()) {
        QualifiedName name = c.table().name();
        boolean acknowledged = drafts.values().stream()
            .anyMatch(d -> d.table().name().schema().equals(name.schema())
                && d.intent().acknowledges(null, Message.DROPS_TABLE.id()));
        if (!acknowledged) {
          report.add(Message.DROPS_TABLE, null, name, c.table().columns().size(),
              backups.schema(name.schema()));
        }
      } else if (change instanceof DropColumn c) {
        warn(Message.DROPS_COLUMN, c.table(), null, c.column().name(), c.column().type(), c.table(),
            backups.schema(c.table().schema()));
        if (c.backupKey().isEmpty()) {
          warn(Message.LOSSY_REVERSE, c.table(), null, c.table(), c.column().name());
        }
      }
    }
  }

  /** Reports {@code message} at the table's record (or column), unless it is acknowledged there. */
  private void warn(Message message, QualifiedName table, String column, Object... args) {
    TableDraft draft = drafts.get(table);
    if (draft != null && draft.intent().acknowledges(column, message.id())) {
      return;
    }
    report.add(message, draft == null ? null : draft.originOf(column), args);
  }
}
