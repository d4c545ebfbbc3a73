package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AddCheck;
import dev.plinth.schema.diff.Change.AddForeignKey;
import dev.plinth.schema.diff.Change.AddPrimaryKey;
import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.CreateTable;
import dev.plinth.schema.diff.Change.DropCheck;
import dev.plinth.schema.diff.Change.ValidateConstraint;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves the validation of constraints added to existing tables out of the migration that adds them:
 * that one adds them {@code NOT VALID} (a short exclusive lock, no scan), and a migration of its own
 * validates them, scanning the rows under a lock that lets writes go on. A column of an existing
 * table becomes NOT NULL the same way, through its {@link NotNullCheck}: added, validated, then
 * {@code SET NOT NULL} (which trusts the validated check) and the check dropped, in the validating
 * migration. Tables created by the migration need none of this: they have no rows.
 */
public final class SeparateValidation {
  /** The changes of the migration that adds the constraints, and of the one that validates them. */
  record Split(List<Change> add, List<Change> validate) {
    Split {
      add = List.copyOf(add);
      validate = List.copyOf(validate);
    }
  }

  private SeparateValidation() {}

  /** Splits the changes of one transactional migration. */
  static Split split(List<Change> changes) {
    Set<QualifiedName> created = created(changes);
    List<Change> add = new ArrayList<>();
    List<Change> validate = new ArrayList<>();
    List<Change> notNull = new ArrayList<>();
    for (Change change : changes) {
      if (change instanceof AddCheck c && !created.contains(c.table())) {
        add.add(change);
        validate.add(new ValidateConstraint(c.table(), c.check().name(), false));
      } else if (change instanceof AddForeignKey f && !created.contains(f.table())) {
        add.add(change);
        validate.add(new ValidateConstraint(f.table(), f.key().name(), false));
      } else if (change instanceof AlterColumn a && becomesNotNull(a, changes)) {
        Column loose = a.after().withNullable(true);
        if (!a.before().equals(loose)) {
          add.add(new AlterColumn(a.table(), a.before(), loose, a.backupKey(), a.restoreKey(), null,
              a.setExpression(), a.plainByCopy()));
        }
        CheckConstraint check = NotNullCheck.of(a.table(), a.after());
        add.add(new AddCheck(a.table(), check));
        validate.add(new ValidateConstraint(a.table(), check.name(), false));
        notNull.add(new AlterColumn(a.table(), loose, a.after()));
        notNull.add(new DropCheck(a.table(), check));
      } else {
        add.add(change);
      }
    }
    validate.addAll(notNull);
    return new Split(add, validate);
  }

  /** The tables the changes create empty (not those a reverse script restores with their rows). */
  public static Set<QualifiedName> created(List<Change> changes) {
    Set<QualifiedName> created = new HashSet<>();
    for (Change change : changes) {
      if (change instanceof CreateTable c && (!c.restore() || c.keptByRollback())) {
        created.add(c.table().name());
      }
    }
    return created;
  }

  /**
   * Whether a column of an existing table becomes NOT NULL through its check. Not when it also
   * becomes an identity column or part of a primary key added with it: both need NOT NULL at once;
   * nor when a backfill fills its empty rows first, in the same transaction.
   */
  private static boolean becomesNotNull(AlterColumn change, List<Change> changes) {
    return change.before().nullable() && !change.after().nullable() && change.backfill() == null
        && change.before().identity() == change.after().identity()
        && changes.stream().noneMatch(c -> c instanceof AddPrimaryKey p && p.table().equals(change.table())
            && p.key().columns().contains(change.after().name()));
  }
}
