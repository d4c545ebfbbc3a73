package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A column.
 *
 * @param name the SQL name
 * @param type the SQL type as PostgreSQL spells it ({@code character varying(320)}, {@code integer[]})
 * @param enumType the enum type the column uses (also as array element), or null
 * @param nullable whether NULL is allowed
 * @param defaultSql the default expression as written, or null
 * @param identity identity generation, {@link Identity#NONE} for none
 * @param comment the comment, or null
 * @param renamedFrom the previous name stated by {@code @RenamedFrom}, or null
 * @param sequence the sequence of a serial or identity column, or null (always for other columns;
 *     for an identity column: PostgreSQL's defaults, as journals written before sequences were
 *     recorded have it)
 * @param notNullName the name of the NOT NULL constraint of a column that is not nullable, or null
 *     to leave it to PostgreSQL (which names them from version 18)
 * @param collation the collation ({@code COLLATE "C"}), or null for the type's default; absent
 *     from the journal when null
 * @param generated the expression of a generated column ({@code GENERATED ALWAYS AS (...) STORED}),
 *     or null for a column that holds what is written to it; absent from the journal when null
 */
@JsonPropertyOrder({"name", "type", "enumType", "nullable", "defaultSql", "identity", "comment",
    "renamedFrom", "sequence", "notNullName", "collation", "generated"})
public record Column(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("enumType") QualifiedName enumType,
    @JsonProperty("nullable") boolean nullable,
    @JsonProperty("defaultSql") String defaultSql,
    @JsonProperty("identity") Identity identity,
    @JsonProperty("comment") String comment,
    @JsonProperty("renamedFrom") String renamedFrom,
    @JsonProperty("sequence") Sequence sequence,
    @JsonProperty("notNullName") String notNullName,
    @JsonProperty("collation") @JsonInclude(JsonInclude.Include.NON_NULL) String collation,
    @JsonProperty("generated") @JsonInclude(JsonInclude.Include.NON_NULL) String generated) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    identity = identity == null ? Identity.NONE : identity;
  }

  public Column(String name, String type, QualifiedName enumType, boolean nullable, String defaultSql,
      Identity identity, String comment, String renamedFrom) {
    this(name, type, enumType, nullable, defaultSql, identity, comment, renamedFrom, null);
  }

  public Column(String name, String type, QualifiedName enumType, boolean nullable, String defaultSql,
      Identity identity, String comment, String renamedFrom, Sequence sequence) {
    this(name, type, enumType, nullable, defaultSql, identity, comment, renamedFrom, sequence, null);
  }

  public Column(String name, String type, QualifiedName enumType, boolean nullable, String defaultSql,
      Identity identity, String comment, String renamedFrom, Sequence sequence, String notNullName) {
    this(name, type, enumType, nullable, defaultSql, identity, comment, renamedFrom, sequence,
        notNullName, null, null);
  }

  /** Whether the column is computed from the others ({@code GENERATED ALWAYS AS ... STORED}). */
  public boolean isGenerated() {
    return generated != null;
  }

  /** The column computed by {@code expression}, or a plain one (null). */
  public Column withGenerated(String expression) {
    return new Column(name, type, enumType, nullable, defaultSql, identity, comment, renamedFrom, sequence,
        notNullName, collation, expression);
  }

  /** The same column without the rename hint, for comparing definitions. */
  public Column definition() {
    return renamedFrom == null ? this : withRenamedFrom(null);
  }

  public Column withRenamedFrom(String previous) {
    return new Column(name, type, enumType, nullable, defaultSql, identity, comment, previous, sequence,
        notNullName, collation, generated);
  }

  public Column withDefault(String newDefault) {
    return new Column(name, type, enumType, nullable, newDefault, identity, comment, renamedFrom,
        null, null, collation, null);
  }

  /** The column with another collation, null for its type's default. */
  public Column withCollation(String newCollation) {
    return new Column(name, type, enumType, nullable, defaultSql, identity, comment, renamedFrom,
        sequence, notNullName, newCollation, generated);
  }

  public Column withName(String newName) {
    return new Column(newName, type, enumType, nullable, defaultSql, identity, comment, renamedFrom,
        sequence, notNullName, collation, generated);
  }

  /** The column with another type (and enum type, null for none). */
  public Column withType(String newType, QualifiedName newEnumType) {
    return new Column(name, newType, newEnumType, nullable, defaultSql, identity, comment, renamedFrom,
        sequence, notNullName, collation, generated);
  }

  public Column withSequence(Sequence newSequence) {
    return new Column(name, type, enumType, nullable, defaultSql, identity, comment, renamedFrom,
        newSequence, notNullName, collation, generated);
  }

  public Column withNotNullName(String newNotNullName) {
    return new Column(name, type, enumType, nullable, defaultSql, identity, comment, renamedFrom,
        sequence, newNotNullName, collation, generated);
  }

  /** The column nullable or not; a nullable one has no NOT NULL constraint to name. */
  public Column withNullable(boolean newNullable) {
    return new Column(name, type, enumType, newNullable, defaultSql, identity, comment, renamedFrom,
        sequence, newNullable ? null : notNullName, collation, generated);
  }
}
