package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A role that policies and grants name. Roles belong to the cluster, not to a database: one is
 * created when it is missing and never dropped by a migration or its reverse.
 *
 * @param login whether it is created {@code LOGIN} (else {@code NOLOGIN})
 * @param declaredBy the class or package whose {@code @Role} declares it
 */
@JsonPropertyOrder({"name", "login", "declaredBy"})
public record Role(
    @JsonProperty("name") String name,
    @JsonProperty("login") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean login,
    @JsonProperty("declaredBy") String declaredBy)
    implements Named {
  /** The pseudo-role every role is a member of: it needs no declaration. */
  public static final String PUBLIC = "PUBLIC";

  public Role {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }
}
