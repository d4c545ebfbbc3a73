package dev.plinth.schema.model;

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
 */
@JsonPropertyOrder({"name", "type", "enumType", "nullable", "defaultSql", "identity", "comment",
    "renamedFrom"})
public record Column(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("enumType") QualifiedName enumType,
    @JsonProperty("nullable") boolean nullable,
    @JsonProperty("defaultSql") String defaultSql,
    @JsonProperty("identity") Identity identity,
    @JsonProperty("comment") String comment,
    @JsonProperty("renamedFrom") String renamedFrom) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    identity = identity == null ? Identity.NONE : identity;
  }

  /** The same column without the rename hint, for comparing definitions. */
  public Column definition() {
    return renamedFrom == null ? this : withRenamedFrom(null);
  }

  public Column withRenamedFrom(String previous) {
    return new Column(name, type, enumType, nullable, defaultSql, identity, comment, previous);
  }

  public Column withDefault(String newDefault) {
    return new Column(name, type, enumType, nullable, newDefault, identity, comment, renamedFrom);
  }

  public Column withName(String newName) {
    return new Column(newName, type, enumType, nullable, defaultSql, identity, comment, renamedFrom);
  }
}
