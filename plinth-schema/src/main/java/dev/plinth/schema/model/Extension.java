package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A declared extension ({@code @Extension}), created when the database does not have it.
 *
 * @param name the extension name
 * @param schema the schema its objects go to, or null for the extension's own choice
 * @param version the version to create, or null for the server's default one
 * @param declaredBy the class or package whose {@code @Extension} declares it
 */
@JsonPropertyOrder({"name", "schema", "version", "declaredBy"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Extension(
    @JsonProperty("name") String name,
    @JsonProperty("schema") String schema,
    @JsonProperty("version") String version,
    @JsonProperty("declaredBy") String declaredBy) implements Named {
  public Extension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }
}
