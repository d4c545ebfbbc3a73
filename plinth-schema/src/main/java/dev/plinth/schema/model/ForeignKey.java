package dev.plinth.schema.model;

import java.util.List;
import java.util.Objects;

/** A foreign key from columns of its table to a primary or unique key of {@code target}. */
public record ForeignKey(
    String name,
    List<String> columns,
    QualifiedName target,
    List<String> targetColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate)
    implements Named {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
    onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
    onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
  }

  public ForeignKey withName(String newName) {
    return new ForeignKey(newName, columns, target, targetColumns, onDelete, onUpdate);
  }

  public ForeignKey withTarget(QualifiedName newTarget) {
    return new ForeignKey(name, columns, newTarget, targetColumns, onDelete, onUpdate);
  }
}
