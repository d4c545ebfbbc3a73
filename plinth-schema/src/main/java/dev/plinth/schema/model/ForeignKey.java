package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key from columns of its table to a primary key, unique constraint or unique index of
 * {@code target}; {@code targetColumns} in the order written, which need not be the key's.
 *
 * @param matchFull whether it is {@code MATCH FULL} (all referring columns NULL, or none); absent
 *     (false, {@code MATCH SIMPLE}) from entries written before it existed
 * @param deferrable when a deferrable key is checked, or null when it is not deferrable
 */
@JsonPropertyOrder({"name", "columns", "target", "targetColumns", "onDelete", "onUpdate",
    "matchFull", "deferrable"})
public record ForeignKey(
    @JsonProperty("name") String name,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("target") QualifiedName target,
    @JsonProperty("targetColumns") List<String> targetColumns,
    @JsonProperty("onDelete") ReferentialAction onDelete,
    @JsonProperty("onUpdate") ReferentialAction onUpdate,
    @JsonProperty("matchFull") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean matchFull,
    @JsonProperty("deferrable") @JsonInclude(JsonInclude.Include.NON_NULL) Deferral deferrable)
    implements Named {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
    onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
    onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
  }

  public ForeignKey(String name, List<String> columns, QualifiedName target,
      List<String> targetColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
    this(name, columns, target, targetColumns, onDelete, onUpdate, false, null);
  }

  public ForeignKey withName(String newName) {
    return new ForeignKey(newName, columns, target, targetColumns, onDelete, onUpdate, matchFull,
        deferrable);
  }

  public ForeignKey withTarget(QualifiedName newTarget) {
    return new ForeignKey(name, columns, newTarget, targetColumns, onDelete, onUpdate, matchFull,
        deferrable);
  }

  public ForeignKey withColumns(List<String> newColumns, List<String> newTargetColumns) {
    return new ForeignKey(name, newColumns, target, newTargetColumns, onDelete, onUpdate, matchFull,
        deferrable);
  }

  public ForeignKey withDeferrable(Deferral newDeferrable) {
    return new ForeignKey(name, columns, target, targetColumns, onDelete, onUpdate, matchFull,
        newDeferrable);
  }
}
