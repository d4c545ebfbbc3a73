package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A declared PostgreSQL schema ({@code @DbSchema} on a package): it exists while it is declared,
 * with or without objects in it. Schemas that tables only name are not declared ones (see
 * {@link Schema#namespaces()}).
 *
 * @param javaPackage the package whose {@code package-info} declares it
 * @param comment its comment, or null
 * @param renamedFrom the previous name stated by {@code @DbSchema(renamedFrom)}, or null; never
 *     recorded in a change (see {@link #definition()})
 */
@JsonPropertyOrder({"name", "javaPackage", "comment", "renamedFrom"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Namespace(
    @JsonProperty("name") String name,
    @JsonProperty("javaPackage") String javaPackage,
    @JsonProperty("comment") String comment,
    @JsonProperty("renamedFrom") String renamedFrom) {
  public Namespace {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaPackage, "javaPackage");
  }

  public Namespace(String name, String javaPackage, String comment) {
    this(name, javaPackage, comment, null);
  }

  /** The same declaration without its rename hint, for comparing and recording definitions. */
  public Namespace definition() {
    return renamedFrom == null ? this : new Namespace(name, javaPackage, comment);
  }

  public Namespace withName(String newName) {
    return new Namespace(newName, javaPackage, comment, renamedFrom);
  }
}
