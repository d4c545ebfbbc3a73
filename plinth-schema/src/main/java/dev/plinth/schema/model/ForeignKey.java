package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/** A foreign key from columns of its table to a primary or unique key of {@code target}. */
@JsonPropertyOrder({"name", "columns", "target", "targetColumns", "onDelete", "onUpdate"})
public record ForeignKey(
    @JsonProperty("name") String name,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("target") QualifiedName target,
    @JsonProperty("targetColumns") List<String> targetColumns,
    @JsonProperty("onDelete") ReferentialAction onDelete,
    @JsonProperty("onUpdate") ReferentialAction onUpdate)
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
