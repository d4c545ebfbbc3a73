package dev.plinth.schema.diff;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import java.util.List;

/**
 * The temporary CHECK ({@code column IS NOT NULL}) through which a column of an existing table
 * becomes NOT NULL: once it is validated, {@code SET NOT NULL} needs no scan of its own under the
 * exclusive lock.
 */
public final class NotNullCheck {
  private NotNullCheck() {}

  /** The check's name: never the name the column gives its NOT NULL constraint. */
  public static String name(QualifiedName table, Column column) {
    String name = Names.derived(table.name(), List.of(column.name()), "not_null");
    return name.equals(column.notNullName())
        ? Names.derived(table.name(), List.of(column.name()), "not_null_check") : name;
  }

  /** The check of {@code column}, which becomes NOT NULL. */
  public static CheckConstraint of(QualifiedName table, Column column) {
    return new CheckConstraint(name(table, column), QualifiedName.quote(column.name()) + " IS NOT NULL");
  }
}
