package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A row-level security policy of a table.
 *
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param permissive whether it is {@code PERMISSIVE} (else {@code RESTRICTIVE})
 * @param roles the roles it applies to, sorted; empty for {@code PUBLIC}
 * @param using the {@code USING} expression as written, or null
 * @param withCheck the {@code WITH CHECK} expression as written, or null
 * @param renamedFrom the previous name stated by {@code renamedFrom}, or null
 */
@JsonPropertyOrder({"name", "command", "permissive", "roles", "using", "withCheck", "renamedFrom"})
public record Policy(
    @JsonProperty("name") String name,
    @JsonProperty("command") String command,
    @JsonProperty("permissive") boolean permissive,
    @JsonProperty("roles") List<String> roles,
    @JsonProperty("using") @JsonInclude(JsonInclude.Include.NON_NULL) String using,
    @JsonProperty("withCheck") @JsonInclude(JsonInclude.Include.NON_NULL) String withCheck,
    @JsonProperty("renamedFrom") @JsonInclude(JsonInclude.Include.NON_NULL) String renamedFrom)
    implements Named {
  /** The commands a policy can be for. */
  public static final List<String> COMMANDS = List.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE");

  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
    roles = roles == null ? List.of() : List.copyOf(new TreeSet<>(roles));
  }

  public Policy withName(String newName) {
    return new Policy(newName, command, permissive, roles, using, withCheck, renamedFrom);
  }

  public Policy withRenamedFrom(String previous) {
    return new Policy(name, command, permissive, roles, using, withCheck, previous);
  }

  public Policy withExpressions(String newUsing, String newWithCheck) {
    return new Policy(name, command, permissive, roles, newUsing, newWithCheck, renamedFrom);
  }
}
