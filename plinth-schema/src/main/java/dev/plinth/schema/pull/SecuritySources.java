package dev.plinth.schema.pull;

import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.TableSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The annotations of row-level security, policies, grants and roles in pulled records. */
final class SecuritySources {
  private static final String ANNOTATIONS = "dev.plinth.annotations.";

  private SecuritySources() {}

  /**
   * The record's {@code @RowLevelSecurity}, {@code @Policy} and {@code @Grant} lines, with an
   * {@code @Acknowledge} of the warning about policies without row-level security (PLN394) or the
   * reverse (PLN395) when the database has them so.
   */
  static String table(TableSecurity security, Set<String> imports) {
    StringBuilder out = new StringBuilder();
    // The database is as it is: the processor's warnings about it are acknowledged.
    if (!security.enabled() && !security.policies().isEmpty()) {
      imports.add(ANNOTATIONS + "Acknowledge");
      out.append("@Acknowledge(\"PLN394\")\n");
    } else if (security.enabled() && security.policies().isEmpty()) {
      imports.add(ANNOTATIONS + "Acknowledge");
      out.append("@Acknowledge(\"PLN395\")\n");
    }
    if (security.enabled() || security.forced()) {
      imports.add(ANNOTATIONS + "RowLevelSecurity");
      out.append(security.forced() ? "@RowLevelSecurity(force = true)" : "@RowLevelSecurity")
          .append('\n');
    }
    for (Policy policy : security.policies()) {
      out.append(policy(policy, imports)).append('\n');
    }
    for (Grant grant : security.grants()) {
      out.append(grant(grant, imports)).append('\n');
    }
    return out.toString();
  }

  static String grant(Grant grant, Set<String> imports) {
    imports.add(ANNOTATIONS + "Grant");
    imports.add(ANNOTATIONS + "Privilege");
    List<String> privileges = grant.privileges().stream().map(p -> "Privilege." + p).toList();
    return "@Grant(to = " + RecordSources.string(grant.role()) + ", privileges = "
        + (privileges.size() == 1 ? privileges.get(0) : "{" + String.join(", ", privileges) + "}")
        + (grant.sequence() == null ? "" : ", sequence = " + RecordSources.string(grant.sequence()))
        + ")";
  }

  /**
   * A function's grant, on the type that declares it: the function by its name, with its schema
   * outside {@code public} (the type may declare functions of that name in two schemas).
   */
  static String functionGrant(Grant grant, QualifiedName function, Set<String> imports) {
    String named = function.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? function.name()
        : function.toString();
    String written = grant(grant, imports);
    return written.substring(0, written.length() - 1) + ", function = "
        + RecordSources.string(named) + ")";
  }

  static String role(Role role) {
    return role.login() ? "@Role(value = " + RecordSources.string(role.name()) + ", login = true)"
        : "@Role(" + RecordSources.string(role.name()) + ")";
  }

  private static String policy(Policy policy, Set<String> imports) {
    imports.add(ANNOTATIONS + "Policy");
    List<String> attributes = new ArrayList<>();
    attributes.add("name = " + RecordSources.string(policy.name()));
    if (!policy.command().equals("ALL")) {
      imports.add(ANNOTATIONS + "PolicyCommand");
      attributes.add("command = PolicyCommand." + policy.command());
    }
    if (!policy.roles().isEmpty()) {
      List<String> roles = policy.roles().stream().map(RecordSources::string).toList();
      attributes.add("roles = " + (roles.size() == 1 ? roles.get(0)
          : "{" + String.join(", ", roles) + "}"));
    }
    if (!policy.permissive()) {
      attributes.add("permissive = false");
    }
    if (policy.using() != null) {
      attributes.add("using = " + RecordSources.string(policy.using()));
    }
    if (policy.withCheck() != null) {
      attributes.add("withCheck = " + RecordSources.string(policy.withCheck()));
    }
    return "@Policy(" + String.join(", ", attributes) + ")";
  }
}
