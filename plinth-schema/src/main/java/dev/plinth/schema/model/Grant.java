package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Privileges on a table or view granted to a role.
 *
 * @param role the role that gets them ({@code PUBLIC} for everyone)
 * @param privileges {@code SELECT}, {@code INSERT}, ... sorted
 */
@JsonPropertyOrder({"role", "privileges"})
public record Grant(
    @JsonProperty("role") String role,
    @JsonProperty("privileges") List<String> privileges) {
  /** The privileges a table or view can be granted, as PostgreSQL spells them. */
  public static final List<String> PRIVILEGES =
      List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");

  public Grant {
    Objects.requireNonNull(role, "role");
    privileges = List.copyOf(new TreeSet<>(privileges));
  }
}
