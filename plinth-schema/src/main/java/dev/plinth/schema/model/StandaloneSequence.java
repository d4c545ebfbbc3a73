package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A declared sequence of its own ({@code @Sequence}), not tied to an identity or serial column.
 *
 * @param name its schema and name
 * @param type {@code smallint}, {@code integer} or {@code bigint}
 * @param options its options, without a name, canonical for its type (PostgreSQL's defaults left out)
 * @param ownedBy the column that owns it, {@code "table.column"} in its schema, or null
 * @param comment its comment, or null
 * @param declaredBy the class or package whose {@code @Sequence} declares it
 * @param renamedFrom the previous name stated by {@code renamedFrom}, or null; never recorded in a
 *     change (see {@link #definition()})
 */
@JsonPropertyOrder({"name", "type", "options", "ownedBy", "comment", "declaredBy", "renamedFrom"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StandaloneSequence(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("type") String type,
    @JsonProperty("options") Sequence options,
    @JsonProperty("ownedBy") String ownedBy,
    @JsonProperty("comment") String comment,
    @JsonProperty("declaredBy") String declaredBy,
    @JsonProperty("renamedFrom") String renamedFrom) {
  public StandaloneSequence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    options = (options == null ? Sequence.named(null) : options.options()).canonical(type);
  }

  /** The same declaration without its rename hint, for comparing and recording definitions. */
  public StandaloneSequence definition() {
    return renamedFrom == null ? this : withRenamedFrom(null);
  }

  public StandaloneSequence withName(QualifiedName newName) {
    return new StandaloneSequence(newName, type, options, ownedBy, comment, declaredBy, renamedFrom);
  }

  public StandaloneSequence withOwnedBy(String column) {
    return new StandaloneSequence(name, type, options, column, comment, declaredBy, renamedFrom);
  }

  public StandaloneSequence withRenamedFrom(String from) {
    return new StandaloneSequence(name, type, options, ownedBy, comment, declaredBy, from);
  }

  /** The table of {@link #ownedBy()}, in the sequence's schema; null when no column owns it. */
  @JsonIgnore
  public QualifiedName ownerTable() {
    return ownedBy == null ? null : new QualifiedName(name.schema(), ownedBy.substring(0, ownedBy.indexOf('.')));
  }

  /** The column of {@link #ownedBy()}; null when no column owns it. */
  @JsonIgnore
  public String ownerColumn() {
    return ownedBy == null ? null : ownedBy.substring(ownedBy.indexOf('.') + 1);
  }
}
