package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Privileges on a table or view (or a sequence, or a function) granted to a role.
 *
 * @param role the role that gets them ({@code PUBLIC} for everyone)
 * @param privileges {@code SELECT}, {@code INSERT}, ... sorted
 * @param sequence the sequence, in the table's schema, the privileges are on; null for the table
 *     or view itself
 */
@JsonPropertyOrder({"role", "privileges", "sequence"})
public record Grant(
    @JsonProperty("role") String role,
    @JsonProperty("privileges") List<String> privileges,
    @JsonProperty("sequence") @JsonInclude(JsonInclude.Include.NON_NULL) String sequence) {
  /** The privileges a table or view can be granted, as PostgreSQL spells them. */
  public static final List<String> PRIVILEGES =
      List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");

  /** The privileges a sequence can be granted, as PostgreSQL spells them. */
  public static final List<String> SEQUENCE_PRIVILEGES = List.of("SELECT", "UPDATE", "USAGE");

  /** The privilege a function can be granted. */
  public static final List<String> FUNCTION_PRIVILEGES = List.of("EXECUTE");

  public Grant {
    Objects.requireNonNull(role, "role");
    privileges = List.copyOf(new TreeSet<>(privileges));
  }

  /** Privileges on the table or view itself. */
  public Grant(String role, List<String> privileges) {
    this(role, privileges, null);
  }

  /** The privileges a grant on {@code sequence} (null for a table or view) may name. */
  public static List<String> privilegesOn(String sequence) {
    return sequence == null ? PRIVILEGES : SEQUENCE_PRIVILEGES;
  }
}
