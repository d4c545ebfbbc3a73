package dev.plinth.processor.validate;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.processor.read.TableDraft.StatedBackfill;
import dev.plinth.schema.diff.Backfill;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gives what {@code @Backfill} states to the changes that make those columns NOT NULL, and reports
 * a {@code @Backfill} that no such change takes (a warning: it does nothing, typically left over
 * from a migration already generated, and should not fail the build) or that cannot be undone.
 */
public final class Backfills {
  private final Report report;
  private final Map<QualifiedName, TableDraft> drafts;

  /** @param drafts the tables read in this compilation, by name */
  public Backfills(Report report, Map<QualifiedName, TableDraft> drafts) {
    this.report = report;
    this.drafts = drafts;
  }

  /** {@code changes}, with the stated backfills attached. */
  public List<Change> attach(List<Change> changes) {
    Set<String> used = new HashSet<>();
    List<Change> out = new ArrayList<>();
    for (Change change : changes) {
      out.add(change instanceof AlterColumn alter && alter.setsNotNull()
          ? withBackfill(alter, used) : change);
    }
    reportUnused(used);
    return out;
  }

  private Change withBackfill(AlterColumn change, Set<String> used) {
    TableDraft draft = drafts.get(change.table());
    String column = change.after().name();
    StatedBackfill stated = draft == null ? null : draft.intent().backfills().get(column);
    if (stated == null) {
      return change;
    }
    used.add(change.table() + "." + column);
    if (draft.table().primaryKey() == null) {
      report.add(Message.BACKFILL_WITHOUT_KEY, stated.origin(), column, change.table());
      return change;
    }
    return change.withBackfill(new Backfill(stated.expression(), draft.table().primaryKey().columns()));
  }

  private void reportUnused(Set<String> used) {
    new TreeMap<>(drafts).forEach((name, draft) -> new TreeMap<>(draft.intent().backfills()).forEach((column, stated) -> {
      if (!used.contains(name + "." + column)) {
        boolean nullable = draft.table().column(column).map(c -> c.nullable()).orElse(false);
        report.add(Message.BACKFILL_IGNORED, stated.origin(), column, name,
            nullable ? "it is @Nullable"
                : "it is NOT NULL already, or it is new, and a new column takes a @Default instead");
      }
    }));
  }
}
