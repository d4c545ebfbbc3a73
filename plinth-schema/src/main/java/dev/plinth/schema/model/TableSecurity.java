package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who may see and change a table's rows: row-level security, its policies (sorted by name) and
 * the privileges granted on the table (sorted by role).
 *
 * @param enabled whether row-level security is enabled
 * @param forced whether it applies to the table's owner too ({@code FORCE ROW LEVEL SECURITY})
 */
@JsonPropertyOrder({"enabled", "forced", "policies", "grants"})
public record TableSecurity(
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("forced") boolean forced,
    @JsonProperty("policies") List<Policy> policies,
    @JsonProperty("grants") List<Grant> grants) {
  /** No row-level security, no policy, no grant. */
  public static final TableSecurity NONE = new TableSecurity(false, false, List.of(), List.of());

  public TableSecurity {
    List<Policy> sortedPolicies = new ArrayList<>(policies == null ? List.of() : policies);
    sortedPolicies.sort(Comparator.comparing(Policy::name));
    policies = List.copyOf(sortedPolicies);
    grants = sortedGrants(grants);
  }

  /** The grants sorted by role, those on the table or view before those on a sequence. */
  public static List<Grant> sortedGrants(List<Grant> grants) {
    List<Grant> sorted = new ArrayList<>(grants == null ? List.of() : grants);
    sorted.sort(Comparator.comparing(Grant::role).thenComparing(Grant::sequence,
        Comparator.nullsFirst(Comparator.naturalOrder())));
    return List.copyOf(sorted);
  }

  public boolean isNone() {
    return equals(NONE);
  }

  public TableSecurity withRowSecurity(boolean newEnabled, boolean newForced) {
    return new TableSecurity(newEnabled, newForced, policies, grants);
  }

  public TableSecurity withPolicies(List<Policy> newPolicies) {
    return new TableSecurity(enabled, forced, newPolicies, grants);
  }

  public TableSecurity withGrants(List<Grant> newGrants) {
    return new TableSecurity(enabled, forced, policies, newGrants);
  }
}
