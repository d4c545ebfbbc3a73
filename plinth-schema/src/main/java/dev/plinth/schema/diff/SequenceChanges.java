package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AlterSequence;
import dev.plinth.schema.diff.Change.CreateSequence;
import dev.plinth.schema.diff.Change.DropSequence;
import dev.plinth.schema.diff.Change.RenameSequence;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.schema.model.Table;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes of declared sequences and extensions. Sequences are created, changed and dropped
 * before the tables (a column default may take values from one), and let go of their owning
 * column first (a dropped column would take its sequence with it); a new owner is set once the
 * tables and columns are there. A dropped sequence is kept in the migration's backup schema.
 */
final class SequenceChanges {
  private SequenceChanges() {}

  /**
   * {@code current} with the sequence renames {@code after} states ({@code renamedFrom}), each
   * added to {@code renames}. A column default that names a renamed sequence and changes is dropped
   * first ({@code dropDefaults}) and set after the rename, so that the reverse sets the former one
   * only once the sequence has its former name again.
   */
  static Schema renames(Schema current, Schema after, List<Change> renames, List<Change> dropDefaults) {
    Schema result = current;
    for (StandaloneSequence sequence : after.sequences()) {
      if (sequence.renamedFrom() == null) {
        continue;
      }
      QualifiedName from = new QualifiedName(sequence.name().schema(), sequence.renamedFrom());
      if (result.sequence(sequence.name()).isEmpty() && result.sequence(from).isPresent()
          && after.sequence(from).isEmpty()) {
        result = dropDefaultsNaming(result, after, from, dropDefaults);
        RenameSequence rename = new RenameSequence(from, sequence.name());
        renames.add(rename);
        result = rename.applyTo(result);
      }
    }
    return result;
  }

  /** Drops the defaults that name {@code sequence} and change from {@code current} to {@code after}. */
  private static Schema dropDefaultsNaming(Schema current, Schema after, QualifiedName sequence,
      List<Change> dropDefaults) {
    Schema result = current;
    for (Table table : current.tables()) {
      Optional<Table> next = after.table(table.name());
      for (Column column : table.columns()) {
        if (column.defaultSql() == null || !namesSequence(column.defaultSql(), sequence)) {
          continue;
        }
        Optional<Column> now = next.flatMap(t -> t.column(column.name()));
        if (now.isPresent() && Objects.equals(column.defaultSql(), now.get().defaultSql())) {
          continue;
        }
        Column bare = column.withDefault(null).withSequence(column.sequence())
            .withNotNullName(column.notNullName());
        Change drop = new Change.AlterColumn(table.name(), column, bare);
        dropDefaults.add(drop);
        result = drop.applyTo(result);
      }
    }
    return result;
  }

  /** Whether a default's SQL names the sequence, as {@code 'name'} or {@code 'schema.name'}. */
  private static boolean namesSequence(String sql, QualifiedName sequence) {
    String text = sql.replace("\"", "");
    return text.contains("'" + sequence.name() + "'") || text.contains("'" + sequence + "'");
  }

  /**
   * @param early changes before the tables': creations (without owner), changes, owners let go of
   * @param late changes after the tables' and columns': new owners, drops (so that the reverse
   *     puts a dropped sequence back before a default takes values from it again)
   */
  static void diff(Schema current, Schema after, List<Change> early, List<Change> late) {
    for (StandaloneSequence old : current.sequences()) {
      if (after.sequence(old.name()).isEmpty()) {
        StandaloneSequence unowned = old.withOwnedBy(null);
        if (old.ownedBy() != null) {
          early.add(new AlterSequence(old, unowned));
        }
        late.add(new DropSequence(unowned, true));
      }
    }
    for (StandaloneSequence declared : after.sequences()) {
      StandaloneSequence sequence = declared.definition();
      Optional<StandaloneSequence> found = current.sequence(sequence.name());
      if (found.isEmpty()) {
        StandaloneSequence unowned = sequence.withOwnedBy(null);
        early.add(new CreateSequence(unowned, false));
        if (sequence.ownedBy() != null) {
          late.add(new AlterSequence(unowned, sequence));
        }
        continue;
      }
      StandaloneSequence old = found.get().definition();
      if (old.equals(sequence)) {
        continue;
      }
      boolean sameOwner = Objects.equals(old.ownedBy(), sequence.ownedBy());
      StandaloneSequence middle = sameOwner ? sequence : sequence.withOwnedBy(null);
      if (!old.equals(middle)) {
        early.add(new AlterSequence(old, middle));
      }
      if (!sameOwner && sequence.ownedBy() != null) {
        late.add(new AlterSequence(middle, sequence));
      }
    }
  }

  /**
   * Extensions declared or no longer declared: a new declaration creates the extension when the
   * database lacks it; one that goes drops it when a Plinth migration created it and nothing uses
   * it. Declarations are compared by name: a changed schema or version applies when the extension
   * is created, not to one that exists.
   */
  static void extensions(Schema current, Schema after, List<Change> creates, List<Change> drops) {
    for (Extension old : current.declaredExtensions()) {
      if (after.declaredExtension(old.name()).isEmpty()) {
        drops.add(new Change.DropExtension(old.name(), true, old));
      }
    }
    for (Extension declared : after.declaredExtensions()) {
      if (current.declaredExtension(declared.name()).isEmpty()) {
        creates.add(Change.CreateExtension.declared(declared));
      }
    }
  }

  /** The extensions newly declared from {@code current} to {@code after}, by name. */
  static java.util.Set<String> newlyDeclared(Schema current, Schema after) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    after.declaredExtensions().stream().filter(e -> current.declaredExtension(e.name()).isEmpty())
        .forEach(e -> names.add(e.name()));
    return names;
  }

  /** The extensions no longer declared from {@code current} to {@code after}, by name. */
  static java.util.Set<String> noLongerDeclared(Schema current, Schema after) {
    return newlyDeclared(after, current);
  }
}
