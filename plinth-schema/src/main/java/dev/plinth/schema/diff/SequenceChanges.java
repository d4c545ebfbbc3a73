package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AlterSequence;
import dev.plinth.schema.diff.Change.CreateSequence;
import dev.plinth.schema.diff.Change.DropSequence;
import dev.plinth.schema.diff.Change.RenameSequence;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.StandaloneSequence;
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

  /** {@code current} with the sequence renames {@code after} states ({@code renamedFrom}). */
  static Schema renames(Schema current, Schema after, List<Change> renames) {
    Schema result = current;
    for (StandaloneSequence sequence : after.sequences()) {
      if (sequence.renamedFrom() == null) {
        continue;
      }
      QualifiedName from = new QualifiedName(sequence.name().schema(), sequence.renamedFrom());
      if (result.sequence(sequence.name()).isEmpty() && result.sequence(from).isPresent()
          && after.sequence(from).isEmpty()) {
        RenameSequence rename = new RenameSequence(from, sequence.name());
        renames.add(rename);
        result = rename.applyTo(result);
      }
    }
    return result;
  }

  /**
   * @param early changes before the tables': creations (without owner), changes, drops
   * @param late changes after the tables' and columns': new owners
   */
  static void diff(Schema current, Schema after, List<Change> early, List<Change> late) {
    for (StandaloneSequence old : current.sequences()) {
      if (after.sequence(old.name()).isEmpty()) {
        StandaloneSequence unowned = old.withOwnedBy(null);
        if (old.ownedBy() != null) {
          early.add(new AlterSequence(old, unowned));
        }
        early.add(new DropSequence(unowned, true));
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
