package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.ChangeFunctionGrant;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may execute a function, as changes: from one {@linkplain Function#acl() access list} to
 * another, one role at a time, by role name. A function with grants declared is executable by
 * exactly those roles (so {@code PUBLIC} loses the {@code EXECUTE} PostgreSQL gives it on a new
 * function, unless granted); one without keeps PostgreSQL's default.
 */
public final class FunctionGrants {
  private FunctionGrants() {}

  /** The changes that turn the privileges of {@code function} from {@code before} to {@code after}. */
  public static List<ChangeFunctionGrant> between(Function function, List<Grant> before,
      List<Grant> after) {
    Map<String, List<String>> old = new TreeMap<>();
    before.forEach(g -> old.put(g.role(), g.privileges()));
    Map<String, List<String>> now = new TreeMap<>();
    after.forEach(g -> now.put(g.role(), g.privileges()));
    TreeSet<String> roles = new TreeSet<>(old.keySet());
    roles.addAll(now.keySet());
    List<ChangeFunctionGrant> changes = new ArrayList<>();
    for (String role : roles) {
      List<String> from = old.getOrDefault(role, List.of());
      List<String> to = now.getOrDefault(role, List.of());
      if (!from.equals(to)) {
        changes.add(new ChangeFunctionGrant(function.name(), function.arguments(), role, from, to));
      }
    }
    return changes;
  }

  /**
   * What a function just created (which PostgreSQL makes executable by {@code PUBLIC}) needs to
   * be executable by exactly the roles it grants.
   */
  public static List<ChangeFunctionGrant> ofCreated(Function function) {
    return between(function, Function.DEFAULT_ACL, function.acl());
  }
}
