package dev.plinth.processor.validate;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.schema.diff.SchemaDiff;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Partitioning;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import java.util.Map;
import java.util.Optional;

/**
 * What PostgreSQL cannot do to a partitioned table in place, checked against the committed schema:
 * a table becoming partitioned or plain, a changed partition key, a partition column dropped or
 * retyped. Each is refused with the way out (a new table), so nothing is guessed.
 */
public final class PartitionChecks {
  private PartitionChecks() {}

  /** Reports every table of {@code schema} whose partitioning changes in a way it cannot. */
  public static void check(Schema previous, Schema schema, Map<QualifiedName, TableDraft> drafts,
      Report report) {
    Schema renamed = SchemaDiff.withRenames(previous, schema);
    for (Table table : schema.tables()) {
      Optional<Table> old = renamed.table(table.name());
      TableDraft draft = drafts.get(table.name());
      if (old.isEmpty() || draft == null) {
        continue;
      }
      String problem = problem(old.get(), table);
      if (problem != null) {
        report.add(Message.PARTITIONING_IN_PLACE, draft.origin(), table.name(), problem);
      }
    }
  }

  private static String problem(Table old, Table table) {
    Partitioning before = old.partitioning();
    Partitioning after = table.partitioning();
    if (before == null && after == null) {
      return null;
    } else if (before == null) {
      return "would become partitioned (" + describe(after) + ")";
    } else if (after == null) {
      return "would stop being partitioned (" + describe(before) + ")";
    } else if (!before.sameKey(after)) {
      return "would change its partitioning from " + describe(before) + " to " + describe(after);
    }
    for (String key : before.columns()) {
      Optional<Column> was = old.column(key);
      Optional<Column> is = table.column(key);
      if (was.isPresent() && is.isPresent() && !was.get().type().equals(is.get().type())) {
        return "would change the type of partition column " + key + " from " + was.get().type()
            + " to " + is.get().type();
      }
    }
    return null;
  }

  private static String describe(Partitioning partitioning) {
    return partitioning.strategySql() + " (" + String.join(", ", partitioning.columns()) + ")";
  }
}
